'use client';

import { useState, useTransition } from 'react';
import { applyConditionPasteAction } from '@/lib/actions/inventory/apply-condition-paste';
import { previewConditionPasteAction } from '@/lib/actions/inventory/preview-condition-paste';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import {
  blacklistLabels,
  blacklistStates,
  carrierLockLabels,
  carrierLockStates,
  lockStateLabels,
  lockStates,
} from '@/lib/device-condition';
import type { LineProblem } from '@/lib/refusal';
import type { ConditionPasteInput } from '@/lib/validation/device-condition';

type Values = Required<Omit<ConditionPasteInput, 'text'>>;
const empty: Record<keyof Values, string> = {
  batteryHealth: '',
  carrierLock: '',
  carrier: '',
  blacklistStatus: '',
  activationLock: '',
  mdmLock: '',
  frpLock: '',
  functionalTest: '',
  failedChecks: '',
  testedAt: '',
  testSource: '',
};

const selects: { name: keyof Values; label: string; options: { value: string; label: string }[] }[] = [
  { name: 'blacklistStatus', label: 'Blacklist', options: blacklistStates.map((v) => ({ value: v, label: blacklistLabels[v] })) },
  { name: 'carrierLock', label: 'Carrier lock', options: carrierLockStates.map((v) => ({ value: v, label: carrierLockLabels[v] })) },
  { name: 'activationLock', label: 'Activation lock', options: lockStates.map((v) => ({ value: v, label: lockStateLabels[v] })) },
  { name: 'mdmLock', label: 'MDM', options: lockStates.map((v) => ({ value: v, label: lockStateLabels[v] })) },
  { name: 'frpLock', label: 'FRP', options: lockStates.map((v) => ({ value: v, label: lockStateLabels[v] })) },
  { name: 'functionalTest', label: 'Functional test', options: [{ value: 'pass', label: 'Pass' }, { value: 'fail', label: 'Fail' }] },
];

/**
 * Paste IMEIs, choose the values to set on all of them (everything else stays), see
 * how many match and which lines are refused, then apply: one transaction, audited.
 */
export function ConditionPasteForm() {
  const [text, setText] = useState('');
  const [values, setValues] = useState(empty);
  const [preview, setPreview] = useState<{ matched: number; problems: LineProblem[] } | null>(null);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string; problems?: string[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (name: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setAnswer(null);
  };
  const chosen = Object.values(values).some(Boolean);

  function check() {
    setAnswer(null);
    startTransition(async () => {
      const result = await previewConditionPasteAction({ text });
      if (!result.ok) {
        setPreview(null);
        setAnswer({ ok: false, text: result.error });
      } else setPreview(result.data);
    });
  }

  function apply() {
    startTransition(async () => {
      const result = await applyConditionPasteAction({ text, ...values });
      if (result.ok) {
        setPreview(null);
        setAnswer({ ok: true, text: result.message ?? 'Updated.' });
      } else setAnswer({ ok: false, text: result.error, problems: result.problems });
    });
  }

  return (
    <div className="space-y-4">
      <Field id="paste-imeis" label="IMEIs" hint="One per line (or scan them). Serial numbers work too.">
        <Textarea
          id="paste-imeis"
          rows={6}
          value={text}
          aria-describedby="paste-imeis-hint"
          className="font-mono"
          onChange={(e) => {
            setText(e.target.value);
            setPreview(null);
          }}
        />
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Set on every pasted device (leave a field unchanged to keep each device’s own value)</legend>
        <div className="grid gap-4 md:grid-cols-3">
          {selects.map((s) => (
            <Field key={s.name} id={`paste-${s.name}`} label={s.label}>
              <Select id={`paste-${s.name}`} value={values[s.name]} onChange={(e) => set(s.name, e.target.value)}>
                <option value="">Leave unchanged</option>
                {s.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          <Field id="paste-carrier" label="Locked to carrier">
            <Input id="paste-carrier" value={values.carrier} onChange={(e) => set('carrier', e.target.value)} />
          </Field>
          <Field id="paste-batteryHealth" label="Battery health %">
            <Input id="paste-batteryHealth" inputMode="numeric" value={values.batteryHealth} onChange={(e) => set('batteryHealth', e.target.value)} />
          </Field>
          <Field id="paste-failedChecks" label="Failed checks" hint="Separated by commas.">
            <Input id="paste-failedChecks" aria-describedby="paste-failedChecks-hint" value={values.failedChecks} onChange={(e) => set('failedChecks', e.target.value)} />
          </Field>
          <Field id="paste-testedAt" label="Tested on">
            <Input id="paste-testedAt" type="date" value={values.testedAt} onChange={(e) => set('testedAt', e.target.value)} />
          </Field>
          <Field id="paste-testSource" label="Test source">
            <Input id="paste-testSource" value={values.testSource} onChange={(e) => set('testSource', e.target.value)} />
          </Field>
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={check} disabled={pending || !text.trim()}>
          Preview
        </Button>
        {preview && preview.problems.length === 0 && preview.matched > 0 ? (
          <Button onClick={apply} disabled={pending || !chosen}>
            Apply to {preview.matched.toLocaleString('en-US')} {preview.matched === 1 ? 'device' : 'devices'}
          </Button>
        ) : null}
      </div>
      {preview ? (
        <p className="text-sm" aria-live="polite">
          {preview.matched.toLocaleString('en-US')} {preview.matched === 1 ? 'device matches' : 'devices match'}
          {preview.problems.length ? `; ${preview.problems.length.toLocaleString('en-US')} lines are refused, so nothing can be applied until they are fixed or removed.` : '.'}
          {!chosen ? ' Choose at least one value to set.' : ''}
        </p>
      ) : null}
      {preview?.problems.length ? (
        <Table caption="Refused lines" hideCaption={false}>
          <thead>
            <tr>
              <Th>Line</Th>
              <Th>IMEI</Th>
              <Th>Problem</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.problems.slice(0, 500).map((p, i) => (
              <tr key={`${p.line}-${i}`}>
                <Td className="tabular-nums">{p.line}</Td>
                <Td className="font-mono text-xs">{p.value}</Td>
                <Td>{p.reason}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {answer ? (
        <Alert tone={answer.ok ? 'success' : 'error'} title={answer.text}>
          {answer.problems?.length ? (
            <ul>
              {answer.problems.slice(0, 50).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
