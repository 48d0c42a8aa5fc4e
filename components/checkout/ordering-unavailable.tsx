import { Alert } from '@/components/ui/alert';

/**
 * What the cart and checkout say while the seller has not finished setting up
 * ordering (no payment method, initial status or channel): plainly, instead
 * of a checkout that fails.
 */
export function OrderingUnavailable({ sellerName }: { sellerName: string }) {
  return (
    <Alert tone="info" title="Ordering is not available yet">
      {sellerName} has not opened ordering through the portal yet. Your cart is saved; please contact your sales
      representative at {sellerName} to place this order.
    </Alert>
  );
}
