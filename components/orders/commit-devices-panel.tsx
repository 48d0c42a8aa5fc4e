'use client';

import { useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Textarea } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-form';
import { commitDevicesAction } from '@/lib/actions/orders/commit-devices';
import type { ActionResult } from '@/lib/actions/result';

export type LineToFill = { lineId: number; sku: string; description: string; remaining: number; picks: string[] };

/**
 * Commit devices by pasting IMEIs (all or nothing) or scanning them one at a
 * time (Enter submits). A refused paste stays in the box with every problem
 * listed, so staff fix it and submit again.
 */
export function CommitDevicesPanel({
  orderNumber,
  allowsCommitting,
  statusName,
  committingStatuses,
  linesToFill,
}: {
  orderNumber: number;
  allowsCommitting: boolean;
  statusName: string;
  committingStatuses: string[];
  linesToFill: LineToFill[];
}) {
  const [paste, setPaste] = useState('');
  const [commitAnyway, setCommitAnyway] = useState(false);
  const [scan, setScan] = useState('');
  const [pasteResult, setPasteResult] = useState<ActionResult<unknown> | null>(null);
  const [scanResult, setScanResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const scanRef = useRef<HTMLInputElement>(null);

  function commitPaste(event: React.FormEvent) {
    event.preventDefault();
    setScanResult(null);
    startTransition(async () => {
      const answer = await commitDevicesAction({ orderNumber, imeis: paste, commitAnyway });
      setPasteResult(answer);
      if (answer.ok) {
        setPaste('');
        setCommitAnyway(false);
      }
    });
  }

  function commitScan(event: React.FormEvent) {
    event.preventDefault();
    if (!scan.trim()) return;
    setPasteResult(null);
    startTransition(async () => {
      const answer = await commitDevicesAction({ orderNumber, imeis: scan });
      setScanResult(answer);
      if (answer.ok) setScan('');
      scanRef.current?.focus();
    });
  }

  const addToPaste = (imei: string) => setPaste((text) => (text.trim() ? `${text.trimEnd()}\n${imei}` : imei));

  return (
    <div className="space-y-4">
      {!allowsCommitting ? (
        <Alert tone="warning" title={`This order is ${statusName}: devices cannot be committed in this status.`}>
          {committingStatuses.length
            ? `Change the status to ${committingStatuses.join(' or ')} first.`
            : 'No order status allows committing devices; an admin can allow it in Settings.'}
        </Alert>
      ) : null}
      {allowsCommitting && !linesToFill.length ? (
        <Alert tone="info">Every line has all its devices. Raise a line&apos;s quantity or add a line to commit more.</Alert>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <form onSubmit={commitPaste} className="space-y-2" noValidate>
          <Field
            id="commit-imeis"
            label="IMEIs to commit"
            hint="One per line, or separated by commas or spaces. All or nothing: if any IMEI is refused, none is committed."
          >
            <Textarea
              id="commit-imeis"
              rows={6}
              className="font-mono"
              value={paste}
              onChange={(e) => setPaste(e.target.value)}
              spellCheck={false}
            />
          </Field>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5"
              checked={commitAnyway}
              onChange={(e) => setCommitAnyway(e.target.checked)}
            />
            <span>
              Commit anyway: also commit devices whose status is not a For Sale status (Returned, Sold, In Repair…). The audit log records
              which IMEIs and statuses.
            </span>
          </label>
          <Button type="submit" disabled={pending || !paste.trim()}>
            {pending ? 'Committing…' : 'Commit devices'}
          </Button>
          <ActionMessage result={pasteResult} />
        </form>
        <form onSubmit={commitScan} className="space-y-2" noValidate>
          <Field id="scan-imei" label="Scan an IMEI" hint="Commits one device each time the scanner sends Enter.">
            <Input
              id="scan-imei"
              ref={scanRef}
              className="font-mono"
              value={scan}
              onChange={(e) => setScan(e.target.value)}
              autoComplete="off"
              inputMode="numeric"
            />
          </Field>
          <Button type="submit" variant="secondary" disabled={pending || !scan.trim()}>
            Commit scanned IMEI
          </Button>
          <ActionMessage result={scanResult} />
        </form>
      </div>
      {linesToFill.some((l) => l.picks.length) ? (
        <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
          <p className="text-sm font-medium">No scanner? Pick For Sale devices to add to the paste:</p>
          {linesToFill.map((line) =>
            line.picks.length ? (
              <div key={line.lineId} className="text-sm">
                <p>
                  <span className="font-mono text-xs text-slate-600">{line.sku}</span> {line.description}{' '}
                  <span className="text-slate-600">({line.remaining} still to commit)</span>
                </p>
                <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={`For Sale devices of ${line.sku}`}>
                  {line.picks.map((imei) => (
                    <li key={imei}>
                      <button
                        type="button"
                        className="rounded border border-slate-300 bg-white px-2 py-0.5 font-mono text-xs hover:bg-slate-100"
                        onClick={() => addToPaste(imei)}
                        aria-label={`Add ${imei} to the paste`}
                      >
                        {imei}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
        </div>
      ) : null}
    </div>
  );
}
