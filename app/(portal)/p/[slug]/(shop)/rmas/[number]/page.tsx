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
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { dispositionLabel } from '@/lib/email/templates/return-request';
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
  const requested = rma.status === 'requested';
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/p/${slug}/rmas`} className="text-[var(--brand)] hover:underline">
          ← All RMAs
        </Link>
      </p>
      {justRequested && requested ? (
        <div className="mb-4">
          <Alert tone="success" title={`Return request RMA ${rma.number} sent.`}>
            {customer.portal.name} will review it and tell you how to send the devices back.
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
      />
      {rma.notes ? (
        <p className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <span className="font-medium">Notes:</span> {rma.notes}
        </p>
      ) : null}
      <Table caption={`Devices on RMA ${rma.number}`}>
        <thead>
          <tr>
            <Th>IMEI</Th>
            <Th>Product</Th>
            <Th>Reason</Th>
            <Th>Disposition</Th>
            <Th className="text-right">{requested ? 'Refund asked' : 'Refund'}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rma.lines.map((line) => (
            <tr key={line.id}>
              <Td className="font-mono">{line.imei ?? line.serial}</Td>
              <Td>
                {line.description}
                <span className="block font-mono text-xs text-slate-500">{line.sku}</span>
              </Td>
              <Td>{line.reason}</Td>
              <Td>{dispositionLabel[line.disposition]}</Td>
              <Td className="text-right tabular-nums">
                {line.disposition === 'return' && line.refundAmount === 0 ? (requested ? '—' : money(0)) : money(line.refundAmount)}
              </Td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-200 font-semibold">
            <Td colSpan={4} className="text-right">
              Refund total
            </Td>
            <Td className="text-right tabular-nums">{money(rma.refundTotal)}</Td>
          </tr>
        </tfoot>
      </Table>
    </>
  );
}
