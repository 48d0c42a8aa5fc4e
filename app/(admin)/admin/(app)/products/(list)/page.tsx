import { formatNumber } from '@/lib/format/numbers';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Button, LinkButton } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { readReplica } from '@/db';
import { productAttributeKeys, productAttributeValues } from '@/db/queries/products/attribute-values';
import { listProducts, type ProductFilters } from '@/db/queries/products/product-list';
import { requireStaff } from '@/lib/auth/session';
import { formatMoney } from '@/lib/money';
import { describeProduct } from '@/lib/products';
import { choiceParam, pageParam, param, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Products' };

const labels: Record<(typeof productAttributeKeys)[number], string> = {
  manufacturer: 'Manufacturer',
  model: 'Model',
  capacity: 'Capacity',
  color: 'Color',
  network: 'Network',
  grade: 'Grade',
};

/** A text filter, cut to a sensible length. */
function textParam(all: SearchParams, key: string): string | undefined {
  return param(all, key)?.slice(0, 200);
}

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const filters: ProductFilters = { q: textParam(params, 'q') };
  for (const key of productAttributeKeys) filters[key] = textParam(params, key);
  const price = choiceParam(params, 'price', ['priced', 'on_request'] as const);
  if (price) filters.price = price;
  const page = pageParam(params);

  const db = await readReplica();
  const [list, attributes] = await Promise.all([
    listProducts(db, { sellerId: staff.sellerId, filters, page }),
    productAttributeValues(db, { sellerId: staff.sellerId }),
  ]);
  const keep: Record<string, string | undefined> = { ...filters };

  return (
    <>
      <PageHeader
        title="Products"
        description="Your variations with their list prices and the quantity For Sale."
        actions={
          <>
            <LinkButton href="/admin/products/new" variant="primary">
              New product
            </LinkButton>
            <LinkButton href="/admin/products/import">Import products</LinkButton>
            <LinkButton href="/admin/products/price-update">Bulk price update</LinkButton>
            <LinkButton href="/admin/products/grades">Grade guide</LinkButton>
          </>
        }
      />
      <form method="get" action="/admin/products" role="search" aria-label="Filter products" className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8">
          <div className="col-span-2">
            <Field id="product-q" label="Search" hint="SKU, model, color…">
              <Input id="product-q" name="q" defaultValue={filters.q ?? ''} aria-describedby="product-q-hint" />
            </Field>
          </div>
          {productAttributeKeys.map((key) => (
            <Field key={key} id={`product-${key}`} label={labels[key]}>
              <Select id={`product-${key}`} name={key} defaultValue={filters[key] ?? ''}>
                <option value="">Any</option>
                {attributes[key].map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <div className="w-48">
            <Field id="product-price" label="List price">
              <Select id="product-price" name="price" defaultValue={filters.price ?? ''}>
                <option value="">Any</option>
                <option value="priced">Priced</option>
                <option value="on_request">Price on request</option>
              </Select>
            </Field>
          </div>
          <Button type="submit">Filter</Button>
          <Link href="/admin/products" className="pb-2 text-sm text-slate-700 underline">
            Clear filters
          </Link>
        </div>
      </form>

      <Table caption="Products">
        <thead>
          <tr>
            <Th>SKU</Th>
            <Th>Product</Th>
            <Th>Grade</Th>
            <Th className="text-right">List price</Th>
            <Th className="text-right">For Sale</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.rows.length === 0 ? <EmptyRow colSpan={6}>No products match these filters.</EmptyRow> : null}
          {list.rows.map((p) => (
            <tr key={p.id}>
              <Td className="font-mono text-xs">
                <Link href={`/admin/products/${p.id}`} className="text-blue-700 underline">
                  {p.sku}
                </Link>
              </Td>
              <Td>{describeProduct({ ...p, grade: null })}</Td>
              <Td>{p.grade}</Td>
              <Td className="text-right tabular-nums">{p.listPrice === null ? <span className="text-slate-500">Price on request</span> : formatMoney(p.listPrice, staff.currency)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(p.available)}</Td>
              <Td className="whitespace-nowrap text-right">
                <Link href={`/admin/inventory?productId=${p.id}`} className="text-sm text-slate-700 underline">
                  Devices
                </Link>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination basePath="/admin/products" searchParams={keep} page={list.page} pageSize={list.pageSize} total={list.total} />
    </>
  );
}
