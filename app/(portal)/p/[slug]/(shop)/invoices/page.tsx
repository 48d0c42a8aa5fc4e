import type { Metadata } from 'next';
import { readReplica } from '@/db';
import { scopeOf } from '@/db/queries/portal/scope';
import { customerInvoiceShows, listCustomerInvoices } from '@/db/queries/portal/invoices/list-invoices';
import { organizationCreditBalance } from '@/db/queries/invoices/credit-balance';
import { CreditBalanceSection } from '@/components/invoices/credit-balance-section';
import { InvoicesTable } from '@/components/portal/invoices/invoices-table';
import { InvoiceTotals } from '@/components/portal/invoices/invoice-totals';
import { FilterBar } from '@/components/portal/filter-bar';
import { Field, Select } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { isoDay } from '@/lib/format/dates';
import { choiceParam, pageParam, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Invoices' };

const PAGE_SIZE = 25;

export default async function InvoicesPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const customer = await requireOpenPortalCustomer(slug);
  const db = await readReplica();
  const show = choiceParam(query, 'show', customerInvoiceShows);
  const page = pageParam(query);
  const scope = scopeOf(customer);
  const [{ rows, total, totals }, credit] = await Promise.all([
    listCustomerInvoices(db, { ...scope, show, today: isoDay(new Date()), page, pageSize: PAGE_SIZE }),
    organizationCreditBalance(db, scope),
  ]);
  const root = `/p/${slug}`;
  const base = `${root}/invoices`;

  return (
    <>
      <PageHeader title="Invoices" description={`Every invoice of ${customer.organizationName}, for orders placed here, by phone or by email.`} />
      <InvoiceTotals totals={totals} currency={customer.currency} />
      <FilterBar action={base} clearHref={base} label="Filter invoices" active={show ? 1 : 0}>
        <Field id="show" label="Show">
          <Select id="show" name="show" defaultValue={show ?? ''}>
            <option value="">All invoices</option>
            <option value="unpaid">Unpaid only</option>
            <option value="overdue">Overdue only</option>
          </Select>
        </Field>
      </FilterBar>
      <InvoicesTable
        rows={rows}
        base={root}
        caption={`Invoices of ${customer.organizationName}`}
        empty={show === 'overdue' ? 'No invoice is overdue.' : show === 'unpaid' ? 'No invoice is unpaid.' : 'No invoices yet.'}
      />
      <Pagination basePath={base} searchParams={{ show }} page={page} pageSize={PAGE_SIZE} total={total} />
      <div className="mt-8">
        <CreditBalanceSection
          balance={credit}
          currency={customer.currency}
          heading={`Your credit with ${customer.portal.name}`}
          intro={`${customer.portal.name} applies this credit to your invoices; it is not taken off an order automatically.`}
          links={{ rma: (n) => `${root}/rmas/${n}`, invoice: (order, invoice) => `${root}/orders/${order}/invoices/${invoice}` }}
        />
      </div>
    </>
  );
}
