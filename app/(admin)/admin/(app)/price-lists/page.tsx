import { formatNumber } from '@/lib/format/numbers';
import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listPriceLists } from '@/db/queries/price-lists/list-price-lists';
import { hasRole, requireStaff } from '@/lib/auth/session';
import { percentText, priceListRuleNames } from '@/lib/validation/price-lists';

export const metadata: Metadata = { title: 'Price lists' };

export default async function PriceListsPage() {
  const staff = await requireStaff();
  const lists = await listPriceLists(await getDb(), { sellerId: staff.sellerId });
  return (
    <>
      <PageHeader
        title="Price lists"
        description="Wholesale prices per customer organization: a discount off list price or fixed prices, with quantity breaks. An organization on no list pays list prices."
        actions={hasRole(staff, 'admin') ? <LinkButton href="/admin/price-lists/new" variant="primary">New price list</LinkButton> : undefined}
      />
      <Table caption="Price lists">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Rule</Th>
            <Th className="text-right">Products priced</Th>
            <Th className="text-right">Quantity breaks</Th>
            <Th className="text-right">Organizations</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lists.length === 0 ? <EmptyRow colSpan={5}>No price lists yet: every customer pays list prices.</EmptyRow> : null}
          {lists.map((l) => (
            <tr key={l.id}>
              <Td>
                <Link href={`/admin/price-lists/${l.id}`} className="font-medium text-[var(--brand-text)] underline">
                  {l.name}
                </Link>
              </Td>
              <Td>{l.rule === 'percent_off' ? `${percentText(l.percentOffBps)}% off list price` : priceListRuleNames.fixed}</Td>
              <Td className="text-right tabular-nums">{formatNumber(l.products)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(l.breaks)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(l.organizations)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
