import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { orderConfirmation } from '@/db/queries/portal/orders/order-confirmation';
import { StatusBadge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { ConfirmationLines } from '@/components/checkout/confirmation-lines';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { parseId } from '@/lib/url-params';
import { ShipToLines } from '@/components/organizations/postal-address';

export const metadata: Metadata = { title: 'Order placed' };

/** Shown after checkout: the order number and what happens next. Only the ordering organization sees it. */
export default async function OrderConfirmationPage({ params }: { params: Promise<{ slug: string; number: string }> }) {
  const { slug, number } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const order = await orderConfirmation(await getDb(), {
    sellerId: customer.sellerId,
    organizationId: customer.organizationId,
    number: parseId(number) ?? notFound(),
  });
  if (!order) notFound();
  const toBeQuoted = order.lines.some((l) => l.unitPrice === null);
  const base = `/p/${slug}`;

  return (
    <div className="mx-auto max-w-3xl">
      <div className="rounded-lg border border-green-200 bg-green-50 px-6 py-5">
        <p className="text-sm font-medium text-green-800">Thank you, your order is placed.</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">
          <Link href={`${base}/orders/${order.number}`} className="underline decoration-1 underline-offset-4">
            Order {order.number}
          </Link>
        </h1>
        <p className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <StatusBadge color={order.statusColor}>{order.statusName}</StatusBadge>
          {order.poNumber ? <span>PO number {order.poNumber}</span> : null}
          {order.paymentMethodName ? <span>Payment: {order.paymentMethodName}</span> : null}
        </p>
      </div>

      <section aria-labelledby="next-heading" className="mt-6">
        <h2 id="next-heading" className="text-lg font-semibold">
          What happens next
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-slate-700">
          <li>
            {customer.portal.name} reviews your order, confirms prices{toBeQuoted ? ' (and quotes the lines without a price)' : ''} and
            availability, and contacts you if anything changes.
          </li>
          <li>
            {order.invoice ? (
              <>
                <Link href={`${base}/orders/${order.number}/invoices/${order.invoice.number}/pdf`} className="text-[var(--brand-text)] underline">
                  Invoice {order.invoice.number} (PDF)
                </Link>{' '}
                is on its way to {customer.email}; it lists the products and quantities.
              </>
            ) : (
              'You will receive an invoice once the order is confirmed.'
            )}
          </li>
          <li>Once we assign devices to your order, their IMEIs appear on the order and under Purchased devices.</li>
        </ol>
      </section>

      <div className="mt-6">
        <ConfirmationLines order={order} currency={customer.currency} />
        {order.notes ? <p className="mt-3 text-sm text-slate-700">Your notes: {order.notes}</p> : null}
      </div>

      <section aria-labelledby="ship-to-heading" className="mt-6 text-sm">
        <h2 id="ship-to-heading" className="text-lg font-semibold">
          Ship to
        </h2>
        <ShipToLines shipTo={order.shipTo} empty={`${customer.portal.name} confirms the delivery address with you.`} />
      </section>

      <div className="mt-8 flex flex-wrap gap-3">
        <LinkButton href={`${base}/orders/${order.number}`} variant="primary">
          View order {order.number}
        </LinkButton>
        <Link href={`${base}/orders`} className="self-center text-[var(--brand-text)] underline">
          All your orders
        </Link>
        <Link href={base} className="self-center text-[var(--brand-text)] underline">
          Continue shopping
        </Link>
      </div>
    </div>
  );
}
