import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findRmaByNumber } from '@/db/queries/rmas/rma-detail';
import { rmaFormOptions } from '@/db/queries/rmas/rma-form-options';
import { decidableRmaStatuses, dispositionLabel } from '@/lib/rmas/statuses';
import { RmaLineDecisions } from '@/components/rmas/rma-line-decisions';
import { parseId } from '@/lib/url-params';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDate } from '@/lib/format/dates';
import { HistoryList } from '@/components/back-office/history-list';
import { RequestedByCustomer, RmaStatusBadge } from '@/components/rmas/rma-status-badge';
import { RmaStatusActions } from '@/components/rmas/rma-status-actions';
import { requireStaff } from '@/lib/auth/session';
import { formatMoney } from '@/lib/money';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `RMA ${(await params).number}` };
}

export default async function RmaPage({ params }: Props) {
  const staff = await requireStaff();
  const number = parseId((await params).number);
  if (!number) notFound();
  const db = await getDb();
  const detail = await findRmaByNumber(db, { sellerId: staff.sellerId, number });
  if (!detail) notFound();
  const options = await rmaFormOptions(db, { sellerId: staff.sellerId });
  const { rma, lines } = detail;
  const money = (n: number) => formatMoney(n, staff.currency);

  return (
    <>
      <PageHeader
        title={`RMA ${rma.number}`}
        description={
          <>
            {rma.organizationName} · {formatDate(rma.createdAt)}
            {rma.createdByName ? ` · created by ${rma.createdByName}` : ''}
          </>
        }
        actions={<LinkButton href="/admin/rmas">Back to RMAs</LinkButton>}
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <div className="flex flex-wrap items-center gap-3">
            <RmaStatusBadge status={rma.status} />
            {rma.resolution ? <span className="text-sm">Resolved as a {rma.resolution}</span> : null}
            {rma.requestedByCustomer ? <RequestedByCustomer name={rma.requestedByName} /> : null}
          </div>
          {rma.status === 'rejected' && rma.rejectionReason ? (
            <p className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
              <span className="font-semibold">Rejected:</span> {rma.rejectionReason}
            </p>
          ) : null}
          {rma.status === 'cancelled' ? (
            <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
              Cancelled by the buyer{rma.cancelledBy ? `, ${rma.cancelledBy.name} (${rma.cancelledBy.email})` : ''}, on {formatDate(rma.updatedAt)}.
            </p>
          ) : null}
          {rma.notes ? <p className="whitespace-pre-line rounded-md border border-slate-200 bg-white p-3 text-sm">{rma.notes}</p> : null}
          <Table caption={`Devices of RMA ${rma.number}`}>
            <thead>
              <tr>
                <Th>IMEI</Th>
                <Th>Product</Th>
                <Th>Order</Th>
                <Th>Disposition</Th>
                <Th>Reason</Th>
                <Th className="text-right">Refund</Th>
                <Th>Now</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {lines.map((l) => (
                <tr key={l.id}>
                  <Td className="font-mono">{l.imei ?? l.serial}</Td>
                  <Td>
                    <span className="font-mono text-xs text-slate-600">{l.sku}</span>
                    <span className="block">{l.description}</span>
                  </Td>
                  <Td>
                    {l.orderNumber ? (
                      <Link href={`/admin/orders/${l.orderNumber}`} className="text-[var(--brand-text)] underline">
                        {l.orderNumber}
                      </Link>
                    ) : (
                      '—'
                    )}
                    {l.unitPrice !== null ? <span className="block text-xs text-slate-600">sold for {money(l.unitPrice)}</span> : null}
                  </Td>
                  <Td>
                    {l.rejectionReason ? (
                      <span className="font-medium text-red-700">Rejected: {l.rejectionReason}</span>
                    ) : (
                      dispositionLabel[l.disposition]
                    )}
                    {l.requestedDisposition && l.requestedDisposition !== l.disposition ? (
                      <span className="block text-xs text-slate-600">asked: {dispositionLabel[l.requestedDisposition]}</span>
                    ) : null}
                  </Td>
                  <Td>{l.reason}</Td>
                  <Td className="text-right tabular-nums">
                    {money(l.refundAmount)}
                    {l.requestedRefundAmount !== null && l.requestedRefundAmount !== l.refundAmount ? (
                      <span className="block text-xs text-slate-600">asked {money(l.requestedRefundAmount)}</span>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {l.statusName} · {l.warehouseCode}
                  </Td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-slate-200 font-semibold">
                <Td colSpan={5} className="text-right">
                  Total refunds
                </Td>
                <Td className="text-right tabular-nums">{money(detail.refundTotal)}</Td>
                <Td />
              </tr>
            </tfoot>
          </Table>
          {decidableRmaStatuses.includes(rma.status) ? (
            <section aria-labelledby="rma-decide-heading" className="space-y-2">
              <h2 id="rma-decide-heading" className="text-lg font-semibold">
                Decide each device
              </h2>
              <p className="text-sm text-slate-600">
                Set the disposition and refund you approve, or reject a device with a reason. The buyer sees what they asked and what
                you approved. A refund is never more than the device was sold for.
              </p>
              <RmaLineDecisions
                rmaNumber={rma.number}
                currency={staff.currency}
                money={money}
                lines={lines.map((l) => ({
                  id: l.id,
                  device: l.imei ?? l.serial ?? `line ${l.id}`,
                  disposition: l.disposition,
                  refundAmount: l.refundAmount,
                  requestedDisposition: l.requestedDisposition,
                  requestedRefundAmount: l.requestedRefundAmount,
                  rejectionReason: l.rejectionReason,
                  soldFor: l.unitPrice !== null ? money(l.unitPrice) : null,
                }))}
              />
            </section>
          ) : null}
        </div>
        <aside className="space-y-6">
          <section aria-labelledby="rma-next-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="rma-next-heading" className="text-lg font-semibold">
              Next step
            </h2>
            <RmaStatusActions
              rmaNumber={rma.number}
              status={rma.status}
              returnedDevices={lines.filter((l) => l.disposition === 'return' && !l.rejectionReason).length}
              options={options}
            />
          </section>
          <section aria-labelledby="rma-history-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="rma-history-heading" className="text-lg font-semibold">
              History
            </h2>
            <HistoryList entries={detail.history} currency={staff.currency} />
          </section>
        </aside>
      </div>
    </>
  );
}
