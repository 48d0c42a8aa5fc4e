import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { cartContents } from '@/db/queries/cart';
import { checkoutReadiness } from '@/db/queries/checkout';
import { CartLineControls } from '@/components/cart/cart-line-controls';
import { OrderingUnavailable } from '@/components/checkout/ordering-unavailable';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Th } from '@/components/ui/table';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { formatMoney } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';

export const metadata: Metadata = { title: 'Cart' };

export default async function CartPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const db = await getDb();
  const scope = { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId };
  const [cart, readiness] = await Promise.all([cartContents(db, scope), checkoutReadiness(db, scope)]);
  const money = (n: number) => formatMoney(n, customer.currency);
  const base = `/p/${slug}`;

  if (!cart.lines.length) {
    return (
      <>
        <PageHeader title="Cart" />
        <div className="rounded-lg border border-slate-200 bg-white px-6 py-10 text-center">
          <p className="text-lg">Your cart is empty.</p>
          <p className="mt-4">
            <LinkButton href={base} variant="primary">
              Browse For Sale
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
          <Alert tone="warning" title="Some lines are above what is available now">
            Stock has moved since you added them. Change or remove the flagged lines before you check out.
          </Alert>
        </div>
      ) : null}
      <Table caption="Products in your cart" className="[&_td]:px-3 [&_td]:py-3">
        <thead>
          <tr>
            <Th>Product</Th>
            <Th className="text-right">Price</Th>
            <Th>Quantity</Th>
            <Th className="text-right">Line total</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {cart.lines.map((line) => {
            const label = productLabel(line);
            return (
              <tr key={line.productId} className={line.problem ? 'bg-amber-50' : undefined}>
                <td>
                  <span className="font-medium">{label}</span>
                  <br />
                  <small className="text-slate-500">{line.sku}</small>
                  {line.problem === 'unavailable' ? (
                    <p className="mt-1 text-sm font-medium text-red-700">No longer available. Remove this line to check out.</p>
                  ) : line.problem === 'short' ? (
                    <p className="mt-1 text-sm font-medium text-amber-800">
                      Only {line.available} available now; you have {line.quantity}.
                    </p>
                  ) : (
                    <p className="mt-1 text-sm text-slate-500">{line.available} available</p>
                  )}
                </td>
                <td className="text-right tabular-nums">
                  {line.listPrice === null ? <i className="text-slate-500">Price on request</i> : money(line.listPrice)}
                </td>
                <td>
                  <CartLineControls productId={line.productId} label={label} quantity={line.quantity} available={line.available} />
                </td>
                <td className="text-right tabular-nums">
                  {line.listPrice === null ? <i className="text-slate-500">To be quoted</i> : money(line.listPrice * line.quantity)}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-200 font-semibold">
            <td colSpan={3} className="text-right">
              Subtotal
            </td>
            <td className="text-right tabular-nums">{money(cart.subtotal)}</td>
          </tr>
        </tfoot>
      </Table>
      {cart.toBeQuoted > 0 ? (
        <p className="mt-2 text-right text-sm text-slate-600">
          {cart.toBeQuoted} {cart.toBeQuoted === 1 ? 'line has' : 'lines have'} no list price yet: {customer.portal.name} will quote{' '}
          {cart.toBeQuoted === 1 ? 'it' : 'them'} after you order.
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap items-start justify-between gap-4">
        <Link href={base} className="text-[var(--brand)] underline">
          Continue shopping
        </Link>
        {readiness.ready ? (
          <LinkButton href={`${base}/checkout`} variant="primary">
            Checkout
          </LinkButton>
        ) : (
          <div className="max-w-xl">
            <OrderingUnavailable sellerName={customer.portal.name} />
          </div>
        )}
      </div>
    </>
  );
}
