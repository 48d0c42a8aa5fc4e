import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findOrderByNumber } from '@/db/queries/orders/order-detail';
import { orderFormOptions } from '@/db/queries/orders/order-form-options';
import { devicesToPick } from '@/db/queries/orders/devices-to-pick';
import { heldUnitsOfOrder } from '@/db/queries/portal/units/pick-units';
import { HeldUnitsSection } from '@/components/orders/held-units-section';
import { parseId } from '@/lib/url-params';
import { PageHeader } from '@/components/ui/page-header';
import { LinkButton, buttonClass } from '@/components/ui/button';
import { formatDate } from '@/lib/format/dates';
import { HistoryList } from '@/components/back-office/history-list';
import { CommitDevicesPanel } from '@/components/orders/commit-devices-panel';
import { CommittedDevicesSection } from '@/components/orders/committed-devices-section';
import { OrderInvoicesSection } from '@/components/orders/order-invoices-section';
import { OrderLinesSection } from '@/components/orders/order-lines-section';
import { OrderSidePanel } from '@/components/orders/order-side-panel';
import { ShipToLines } from '@/components/organizations/postal-address';
import { OrderShipmentsSection } from '@/components/orders/order-shipments-section';
import { requireStaff } from '@/lib/auth/session';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Order ${(await params).number}` };
}

export default async function OrderPage({ params }: Props) {
  const staff = await requireStaff();
  const number = parseId((await params).number);
  if (!number) notFound();
  const db = await getDb();
  const detail = await findOrderByNumber(db, { sellerId: staff.sellerId, number });
  if (!detail) notFound();
  const options = await orderFormOptions(db, { sellerId: staff.sellerId });
  const open = detail.lines.filter((l) => l.committedCount < l.quantity);
  const picks = detail.order.allowsCommitting
    ? await devicesToPick(db, { sellerId: staff.sellerId, productIds: open.map((l) => l.productId) })
    : new Map<number, { imei: string }[]>();
  const { order } = detail;
  // Lines of units the buyer picked take exactly those units (db/queries/orders/commit-devices.ts).
  const held = await heldUnitsOfOrder(db, { sellerId: staff.sellerId, orderId: order.id });
  const heldByLine = new Map<number, typeof held>();
  for (const h of held) heldByLine.set(h.orderLineId, [...(heldByLine.get(h.orderLineId) ?? []), h]);

  return (
    <>
      <PageHeader
        title={`Order ${order.number}`}
        description={
          <>
            {order.organizationName} · {formatDate(order.createdAt)} · {order.channelName}
            {order.placedBy ? ` · placed by ${order.placedBy}` : ''}
            {order.poNumber ? ` · PO number ${order.poNumber}` : ''}
          </>
        }
        actions={
          <>
            {/* A route handler's download: a plain link, so the browser fetches the file. */}
            <a href={`/admin/orders/${order.number}/packing-slip`} className={buttonClass('secondary')}>
              Packing slip (PDF)
            </a>
            <LinkButton href="/admin/orders">Back to orders</LinkButton>
          </>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-10">
          <OrderLinesSection detail={detail} currency={staff.currency} />
          <section aria-labelledby="commit-heading" className="space-y-3">
            <h2 id="commit-heading" className="text-lg font-semibold">
              Commit devices
            </h2>
            <CommitDevicesPanel
              orderNumber={order.number}
              allowsCommitting={order.allowsCommitting}
              statusName={order.statusName}
              committingStatuses={options.statuses.filter((s) => s.allowsCommitting).map((s) => s.name)}
              linesToFill={open.map((l) => ({
                lineId: l.id,
                sku: l.sku,
                description: heldByLine.has(l.id) ? `${l.description} (units picked by the buyer)` : l.description,
                remaining: l.quantity - l.committedCount,
                picks: heldByLine.has(l.id)
                  ? heldByLine.get(l.id)!.filter((h) => !h.committed && h.imei).map((h) => h.imei!)
                  : (picks.get(l.productId) ?? []).map((p) => p.imei),
              }))}
            />
          </section>
          <HeldUnitsSection
            lines={detail.lines
              .filter((l) => heldByLine.has(l.id))
              .map((l) => ({ lineId: l.id, description: l.description, units: heldByLine.get(l.id)!.map((h) => ({ identifier: h.imei ?? h.serial ?? '', committed: h.committed })) }))}
          />
          <CommittedDevicesSection detail={detail} />
          <OrderShipmentsSection detail={detail} />
          <OrderInvoicesSection detail={detail} />
        </div>
        <aside className="space-y-6">
          <OrderSidePanel detail={detail} options={options} />
          <section aria-labelledby="ship-to-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 id="ship-to-heading" className="text-lg font-semibold">
              Ship to
            </h2>
            <ShipToLines shipTo={order.shipTo} empty="No shipping address on file when the order was placed." />
          </section>
          <section aria-labelledby="history-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="history-heading" className="text-lg font-semibold">
              History
            </h2>
            <HistoryList entries={detail.history} currency={staff.currency} />
          </section>
        </aside>
      </div>
    </>
  );
}
