import { formatNumber } from '@/lib/format/numbers';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeletePriceList } from '@/components/price-lists/delete-price-list';
import { PriceListForm } from '@/components/price-lists/price-list-form';
import { PriceListImportForm } from '@/components/price-lists/price-list-import-form';
import { RemovePriceButton } from '@/components/price-lists/remove-price-button';
import { SetPriceForm } from '@/components/price-lists/set-price-form';
import { ActionResultScope } from '@/components/ui/action-form';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { PRICE_LIST_PAGE_SIZE, priceListDetail } from '@/db/queries/price-lists/price-list-detail';
import { hasRole, requireStaff } from '@/lib/auth/session';
import { formatMoney } from '@/lib/money';
import { pageParam, parseId, type SearchParams } from '@/lib/url-params';
import { percentText, priceListRuleNames } from '@/lib/validation/price-lists';

export const metadata: Metadata = { title: 'Price list' };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function PriceListPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const priceListId = parseId((await params).id);
  if (!priceListId) notFound();
  const sp = await searchParams;
  const page = pageParam(sp);
  const list = await priceListDetail(await getDb(), { sellerId: staff.sellerId, priceListId, page });
  if (!list) notFound();
  const canEdit = hasRole(staff, 'admin');
  const money = (minor: number) => formatMoney(minor, staff.currency);
  const rule = list.rule === 'percent_off' ? `${percentText(list.percentOffBps)}% off list price` : priceListRuleNames.fixed;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/price-lists" className="text-slate-600 underline">
          ← Price lists
        </Link>
      </p>
      <PageHeader title={list.name} description={`${rule}. Prices set below (and their quantity breaks) win over the rule.`} />

      {canEdit ? (
        <Section title="Name and rule">
          <PriceListForm priceListId={list.id} defaults={{ name: list.name, rule: list.rule, percentOff: list.rule === 'percent_off' ? percentText(list.percentOffBps) : '' }} />
        </Section>
      ) : null}

      <Section title={`Prices (${formatNumber(list.totalPrices)})`}>
        <p className="text-sm text-slate-600">
          A line pays the price of the largest &quot;from quantity&quot; not above its quantity: with rows from 1, 10 and 50, 1–9 units pay the first, 10–49 the second, 50 or more the third.
        </p>
        {canEdit ? <SetPriceForm priceListId={list.id} currency={staff.currency} /> : null}
        <ActionResultScope>
          <Table caption="Prices on this list">
            <thead>
              <tr>
                <Th>SKU</Th>
                <Th>Product</Th>
                <Th className="text-right">From quantity</Th>
                <Th className="text-right">List price</Th>
                <Th className="text-right">Price</Th>
                {canEdit ? <Th className="text-right">Remove</Th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.prices.length === 0 ? <EmptyRow colSpan={canEdit ? 6 : 5}>No prices of its own yet: the rule prices every product.</EmptyRow> : null}
              {list.prices.map((p) => (
                <tr key={`${p.productId}-${p.minQuantity}`}>
                  <Td className="font-mono text-xs">{p.sku}</Td>
                  <Td>{p.description}</Td>
                  <Td className="text-right tabular-nums">{p.minQuantity}+</Td>
                  <Td className="text-right tabular-nums">{p.listPrice === null ? 'On request' : money(p.listPrice)}</Td>
                  <Td className="text-right font-semibold tabular-nums">{money(p.unitPrice)}</Td>
                  {canEdit ? (
                    <Td className="text-right">
                      <RemovePriceButton priceListId={list.id} productId={p.productId} minQuantity={p.minQuantity} name={`${p.sku} from ${p.minQuantity}`} />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        </ActionResultScope>
        <Pagination basePath={`/admin/price-lists/${list.id}`} searchParams={sp} page={page} pageSize={PRICE_LIST_PAGE_SIZE} total={list.totalPrices} />
        <p>
          <a href={`/admin/price-lists/${list.id}/prices.csv`} className={buttonClass('secondary')} download>
            Download prices (CSV)
          </a>
        </p>
      </Section>

      {canEdit ? (
        <Section title="Import prices">
          <PriceListImportForm priceListId={list.id} currency={staff.currency} />
        </Section>
      ) : null}

      <Section title={`Organizations on this list (${formatNumber(list.organizationCount)})`}>
        <p className="text-sm text-slate-600">Choose an organization&apos;s price list on its page.</p>
        {list.organizations.length ? (
          <ul className="list-disc pl-5 text-sm">
            {list.organizations.map((o) => (
              <li key={o.id}>
                <Link href={`/admin/organizations/${o.id}`} className="text-[var(--brand-text)] underline">
                  {o.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">No organization is on this list yet.</p>
        )}
      </Section>

      {canEdit ? <DeletePriceList priceListId={list.id} name={list.name} prices={list.totalPrices} /> : null}
    </div>
  );
}
