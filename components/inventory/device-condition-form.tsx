'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { updateDeviceConditionAction } from '@/lib/actions/inventory/update-device-condition';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import {
  blacklistLabels,
  blacklistStates,
  carrierLockLabels,
  carrierLockStates,
  lockStateLabels,
  lockStates,
  type DeviceCondition,
} from '@/lib/device-condition';
import { deviceConditionFormSchema } from '@/lib/validation/device-condition';

type Values = z.input<typeof deviceConditionFormSchema>;

/** The form's text values of a device's condition. */
export function conditionFormValues(c: DeviceCondition): Values {
  return {
    batteryHealth: c.batteryHealth === null ? '' : String(c.batteryHealth),
    batteryCycles: c.batteryCycles === null ? '' : String(c.batteryCycles),
    carrierLock: c.carrierLock,
    carrier: c.carrier ?? '',
    blacklistStatus: c.blacklistStatus,
    activationLock: c.activationLock,
    mdmLock: c.mdmLock,
    frpLock: c.frpLock,
    functionalTest: c.functionalTest ?? '',
    failedChecks: c.failedChecks.join('\n'),
    cosmeticNotes: c.cosmeticNotes ?? '',
    testedAt: c.testedAt ? c.testedAt.toISOString().slice(0, 10) : '',
    testSource: c.testSource ?? '',
  };
}

const lockFields = [
  { name: 'activationLock', label: 'Activation lock (iCloud / Find My)' },
  { name: 'mdmLock', label: 'MDM' },
  { name: 'frpLock', label: 'FRP (Google lock)' },
] as const;

/** Edits one device's condition; the same zod schema checks the form here and the action on the server. */
export function DeviceConditionForm({ deviceId, condition }: { deviceId: number; condition: DeviceCondition }) {
  const router = useRouter();
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<Values, unknown, DeviceCondition>({
    resolver: zodResolver(deviceConditionFormSchema),
    defaultValues: conditionFormValues(condition),
  });
  const { errors, isSubmitting } = form.formState;
  const message = (name: keyof Values) => errors[name]?.message as string | undefined;

  const submit = form.handleSubmit(async () => {
    setAnswer(null);
    // The action parses the text values itself (the same schema), so it gets what the form holds.
    const result = await updateDeviceConditionAction({ deviceId, ...form.getValues() });
    if (!result.ok) {
      for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0] && name in condition) form.setError(name as keyof Values, { message: messages[0] });
      }
      setAnswer({ ok: false, text: result.error });
      return;
    }
    setAnswer({ ok: true, text: result.message ?? 'Saved.' });
    router.refresh();
  });

  const control = (name: keyof Values) => ({
    id: `condition-${name}`,
    'aria-invalid': Boolean(errors[name]),
    ...form.register(name),
  });

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate aria-label="Condition">
      {answer ? <Alert tone={answer.ok ? 'success' : 'error'}>{answer.text}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="condition-batteryHealth" label="Battery health %" error={message('batteryHealth')}>
          <Input inputMode="numeric" {...control('batteryHealth')} />
        </Field>
        <Field id="condition-batteryCycles" label="Battery cycle count" error={message('batteryCycles')}>
          <Input inputMode="numeric" {...control('batteryCycles')} />
        </Field>
        <Field id="condition-blacklistStatus" label="Blacklist" error={message('blacklistStatus')}>
          <Select {...control('blacklistStatus')}>
            {blacklistStates.map((v) => (
              <option key={v} value={v}>
                {blacklistLabels[v]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="condition-carrierLock" label="Carrier lock" error={message('carrierLock')}>
          <Select {...control('carrierLock')}>
            {carrierLockStates.map((v) => (
              <option key={v} value={v}>
                {carrierLockLabels[v]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="condition-carrier" label="Locked to carrier" hint="For a carrier-locked phone, e.g. AT&T." error={message('carrier')}>
          <Input aria-describedby="condition-carrier-hint" {...control('carrier')} />
        </Field>
        {lockFields.map((f) => (
          <Field key={f.name} id={`condition-${f.name}`} label={f.label} error={message(f.name)}>
            <Select {...control(f.name)}>
              {lockStates.map((v) => (
                <option key={v} value={v}>
                  {lockStateLabels[v]}
                </option>
              ))}
            </Select>
          </Field>
        ))}
        <Field id="condition-functionalTest" label="Functional test" error={message('functionalTest')}>
          <Select {...control('functionalTest')}>
            <option value="">Not tested</option>
            <option value="pass">Pass</option>
            <option value="fail">Fail</option>
          </Select>
        </Field>
        <Field id="condition-testedAt" label="Tested on" error={message('testedAt')}>
          <Input type="date" {...control('testedAt')} />
        </Field>
        <Field id="condition-testSource" label="Test source" hint="The diagnostics tool, or “manual”." error={message('testSource')}>
          <Input aria-describedby="condition-testSource-hint" {...control('testSource')} />
        </Field>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="condition-failedChecks" label="Failed checks" hint="One per line, e.g. Face ID." error={message('failedChecks')}>
          <Textarea rows={3} aria-describedby="condition-failedChecks-hint" {...control('failedChecks')} />
        </Field>
        <Field id="condition-cosmeticNotes" label="Cosmetic notes" error={message('cosmeticNotes')}>
          <Textarea rows={3} {...control('cosmeticNotes')} />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : 'Save condition'}
      </Button>
    </form>
  );
}
