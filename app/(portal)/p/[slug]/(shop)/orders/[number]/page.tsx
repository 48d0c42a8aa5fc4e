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
import { StatusBadge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { formatTotal } from '@/lib/portal/format';
import { formatMoney } from '@/lib/money';

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
  const money = (minor: number) => formatMoney(minor, customer.currency);
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
        <Link href={`/p/${slug}/orders`} className="text-[var(--brand)] hover:underline">
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
      {order.notes ? (
        <p className="mb-8 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <span className="font-medium">Notes:</span> {order.notes}
        </p>
      ) : null}

      <h2 className="mb-3 text-lg font-semibold">Lines</h2>
      <Table caption={`Lines of order ${order.number}`}>
        <thead>
          <tr>
            <Th>Product</Th>
            <Th>SKU</Th>
            <Th className="text-right">Quantity</Th>
            <Th className="text-right">Unit price</Th>
            <Th className="text-right">Amount</Th>
            <Th className="text-right">Devices assigned</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {order.lines.map((line) => (
            <tr key={line.id}>
              <Td>{line.description}</Td>
              <Td className="font-mono text-xs">{line.sku}</Td>
              <Td className="text-right tabular-nums">{line.quantity}</Td>
              <Td className="text-right tabular-nums">{line.unitPrice === null ? 'to be quoted' : money(line.unitPrice)}</Td>
              <Td className="text-right tabular-nums">{line.amount === null ? 'to be quoted' : money(line.amount)}</Td>
              <Td className="text-right tabular-nums">
                {line.committed} of {line.quantity}
              </Td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-200 font-semibold">
            <Td colSpan={4} className="text-right">
              Total
            </Td>
            <Td className="text-right tabular-nums">{formatTotal(order.total, customer.currency, order.hasUnpriced)}</Td>
            <Td />
          </tr>
        </tfoot>
      </Table>

      <h2 className="mb-3 mt-10 text-lg font-semibold">Invoices</h2>
      <Table caption={`Invoices of order ${order.number}`}>
        <thead>
          <tr>
            <Th>Invoice</Th>
            <Th>Issued</Th>
            <Th>Due</Th>
            <Th className="text-right">Total</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Downloads</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {order.invoices.length === 0 ? (
            <EmptyRow colSpan={6}>No invoice yet.</EmptyRow>
          ) : (
            order.invoices.map((invoice) => (
              <tr key={invoice.number}>
                <Td>
                  <Link href={`${base}/invoices/${invoice.number}`} className="font-medium text-[var(--brand)] hover:underline">
                    Invoice {invoice.number}
                  </Link>
                </Td>
                <Td>{formatDate(invoice.issuedOn)}</Td>
                <Td>{formatDate(invoice.dueOn)}</Td>
                <Td className="text-right tabular-nums">{formatMoney(invoice.total, invoice.currency)}</Td>
                <Td>{invoice.paidAt ? <StatusBadge color="#16a34a">Paid</StatusBadge> : <StatusBadge color="#d97706">Unpaid</StatusBadge>}</Td>
                <Td>
                  <a href={`${base}/invoices/${invoice.number}/pdf`} download className="text-[var(--brand)] hover:underline">
                    Download PDF
                  </a>
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>

      <div className="mb-3 mt-10 flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-lg font-semibold">IMEIs on this order</h2>
        {devices.length ? (
          <a href={`${base}/imeis.csv`} download className="text-sm font-medium text-[var(--brand)] hover:underline">
            Download IMEIs (CSV)
          </a>
        ) : null}
      </div>
      {devices.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">
          {order.cancelled
            ? 'This order was cancelled.'
            : 'No devices are assigned yet. Their IMEIs appear here once we commit devices to your order.'}
        </p>
      ) : (
        <div className="space-y-6">
          {order.lines
            .filter((line) => line.committed > 0)
            .map((line) => (
              <Table key={line.id} caption={`${line.description}: ${line.committed} of ${line.quantity} assigned`} hideCaption={false}>
                <thead>
                  <tr>
                    <Th>IMEI</Th>
                    <Th>SKU</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {devices
                    .filter((d) => d.lineId === line.id)
                    .map((d) => (
                      <tr key={d.imei ?? d.serial}>
                        <Td className="font-mono" data-imei={d.imei ?? undefined}>
                          {d.imei ?? d.serial}
                        </Td>
                        <Td className="font-mono text-xs">{d.product.sku}</Td>
                      </tr>
                    ))}
                </tbody>
              </Table>
            ))}
        </div>
      )}
    </>
  );
}
