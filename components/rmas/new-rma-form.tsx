'use client';

import { useSellerFormat } from '@/components/ui/seller-format';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-form';
import { checkRmaDevicesAction } from '@/lib/actions/rmas/check-rma-devices';
import { createRmaAction } from '@/lib/actions/rmas/create-rma';
import type { ActionResult } from '@/lib/actions/result';
import { formatMoney } from '@/lib/money';

type Device = { imei: string; sku: string; description: string; orderNumber: number; unitPrice: number | null; unitPriceText: string };
type LineState = { reason: string; disposition: 'return' | 'keep_partial_refund'; refund: string };

/**
 * Two steps: paste the IMEIs and check them (devices not sold to that
 * organization, or already on an open RMA, are refused by name), then give
 * each device a reason, a disposition and a refund, and create the RMA.
 */
export function NewRmaForm({ organizations, currency }: { organizations: { id: number; name: string }[]; currency: string }) {
  const sellerFormat = useSellerFormat();
  const router = useRouter();
  const [organizationId, setOrganizationId] = useState('');
  const [paste, setPaste] = useState('');
  const [notes, setNotes] = useState('');
  const [checked, setChecked] = useState<{ organizationName: string; devices: Device[] } | null>(null);
  const [lines, setLines] = useState<LineState[]>([]);
  const [allReason, setAllReason] = useState('');
  const [checkResult, setCheckResult] = useState<ActionResult<unknown> | null>(null);
  const [createResult, setCreateResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function resetCheck() {
    setChecked(null);
    setCreateResult(null);
  }

  function check(event: React.FormEvent) {
    event.preventDefault();
    setCreateResult(null);
    startTransition(async () => {
      const answer = await checkRmaDevicesAction({ organizationId, imeis: paste });
      setCheckResult(answer.ok ? null : answer);
      if (answer.ok) {
        setChecked(answer.data);
        setLines(answer.data.devices.map(() => ({ reason: '', disposition: 'return', refund: '' })));
      } else {
        setChecked(null);
      }
    });
  }

  function create(event: React.FormEvent) {
    event.preventDefault();
    if (!checked) return;
    startTransition(async () => {
      const answer = await createRmaAction({
        organizationId,
        notes,
        lines: checked.devices.map((d, i) => ({ imei: d.imei, ...lines[i]! })),
      });
      setCreateResult(answer);
      if (answer.ok) router.push(`/admin/rmas/${answer.data.number}`);
    });
  }

  const setLine = (i: number, patch: Partial<LineState>) => setLines((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <div className="space-y-6">
      <form onSubmit={check} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <h2 className="text-lg font-semibold">1. Devices to return</h2>
        <Field id="rma-organization" label="Organization">
          <Select
            id="rma-organization"
            value={organizationId}
            onChange={(e) => {
              setOrganizationId(e.target.value);
              resetCheck();
            }}
          >
            <option value="" disabled>
              Choose an organization
            </option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="rma-imeis" label="IMEIs to return" hint="One per line, or separated by commas or spaces. Only devices sold to this organization can be returned.">
          <Textarea
            id="rma-imeis"
            rows={5}
            className="font-mono"
            spellCheck={false}
            value={paste}
            onChange={(e) => {
              setPaste(e.target.value);
              resetCheck();
            }}
          />
        </Field>
        <Button type="submit" variant={checked ? 'secondary' : 'primary'} disabled={pending || !organizationId || !paste.trim()}>
          {pending && !checked ? 'Checking…' : 'Check devices'}
        </Button>
        <ActionMessage result={checkResult} />
      </form>

      {checked ? (
        <form onSubmit={create} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
          <h2 className="text-lg font-semibold">
            2. Reason, disposition and refund for {checked.devices.length === 1 ? 'the device' : `${checked.devices.length} devices`} of{' '}
            {checked.organizationName}
          </h2>
          <div className="flex flex-wrap items-end gap-3">
            <Field id="rma-all-reason" label="One reason for every device (optional)">
              <Input id="rma-all-reason" value={allReason} onChange={(e) => setAllReason(e.target.value)} className="w-80" maxLength={500} />
            </Field>
            <Button variant="secondary" onClick={() => setLines((all) => all.map((l) => ({ ...l, reason: allReason })))} disabled={!allReason.trim()}>
              Use for every device
            </Button>
          </div>
          <ol className="space-y-3">
            {checked.devices.map((d, i) => (
              <li key={d.imei}>
                <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_14rem_10rem]">
                  <legend className="px-1 text-sm">
                    <span className="font-mono font-medium">{d.imei}</span> · {d.description} · order {d.orderNumber} ·{' '}
                    {d.unitPrice === null ? 'price to be quoted' : `sold for ${formatMoney(d.unitPrice, currency, sellerFormat.locale)}`}
                  </legend>
                  <Field id={`rma-reason-${i}`} label={`Reason for ${d.imei}`}>
                    <Input id={`rma-reason-${i}`} value={lines[i]?.reason ?? ''} onChange={(e) => setLine(i, { reason: e.target.value })} maxLength={500} />
                  </Field>
                  <Field id={`rma-disposition-${i}`} label="Disposition">
                    <Select
                      id={`rma-disposition-${i}`}
                      value={lines[i]?.disposition ?? 'return'}
                      onChange={(e) => setLine(i, { disposition: e.target.value as LineState['disposition'] })}
                    >
                      <option value="return">Return the device</option>
                      <option value="keep_partial_refund">Keep it with a partial refund</option>
                    </Select>
                  </Field>
                  <Field
                    id={`rma-refund-${i}`}
                    label={`Refund (${currency})`}
                    hint={d.unitPrice === null ? undefined : `At most ${d.unitPriceText}`}
                  >
                    <Input
                      id={`rma-refund-${i}`}
                      inputMode="decimal"
                      value={lines[i]?.refund ?? ''}
                      placeholder="0.00"
                      onChange={(e) => setLine(i, { refund: e.target.value })}
                    />
                  </Field>
                </fieldset>
              </li>
            ))}
          </ol>
          <Field id="rma-notes" label="Notes">
            <Textarea id="rma-notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={2000} />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating RMA…' : 'Create RMA'}
          </Button>
          <ActionMessage result={createResult && !createResult.ok ? createResult : null} />
        </form>
      ) : null}
    </div>
  );
}
