'use client';

import { ConfirmedActionButton } from '@/components/ui/confirmed-action-button';
import { declineQuoteAction } from '@/lib/actions/portal/decline-quote';

/** "Decline" a quote, behind a confirmation. */
export function DeclineQuoteButton({ slug, quoteNumber, sellerName }: { slug: string; quoteNumber: number; sellerName: string }) {
  return (
    <ConfirmedActionButton
      label="Decline"
      pendingLabel="Declining…"
      title={`Decline quote ${quoteNumber}?`}
      description={`${sellerName} is told you declined it, and it can no longer be accepted. You can ask for a new quote from your cart.`}
      confirmLabel="Decline quote"
      cancelLabel="Keep quote"
      run={() => declineQuoteAction(slug, { number: quoteNumber })}
    />
  );
}
