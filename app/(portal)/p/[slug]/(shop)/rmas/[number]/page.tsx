import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { scopeOf } from '@/db/queries/portal/scope';
import { parseId } from '@/lib/url-params';
import { formatDate } from '@/lib/format/dates';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findCustomerRma } from '@/db/queries/portal/rmas/find-rma';
import { RmaStatusBadge } from '@/components/rmas/rma-status-badge';
import { CancelRmaButton } from '@/components/portal/rmas/cancel-rma-button';
import { RmaTimeline } from '@/components/portal/rmas/rma-timeline';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { dispositionLabel } from '@/lib/email/templates/return-request';
import { returnDeadline } from '@/lib/rmas/return-instructions';
import { param, type SearchParams } from '@/lib/url-params';
import { formatMoney } from '@/lib/money';

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `RMA ${(await params).number}` };
}

export default async function RmaPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; number: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug, number } = await params;
  const justRequested = param(await searchParams, 'requested') === '1';
  const customer = await requireOpenPortalCustomer(slug);
  const rma = await findCustomerRma(await getDb(), { ...scopeOf(customer), number: (parseId(number) ?? notFound()) });
  if (!rma) notFound();
  const money = (minor: number) => formatMoney(minor, customer.currency);
  const sellerName = customer.portal.name;
  const requested = rma.status === 'requested';
  const openedAt = rma.timeline.find((t) => t.status === 'open')?.at ?? null;
  const asked = rma.lines.some((l) => l.requestedDisposition !== null);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/p/${slug}/rmas`} className="text-[var(--brand-text)] hover:underline">
          ← All RMAs
        </Link>
      </p>
      {justRequested && requested ? (
        <div className="mb-4">
          <Alert tone="success" title={`Return request RMA ${rma.number} sent.`}>
            {sellerName} will review it and tell you how to send the devices back.
          </Alert>
        </div>
      ) : null}
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            RMA {rma.number} <RmaStatusBadge status={rma.status} />
          </span>
        }
        description={`${formatDate(rma.createdAt)} · ${rma.lines.length} ${rma.lines.length === 1 ? 'device' : 'devices'}${rma.resolution ? ` · resolved as ${rma.resolution}` : ''}`}
        actions={requested ? <CancelRmaButton slug={slug} rmaNumber={rma.number} sellerName={sellerName} /> : undefined}
      />
      <section aria-labelledby="rma-timeline-heading" className="mb-6 space-y-2">
        <h2 id="rma-timeline-heading" className="text-base font-semibold">
          Status
        </h2>
        <RmaTimeline status={rma.status} timeline={rma.timeline} />
      </section>
      {rma.status === 'rejected' ? (
        <div className="mb-6">
          <Alert tone="warning" title={`${sellerName} rejected this RMA`}>
            {rma.rejectionReason ?? 'No reason was given.'}
          </Alert>
        </div>
      ) : null}
      {rma.status === 'cancelled' ? <p className="mb-6 text-sm text-slate-700">You cancelled this return request.</p> : null}
      {rma.status === 'open' ? (
        <section aria-labelledby="send-back-heading" className="mb-6 space-y-3 rounded-lg border border-blue-200 bg-blue-50 p-4 text-sm">
          <h2 id="send-back-heading" className="text-base font-semibold">
            How to send the devices back
          </h2>
          <ol className="list-decimal space-y-2 pl-5">
            <li>
              Pack the {rma.lines.filter((l) => l.disposition === 'return' && !l.rejectionReason).length} device(s) marked
              &ldquo;Return&rdquo; below. Devices you keep or that were rejected stay with you.
            </li>
            <li>
              Write <strong>RMA {rma.number}</strong> on the box.
            </li>
            <li>
              {rma.returnInstructions.address ? (
                <>
                  Send it to:
                  <address className="mt-1 whitespace-pre-line not-italic font-medium">{rma.returnInstructions.address}</address>
                </>
              ) : (
                <>Contact {sellerName} for the return address.</>
              )}
            </li>
            <li>
              Send it by{' '}
              <strong>
                {openedAt
                  ? formatDate(returnDeadline(openedAt, rma.returnInstructions.shipDays))
                  : `${rma.returnInstructions.shipDays} days after the RMA was opened`}
              </strong>{' '}
              ({rma.returnInstructions.shipDays} days after the RMA was opened).
            </li>
          </ol>
        </section>
      ) : null}
      {rma.notes ? (
        <p className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <span className="font-medium">Notes:</span> {rma.notes}
        </p>
      ) : null}
      <Table caption={`Devices on RMA ${rma.number}`} cards>
        <thead>
          <tr>
            <Th>IMEI</Th>
            <Th>Product</Th>
            <Th>Reason</Th>
            <Th>{asked ? 'Asked / approved' : 'Disposition'}</Th>
            <Th className="text-right">{asked ? 'Refund asked / approved' : 'Refund'}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rma.lines.map((line) => {
            const approvedRefund =
              line.disposition === 'return' && line.refundAmount === 0 && !line.rejectionReason ? money(0) : money(line.refundAmount);
            return (
              <tr key={line.id}>
                <Td className="font-mono">{line.imei ?? line.serial}</Td>
                <Td label="Product">
                  {line.description}
                  <span className="block font-mono text-xs text-slate-500">{line.sku}</span>
                </Td>
                <Td label="Reason">{line.reason}</Td>
                <Td label={asked ? 'Asked / approved' : 'Disposition'}>
                  {line.requestedDisposition ? (
                    <span className="block">Asked: {dispositionLabel[line.requestedDisposition]}</span>
                  ) : null}
                  {line.rejectionReason ? (
                    <span className="block font-medium text-red-700">Rejected: {line.rejectionReason}</span>
                  ) : requested ? (
                    <span className="block text-slate-600">
                      {line.requestedDisposition ? 'Approved' : 'Disposition'}: {dispositionLabel[line.disposition]} (under review)
                    </span>
                  ) : (
                    <span className="block">
                      {line.requestedDisposition ? 'Approved: ' : ''}
                      {dispositionLabel[line.disposition]}
                    </span>
                  )}
                </Td>
                <Td label="Refund" className="text-right tabular-nums">
                  {line.requestedRefundAmount !== null ? (
                    <span className="block">Asked {money(line.requestedRefundAmount)}</span>
                  ) : null}
                  <span className={`block ${requested ? 'text-slate-600' : ''}`}>
                    {line.requestedRefundAmount !== null ? 'Approved ' : ''}
                    {approvedRefund}
                  </span>
                </Td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-200 font-semibold">
            <Td colSpan={4} className="text-right">
              {requested ? 'Refund total (under review)' : 'Refund total'}
            </Td>
            <Td className="text-right tabular-nums">{money(rma.refundTotal)}</Td>
          </tr>
        </tfoot>
      </Table>
    </>
  );
}
