import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { cartContents } from '@/db/queries/cart';
import { checkoutReadiness, minimumOrderMessage } from '@/db/queries/checkout';
import { CartLinesTable } from '@/components/cart/cart-lines-table';
import { OrderingUnavailable } from '@/components/checkout/ordering-unavailable';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { pickedUnits } from '@/db/queries/portal/units/pick-units';
import { PickedUnitsSection } from '@/components/cart/picked-units-section';

export const metadata: Metadata = { title: 'Cart' };

export default async function CartPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const db = await getDb();
  const scope = { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId };
  const [cart, readiness, picked] = await Promise.all([cartContents(db, scope), checkoutReadiness(db, scope), pickedUnits(db, scope)]);
  const base = `/p/${slug}`;

  if (!cart.lines.length && !picked.length) {
    return (
      <>
        <PageHeader title="Cart" />
        <div className="rounded-lg border border-slate-200 bg-white px-6 py-10 text-center">
          <p className="text-lg">Your cart is empty.</p>
          <p className="mt-4 flex justify-center gap-3">
            <LinkButton href={base} variant="primary">
              Browse For Sale
            </LinkButton>
            <LinkButton href={`${base}/bulk-order`} variant="secondary">
              Bulk order
            </LinkButton>
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Cart"
        description={`${cart.lines.length} ${cart.lines.length === 1 ? 'line' : 'lines'}, ${cart.units} ${cart.units === 1 ? 'unit' : 'units'}. Your cart is saved to your account; it does not hold stock for you.`}
      />
      {cart.hasProblems ? (
        <div className="mb-4">
          <Alert tone="warning" title="Some lines need a change before checkout">
            Stock or the quantity rules have moved since you added them. Change or remove the flagged lines before you check out.
          </Alert>
        </div>
      ) : null}
      {cart.belowMinimum && cart.minOrderValue !== null ? (
        <div className="mb-4">
          <Alert tone="warning" title="Below the minimum order value">
            {minimumOrderMessage({ minimum: cart.minOrderValue, total: cart.subtotal, currency: customer.currency })} Add more
            before you check out.
          </Alert>
        </div>
      ) : null}
      {cart.lines.length ? <CartLinesTable cart={cart} currency={customer.currency} /> : null}
      <PickedUnitsSection units={picked} removable />
      {cart.toBeQuoted > 0 ? (
        <p className="mt-2 text-right text-sm text-slate-600">
          {cart.toBeQuoted} {cart.toBeQuoted === 1 ? 'line has' : 'lines have'} no list price yet: {customer.portal.name} will quote{' '}
          {cart.toBeQuoted === 1 ? 'it' : 'them'} after you order.
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-wrap gap-4">
          <Link href={base} className="text-[var(--brand-text)] underline">
            Continue shopping
          </Link>
          <Link href={`${base}/bulk-order`} className="text-[var(--brand-text)] underline">
            Bulk order
          </Link>
        </div>
        {readiness.ready ? (
          <div className="flex flex-wrap items-center gap-3">
            <LinkButton href={`${base}/quotes/new`}>Request a quote</LinkButton>
            <LinkButton href={`${base}/checkout`} variant="primary">
              Checkout
            </LinkButton>
          </div>
        ) : (
          <div className="max-w-xl">
            <OrderingUnavailable sellerName={customer.portal.name} />
          </div>
        )}
      </div>
    </>
  );
}
