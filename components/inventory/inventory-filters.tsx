import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import type { DeviceFilters } from '@/db/queries/inventory/device-filters';
import { formatDeviceKey, type DevicePageCursor } from '@/lib/inventory/device-key';
import type { ProductAttributeValues } from '@/db/queries/products/attribute-values';

const attributeLabels: [keyof ProductAttributeValues, string][] = [
  ['manufacturer', 'Manufacturer'],
  ['model', 'Model'],
  ['capacity', 'Capacity'],
  ['color', 'Color'],
  ['network', 'Network'],
  ['grade', 'Grade'],
];

/** A plain GET form: every filtered view is a link that can be shared or bookmarked. */
export function InventoryFilters({
  filters,
  attributes,
  statuses,
  warehouses,
  productLabel,
}: {
  filters: DeviceFilters;
  attributes: ProductAttributeValues;
  statuses: { id: number; name: string }[];
  warehouses: { id: number; code: string; name: string }[];
  productLabel?: string | null;
}) {
  return (
    <form method="get" action="/admin/inventory" className="mb-4 rounded-lg border border-slate-200 bg-white p-4" role="search" aria-label="Filter devices">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
        <div className="col-span-2">
          <Field id="filter-q" label="IMEI or serial" hint="All 15 digits, the last 3 or more, or the first 10 or more (serial numbers: 3 or more at the start or end).">
            <Input id="filter-q" name="q" defaultValue={filters.q ?? ''} inputMode="search" autoComplete="off" aria-describedby="filter-q-hint" />
          </Field>
        </div>
        <Field id="filter-sku" label="SKU" hint="All of it or its start.">
          <Input id="filter-sku" name="sku" defaultValue={filters.sku ?? ''} autoComplete="off" spellCheck={false} aria-describedby="filter-sku-hint" />
        </Field>
        {attributeLabels.map(([key, label]) => (
          <Field key={key} id={`filter-${key}`} label={label}>
            <Select id={`filter-${key}`} name={key} defaultValue={filters[key] ?? ''}>
              <option value="">Any</option>
              {attributes[key].map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </Select>
          </Field>
        ))}
        <Field id="filter-status" label="Status">
          <Select id="filter-status" name="statusId" defaultValue={filters.statusId ?? ''}>
            <option value="">Any</option>
            {statuses.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="filter-warehouse" label="Warehouse">
          <Select id="filter-warehouse" name="warehouseId" defaultValue={filters.warehouseId ?? ''}>
            <option value="">Any</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} · {w.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="filter-committed" label="Committed to an order">
          <Select id="filter-committed" name="committed" defaultValue={filters.committed ?? ''}>
            <option value="">Either</option>
            <option value="yes">Committed</option>
            <option value="no">Not committed</option>
          </Select>
        </Field>
      </div>
      {filters.productId ? <input type="hidden" name="productId" value={filters.productId} /> : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit">Filter</Button>
        <Link href="/admin/inventory" className="text-sm text-slate-700 underline">
          Clear filters
        </Link>
        {filters.productId ? (
          <p className="text-sm text-slate-700">
            Only product <strong>{productLabel ?? `#${filters.productId}`}</strong>{' '}
            <Link href={hrefWithout(filters, 'productId')} className="underline">
              (show all products)
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}

function hrefWithout(filters: DeviceFilters, key: keyof DeviceFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '' && k !== key) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `/admin/inventory?${qs}` : '/admin/inventory';
}

export function inventoryHref(filters: DeviceFilters, cursor: DevicePageCursor = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') params.set(k, String(v));
  if (cursor.after) params.set('after', formatDeviceKey(cursor.after));
  if (cursor.before) params.set('before', formatDeviceKey(cursor.before));
  const qs = params.toString();
  return qs ? `/admin/inventory?${qs}` : '/admin/inventory';
}
