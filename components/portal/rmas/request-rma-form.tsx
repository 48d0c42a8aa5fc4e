'use client';

import { useSellerFormat } from '@/components/ui/seller-format';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { checkRmaDevicesAction } from '@/lib/actions/portal/check-rma-devices';
import { requestRmaAction } from '@/lib/actions/portal/request-rma';
import type { ReturnRow } from '@/lib/portal/rma-rows';
import { splitPastedIdentifiers } from '@/lib/imei';
import { formatDate } from '@/lib/format/dates';
import {
  MAX_RETURN_DEVICES,
  returnRequestSchema,
  type ReturnRequestInput,
} from '@/lib/validation/return-request';

type Values = ReturnRequestInput;

const emptyLine = (imei: string) => ({ imei, reason: '', disposition: 'return' as const, requestedRefund: '' });

const plural = (n: number) => `${n} ${n === 1 ? 'device' : 'devices'}`;

/**
 * The return request: devices come from the Purchased devices page or are
 * pasted here. Only devices that can be returned join the list, each with a
 * reason and a disposition; the others go to "Not added" with the reason, and
 * are never counted, validated or sent. The server checks every device again
 * on submit and refuses the whole request, naming IMEIs, if any cannot be
 * returned.
 */
export function ReturnRequestForm({ slug, initialRows, currency }: { slug: string; initialRows: ReturnRow[]; currency: string }) {
  const sellerFormat = useSellerFormat();
  const router = useRouter();
  const [rows, setRows] = useState<Record<string, ReturnRow>>(() => Object.fromEntries(initialRows.map((r) => [r.imei, r])));
  const [refused, setRefused] = useState<ReturnRow[]>(() => initialRows.filter((r) => r.problem));
  const [pasted, setPasted] = useState('');
  const [pasteMessage, setPasteMessage] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // A refusal arrives after the submit button at the bottom: bring it into view and to screen readers.
  useEffect(() => {
    if (serverError) errorRef.current?.focus();
  }, [serverError]);
  const [checking, startChecking] = useTransition();
  const form = useForm<Values>({
    resolver: zodResolver(returnRequestSchema),
    defaultValues: { lines: initialRows.filter((r) => !r.problem).map((r) => emptyLine(r.imei)), notes: '' },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'lines' });
  const lines = useWatch({ control: form.control, name: 'lines' }) ?? [];
  const errors = form.formState.errors;

  /** Any change to the lists makes an earlier message stale. */
  function clearMessages() {
    setPasteMessage(null);
    setServerError(null);
  }

  function removeLine(i: number) {
    clearMessages();
    remove(i);
  }

  function removeRefused(imei: string | null) {
    clearMessages();
    setRefused((current) => (imei === null ? [] : current.filter((r) => r.imei !== imei)));
  }

  function addPasted() {
    clearMessages();
    const present = new Set(lines.map((l) => l.imei));
    const entered = [...new Set(splitPastedIdentifiers(pasted).map((e) => e.value))];
    const fresh = entered.filter((imei) => !present.has(imei));
    const skipped = entered.length - fresh.length;
    if (!fresh.length) {
      setPasteMessage(entered.length ? 'Those devices are already in the list.' : 'Paste one or more IMEIs first.');
      return;
    }
    if (lines.length + fresh.length > MAX_RETURN_DEVICES) {
      setPasteMessage(`A return request holds at most ${MAX_RETURN_DEVICES} devices.`);
      return;
    }
    startChecking(async () => {
      const result = await checkRmaDevicesAction(slug, { imeis: fresh });
      if (!result.ok) {
        setPasteMessage(result.error);
        return;
      }
      const eligible = result.data.filter((r) => !r.problem);
      const notAdded = result.data.filter((r) => r.problem);
      setRows((current) => ({ ...current, ...Object.fromEntries(result.data.map((r) => [r.imei, r])) }));
      if (eligible.length) append(eligible.map((r) => emptyLine(r.imei)));
      // A device checked again replaces its earlier refusal (it may be returnable now, or refused for another reason).
      const checked = new Set(result.data.map((r) => r.imei));
      setRefused((current) => [...current.filter((r) => !checked.has(r.imei)), ...notAdded]);
      setPasted('');
      setPasteMessage(
        [
          eligible.length ? `Added ${plural(eligible.length)}.` : 'No device was added.',
          notAdded.length ? `${plural(notAdded.length)} cannot be returned; see “Not added”.` : '',
          skipped ? `${plural(skipped)} already in the list.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    });
  }

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    const result = await requestRmaAction(slug, values);
    if (!result.ok) {
      setServerError(result.error);
      for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.length) form.setError(key as `lines.${number}.imei`, { type: 'server', message: messages.join(' ') });
      }
      return;
    }
    router.push(`/p/${slug}/rmas/${result.data.number}?requested=1`);
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-8">
      {serverError ? (
        <div ref={errorRef} tabIndex={-1} className="scroll-mt-4 outline-none">
          <Alert tone="error" title="The return request was not sent">
            {serverError}
          </Alert>
        </div>
      ) : null}

      <section aria-labelledby="add-devices" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-devices" className="mb-3 text-lg font-semibold">
          Add devices
        </h2>
        <Field id="paste-imeis" label="Paste IMEIs" hint="One per line, or separated by commas or spaces, as a scanner or spreadsheet gives them.">
          <Textarea id="paste-imeis" rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} className="font-mono" />
        </Field>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button variant="secondary" onClick={addPasted} disabled={checking}>
            {checking ? 'Checking…' : 'Check and add'}
          </Button>
          {pasteMessage ? (
            <p role="status" className="text-sm text-slate-700">
              {pasteMessage}
            </p>
          ) : null}
        </div>
      </section>

      {refused.length ? (
        <section aria-labelledby="not-added" className="rounded-lg border border-red-200 bg-red-50 p-4">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
            <h2 id="not-added" className="text-lg font-semibold text-red-900">
              Not added ({refused.length})
            </h2>
            <Button variant="secondary" size="sm" onClick={() => removeRefused(null)}>
              Remove all
            </Button>
          </div>
          <p className="mb-2 text-sm text-red-900">These devices cannot be returned and are not part of the request.</p>
          <ul aria-label="Devices not added" className="space-y-1 text-sm">
            {refused.map((r) => (
              <li key={r.imei} className="flex items-start justify-between gap-3">
                <span>
                  <span className="font-mono font-semibold">{r.imei}</span> {r.problem}
                  {r.description ? <span className="text-slate-700"> ({r.description})</span> : null}
                </span>
                <Button variant="ghost" size="sm" onClick={() => removeRefused(r.imei)} aria-label={`Remove ${r.imei} from Not added`}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="devices-to-return">
        <h2 id="devices-to-return" className="mb-3 text-lg font-semibold">
          Devices to return ({fields.length})
        </h2>
        {errors.lines?.root?.message || errors.lines?.message ? (
          <p role="alert" className="mb-3 text-sm text-red-700">
            {errors.lines?.root?.message ?? errors.lines?.message}
          </p>
        ) : null}
        {fields.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
            No devices yet. Paste IMEIs above, or select devices on the Purchased devices page.
          </p>
        ) : (
          <ol className="space-y-4">
            {fields.map((field, i) => {
              const row = rows[field.imei];
              const keep = lines[i]?.disposition === 'keep_partial_refund';
              const imeiError = errors.lines?.[i]?.imei?.message;
              const problem = imeiError ?? row?.problem;
              return (
                <li key={field.id}>
                  <fieldset
                    className={`rounded-lg border bg-white p-4 ${problem ? 'border-red-300' : 'border-slate-200'}`}
                    data-imei={field.imei}
                  >
                    <legend className="px-1 font-mono font-semibold">IMEI {field.imei}</legend>
                    <input type="hidden" {...form.register(`lines.${i}.imei`)} />
                    <div className="mb-3 flex items-start justify-between gap-3 text-sm">
                      <div className="min-w-0 flex-1">
                        {row?.description ? <p className="font-medium">{row.description}</p> : null}
                        {row?.orderNumber ? (
                          <p className="text-slate-600">
                            Order {row.orderNumber}, ordered {formatDate(row.orderedOn, sellerFormat)}
                            {row.returnBy && !problem ? ` · returns until ${formatDate(row.returnBy, sellerFormat)}` : ''}
                          </p>
                        ) : null}
                        {problem ? (
                          <p role="alert" className="mt-1 font-medium text-red-700">
                            Cannot be returned: this device {problem}.
                          </p>
                        ) : null}
                      </div>
                      <Button variant="ghost" size="sm" onClick={() => removeLine(i)} aria-label={`Remove IMEI ${field.imei}`}>
                        Remove
                      </Button>
                    </div>
                    <div className="grid gap-4 sm:grid-cols-3">
                      <Field id={`lines.${i}.reason`} label="Reason" error={errors.lines?.[i]?.reason?.message}>
                        <Input
                          id={`lines.${i}.reason`}
                          placeholder="e.g. Screen does not turn on"
                          aria-invalid={Boolean(errors.lines?.[i]?.reason)}
                          {...form.register(`lines.${i}.reason`)}
                        />
                      </Field>
                      <Field id={`lines.${i}.disposition`} label="What you would like">
                        <Select id={`lines.${i}.disposition`} {...form.register(`lines.${i}.disposition`)}>
                          <option value="return">Return the device</option>
                          <option value="keep_partial_refund">Keep it with a partial refund</option>
                        </Select>
                      </Field>
                      {keep ? (
                        <Field id={`lines.${i}.requestedRefund`} label={`Refund you ask for (${currency})`} error={errors.lines?.[i]?.requestedRefund?.message}>
                          <Input
                            id={`lines.${i}.requestedRefund`}
                            inputMode="decimal"
                            placeholder="25.00"
                            aria-invalid={Boolean(errors.lines?.[i]?.requestedRefund)}
                            {...form.register(`lines.${i}.requestedRefund`)}
                          />
                        </Field>
                      ) : null}
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <Field id="notes" label="Notes for the seller (optional)" error={errors.notes?.message}>
        <Textarea id="notes" rows={3} {...form.register('notes')} />
      </Field>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={form.formState.isSubmitting || fields.length === 0}>
          {form.formState.isSubmitting ? 'Sending…' : 'Submit return request'}
        </Button>
        <p role="status" className="text-sm text-slate-700" data-testid="return-summary">
          {fields.length ? `${plural(fields.length)} to return` : 'No devices to return yet'}
          {refused.length ? ` · ${refused.length} not added` : ''}
        </p>
      </div>
    </form>
  );
}
