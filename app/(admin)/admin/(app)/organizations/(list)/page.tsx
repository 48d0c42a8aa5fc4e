import { formatNumber } from '@/lib/format/numbers';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Button, LinkButton } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listOrganizations } from '@/db/queries/organizations';
import { hasRole, requireStaff } from '@/lib/auth/session';
import { InviteImportedBuyersButton } from '@/components/organizations/invite-imported-buyers-button';
import { countBuyersAwaitingInvitation } from '@/db/queries/organization-import/invite-imported-buyers';
import { pageParam, param, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Organizations' };

const PAGE_SIZE = 25;

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const sp = await searchParams;
  const page = pageParam(sp);
  const search = param(sp, 'q')?.slice(0, 200);
  const db = await getDb();
  const admin = hasRole(staff, 'admin');
  const [{ rows, total }, awaiting] = await Promise.all([
    listOrganizations(db, { sellerId: staff.sellerId, search, page, pageSize: PAGE_SIZE }),
    admin ? countBuyersAwaitingInvitation(db, { sellerId: staff.sellerId }) : Promise.resolve(0),
  ]);
  return (
    <>
      <PageHeader
        title="Organizations"
        description="Your customers: companies whose buyers use your Customer Portal."
        actions={
          <>
            {admin ? <LinkButton href="/admin/organizations/import">Import organizations</LinkButton> : null}
            <LinkButton href="/admin/organizations/new" variant="primary">New organization</LinkButton>
          </>
        }
      />
      {admin && awaiting > 0 ? (
        <div className="mb-4 space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-800">
            {formatNumber(awaiting)} imported {awaiting === 1 ? 'buyer has' : 'buyers have'} a Customer Portal account but no invitation yet.
          </p>
          <InviteImportedBuyersButton count={awaiting} />
        </div>
      ) : null}
      <form role="search" className="mb-4 flex max-w-xl items-end gap-3">
        <div className="grow">
          <Field id="q" label="Search by name, account code, email or phone">
            <Input id="q" name="q" type="search" defaultValue={search ?? ''} />
          </Field>
        </div>
        <Button type="submit" variant="secondary">Search</Button>
      </form>
      <Table caption="Organizations">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Account code</Th>
            <Th>Email</Th>
            <Th>Phone</Th>
            <Th className="text-right">Portal accounts</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <EmptyRow colSpan={5}>{search ? `No organizations match “${search}”.` : 'No organizations yet.'}</EmptyRow>
          ) : (
            rows.map((org) => (
              <tr key={org.id}>
                <Td>
                  <Link className="font-medium text-blue-700 hover:underline" href={`/admin/organizations/${org.id}`}>
                    {org.name}
                  </Link>
                </Td>
                <Td className="font-mono text-xs">{org.code ?? '—'}</Td>
                <Td>{org.email ?? '—'}</Td>
                <Td>{org.phone ?? '—'}</Td>
                <Td className="text-right tabular-nums">{org.portalAccounts}</Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination basePath="/admin/organizations" searchParams={{ q: search }} page={page} pageSize={PAGE_SIZE} total={total} />
    </>
  );
}
