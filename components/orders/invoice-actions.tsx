'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox, Field, Input, Textarea } from '@/components/ui/field';
import { ActionMessage, useActionScopeReport } from '@/components/ui/action-form';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { createInvoiceAction } from '@/lib/actions/orders/create-invoice';
import { issueCreditNoteAction } from '@/lib/actions/orders/issue-credit-note';
import { voidInvoiceAction } from '@/lib/actions/orders/void-invoice';
import type { ActionResult } from '@/lib/actions/result';

/** Runs an action and reports its answer to the nearest ActionResultScope (or under the control). */
function useReportedAction() {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const report = useActionScopeReport();
  const run = (call: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const answer = await call();
      if (report) report(answer);
      else setResult(answer);
    });
  return { pending, result, run };
}

/** "Create another invoice…": the order is already invoiced, so the confirmation names what exists. */
export function CreateAnotherInvoiceButton({ orderNumber, existing }: { orderNumber: number; existing: string }) {
  const { pending, result, run } = useReportedAction();
  const [email, setEmail] = useState(false);
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button type="button" variant="secondary" disabled={pending}>
            Create another invoice…
          </Button>
        }
        tone="primary"
        title={`Order already invoiced: ${existing}`}
        description="Another invoice bills the customer again for the order's current lines. To correct an invoice, void it or issue a credit note instead."
        confirmLabel="Create another invoice"
        onConfirm={() => run(() => createInvoiceAction({ orderNumber, email, confirmAnother: true }))}
      >
        <Checkbox id="another-invoice-email" label="Email it to the customer" checked={email} onChange={(e) => setEmail(e.target.checked)} />
      </ConfirmDialog>
      <ActionMessage result={result} />
    </div>
  );
}

/** "Void…" with a required reason: the invoice keeps its number and shows as Void everywhere. */
export function VoidInvoiceButton({ orderNumber, invoiceNumber, total }: { orderNumber: number; invoiceNumber: number; total: string }) {
  const { pending, result, run } = useReportedAction();
  const [reason, setReason] = useState('');
  const id = `void-reason-${invoiceNumber}`;
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button type="button" variant="ghost" size="sm" disabled={pending} aria-label={`Void invoice ${invoiceNumber}`}>
            Void…
          </Button>
        }
        title={`Void invoice ${invoiceNumber} (${total})?`}
        description="It keeps its number and shows as Void to staff and to the customer, no longer counts as invoiced, and cannot be marked paid."
        confirmLabel={`Void invoice ${invoiceNumber}`}
        confirmDisabled={!reason.trim()}
        onConfirm={() => run(() => voidInvoiceAction({ orderNumber, invoiceNumber, reason }))}
      >
        <Field id={id} label="Reason for voiding">
          <Textarea id={id} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} required />
        </Field>
      </ConfirmDialog>
      <ActionMessage result={result} />
    </div>
  );
}

/** "Credit note…": an amount up to what is left to credit, and a reason. */
export function CreditNoteButton({
  orderNumber,
  invoiceNumber,
  leftToCredit,
}: {
  orderNumber: number;
  invoiceNumber: number;
  leftToCredit: string;
}) {
  const { pending, result, run } = useReportedAction();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button type="button" variant="ghost" size="sm" disabled={pending} aria-label={`Issue a credit note against invoice ${invoiceNumber}`}>
            Credit note…
          </Button>
        }
        tone="primary"
        title={`Credit note against invoice ${invoiceNumber}`}
        description={`At most ${leftToCredit} is left to credit. The customer sees the credit note on the order and the invoice.`}
        confirmLabel="Issue credit note"
        confirmDisabled={!amount.trim() || !reason.trim()}
        onConfirm={() => run(() => issueCreditNoteAction({ orderNumber, invoiceNumber, amount, reason }))}
      >
        <Field id={`credit-amount-${invoiceNumber}`} label="Amount to credit">
          <Input id={`credit-amount-${invoiceNumber}`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required />
        </Field>
        <Field id={`credit-reason-${invoiceNumber}`} label="Reason">
          <Textarea id={`credit-reason-${invoiceNumber}`} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} required />
        </Field>
      </ConfirmDialog>
      <ActionMessage result={result} />
    </div>
  );
}
