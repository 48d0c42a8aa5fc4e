import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { scopeOf } from '@/db/queries/portal/scope';
import { parseId } from '@/lib/url-params';
import { formatDate } from '@/lib/format/dates';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { customerOrderDevices, findCustomerOrder } from '@/db/queries/portal/orders/find-order';
import { OrderAgainButton } from '@/components/portal/orders/order-again-button';
import { OrderDevicesSection } from '@/components/portal/orders/order-devices-section';
import { OrderInvoicesSection } from '@/components/portal/orders/order-invoices-section';
import { OrderLinesSection } from '@/components/portal/orders/order-lines-section';
import { ShipToLines } from '@/components/organizations/postal-address';
import { OrderShipmentsSection } from '@/components/portal/orders/order-shipments-section';
import { StatusBadge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { formatTotal } from '@/lib/portal/format';

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `Order ${(await params).number}` };
}

export default async function OrderPage({ params }: { params: Promise<{ slug: string; number: string }> }) {
  const { slug, number } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const scope = { ...scopeOf(customer), number: (parseId(number) ?? notFound()) };
  const db = await getDb();
  const order = await findCustomerOrder(db, scope);
  if (!order) notFound();
  const devices = order.committedCount ? await customerOrderDevices(db, scope) : [];
  const base = `/p/${slug}/orders/${order.number}`;

  const facts: [string, React.ReactNode][] = [
    ['Date', formatDate(order.orderedAt)],
    ['Status', <StatusBadge key="status" color={order.statusColor}>{order.statusName}</StatusBadge>],
    ['Channel', order.channelName],
    ['PO number', order.poNumber ?? '—'],
    ['Payment method', order.paymentMethodName ?? '—'],
    ['Placed by', order.placedByName ?? `${customer.portal.name} staff`],
  ];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/p/${slug}/orders`} className="text-[var(--brand-text)] hover:underline">
          ← All orders
        </Link>
      </p>
      <PageHeader
        title={`Order ${order.number}`}
        description={`${order.items} ${order.items === 1 ? 'item' : 'items'} · ${formatTotal(order.total, customer.currency, order.hasUnpriced, order.hasUnpriced && order.total === 0)}`}
      />
      <div className="mb-6">
        <OrderAgainButton slug={slug} orderNumber={order.number} />
      </div>

      <dl className="mb-8 grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="mt-1 font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="ship-to-heading" className="mb-8 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="ship-to-heading" className="mb-1 font-semibold">
          Ship to
        </h2>
        <ShipToLines shipTo={order.shipTo} empty={`${customer.portal.name} confirms the delivery address with you.`} />
      </section>
      {order.notes ? (
        <p className="mb-8 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <span className="font-medium">Notes:</span> {order.notes}
        </p>
      ) : null}

      <OrderShipmentsSection shipments={order.shipments} />
      <OrderLinesSection order={order} currency={customer.currency} />
      <OrderInvoicesSection order={order} base={base} />
      <OrderDevicesSection order={order} devices={devices} base={base} />
    </>
  );
}
