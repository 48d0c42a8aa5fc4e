'use client';

import { ConfirmedActionButton } from '@/components/ui/confirmed-action-button';
import { cancelRmaAction } from '@/lib/actions/portal/cancel-rma';

/** "Cancel request" while the RMA is still Requested, behind a confirmation. */
export function CancelRmaButton({ slug, rmaNumber, sellerName }: { slug: string; rmaNumber: number; sellerName: string }) {
  return (
    <ConfirmedActionButton
      label="Cancel request"
      pendingLabel="Cancelling…"
      title={`Cancel return request RMA ${rmaNumber}?`}
      description={`${sellerName} will not review it. The devices can be put on a new request later.`}
      confirmLabel="Cancel request"
      cancelLabel="Keep request"
      run={() => cancelRmaAction(slug, { rmaNumber })}
    />
  );
}
