'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { ActionMessage } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { withdrawQuoteAction } from '@/lib/actions/quotes/withdraw-quote';
import type { ActionResult } from '@/lib/actions/result';

/** Staff "Withdraw" a quote before it is accepted, behind a confirmation. */
export function WithdrawQuoteButton({ quoteNumber, organizationName }: { quoteNumber: number; organizationName: string }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const withdraw = () =>
    startTransition(async () => {
      const answer = await withdrawQuoteAction({ number: quoteNumber });
      setResult(answer);
      if (answer.ok) router.refresh();
    });
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button variant="danger" disabled={pending}>
            {pending ? 'Withdrawing…' : 'Withdraw'}
          </Button>
        }
        title={`Withdraw quote ${quoteNumber}?`}
        description={`${organizationName} is emailed that the quote is withdrawn, and it can no longer be accepted or answered.`}
        confirmLabel="Withdraw quote"
        cancelLabel="Keep quote"
        onConfirm={withdraw}
      />
      <ActionMessage result={result} />
    </div>
  );
}
