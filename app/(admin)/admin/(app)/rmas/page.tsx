import Link from 'next/link';
import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listRmas, type RmaListFilters } from '@/db/queries/rmas/list-rmas';
import { rmaFormOptions } from '@/db/queries/rmas/rma-form-options';
import { isRmaStatus, rmaStatusLabel, rmaTransitions } from '@/lib/rmas/statuses';
import { Button, LinkButton } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { formatDate, param, positiveInt } from '@/components/back-office/format';
import { RequestedByCustomer, RmaStatusBadge } from '@/components/rmas/rma-status-badge';
import { requireStaff } from '@/lib/auth/session';
import { formatMoney } from '@/lib/money';

export const metadata: Metadata = { title: 'RMAs' };

const PAGE_SIZE = 25;

export default async function RmasPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const sp = await searchParams;
  const raw = { status: param(sp.status), organization: param(sp.organization) };
  const filters: RmaListFilters = {
    status: raw.status === 'any_open' ? 'any_open' : isRmaStatus(raw.status) ? raw.status : undefined,
    organizationId: positiveInt(raw.organization),
  };
  const page = positiveInt(param(sp.page)) ?? 1;
  const db = await getDb();
  const result = await listRmas(db, { sellerId: staff.sellerId, page, pageSize: PAGE_SIZE, ...filters });
  const options = await rmaFormOptions(db, { sellerId: staff.sellerId });
  return (
    <>
      <PageHeader
        title="RMAs"
        description="Returns of devices sold to your customers, including the ones customers request in the portal."
        actions={
          <LinkButton href="/admin/rmas/new" variant="primary">
            New RMA
          </LinkButton>
        }
      />
      <form method="get" action="/admin/rmas" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <Field id="rma-filter-status" label="Status">
          <Select id="rma-filter-status" name="status" defaultValue={raw.status ?? ''}>
            <option value="">Any status</option>
            <option value="any_open">Not closed (Requested, Open, Received)</option>
            {Object.keys(rmaTransitions).map((s) => (
              <option key={s} value={s}>
                {rmaStatusLabel[s as keyof typeof rmaStatusLabel]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="rma-filter-organization" label="Organization">
          <Select id="rma-filter-organization" name="organization" defaultValue={raw.organization ?? ''}>
            <option value="">Any organization</option>
            {options.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        <Link href="/admin/rmas" className="px-2 py-2 text-sm text-slate-600 underline">
          Clear
        </Link>
      </form>
      <Table caption="RMAs">
        <thead>
          <tr>
            <Th>RMA</Th>
            <Th>Date</Th>
            <Th>Organization</Th>
            <Th>Status</Th>
            <Th className="text-right">Devices</Th>
            <Th className="text-right">Refunds</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {result.rows.length === 0 ? <EmptyRow colSpan={6}>{raw.status || raw.organization ? 'No RMAs match these filters.' : 'No RMAs yet.'}</EmptyRow> : null}
          {result.rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <Td>
                <Link href={`/admin/rmas/${r.number}`} className="font-medium text-[var(--brand)] underline">
                  {r.number}
                </Link>
              </Td>
              <Td className="whitespace-nowrap">{formatDate(r.createdAt)}</Td>
              <Td>
                {r.organizationName}
                {r.requestedByCustomer ? (
                  <span className="ml-2">
                    <RequestedByCustomer />
                  </span>
                ) : null}
              </Td>
              <Td>
                <RmaStatusBadge status={r.status} />
                {r.resolution ? <span className="ml-1 text-xs text-slate-600">({r.resolution})</span> : null}
              </Td>
              <Td className="text-right tabular-nums">{r.devices}</Td>
              <Td className="text-right tabular-nums">{formatMoney(r.refundTotal, staff.currency)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination basePath="/admin/rmas" searchParams={raw} page={result.page} pageSize={PAGE_SIZE} total={result.total} />
    </>
  );
}
