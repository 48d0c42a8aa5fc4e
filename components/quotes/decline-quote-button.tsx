'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { ActionMessage } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { declineQuoteAction } from '@/lib/actions/portal/decline-quote';
import type { ActionResult } from '@/lib/actions/result';

/** "Decline" a quote, behind a confirmation. */
export function DeclineQuoteButton({ slug, quoteNumber, sellerName }: { slug: string; quoteNumber: number; sellerName: string }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const decline = () =>
    startTransition(async () => {
      const answer = await declineQuoteAction(slug, { number: quoteNumber });
      setResult(answer);
      if (answer.ok) router.refresh();
    });
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button variant="secondary" disabled={pending}>
            {pending ? 'Declining…' : 'Decline'}
          </Button>
        }
        title={`Decline quote ${quoteNumber}?`}
        description={`${sellerName} is told you declined it, and it can no longer be accepted. You can ask for a new quote from your cart.`}
        confirmLabel="Decline quote"
        cancelLabel="Keep quote"
        onConfirm={decline}
      />
      <ActionMessage result={result} />
    </div>
  );
}
