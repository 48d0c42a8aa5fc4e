import { z } from 'zod';
import { batteryBands, carrierLockStates, type BatteryBand, type CarrierLockState } from '@/lib/device-condition';

/** The attributes the For Sale page filters on, in the order they are shown. */
export const forSaleFacetKeys = ['manufacturer', 'model', 'capacity', 'color', 'network', 'grade'] as const;
export type ForSaleFacetKey = (typeof forSaleFacetKeys)[number];

/**
 * The condition filters: battery health band and carrier lock. They filter
 * units, not products: a product stays listed with the quantity of its units
 * that match (summed from product_availability_cells).
 */
export const forSaleConditionKeys = ['battery', 'lock'] as const;
export type ForSaleConditionKey = (typeof forSaleConditionKeys)[number];

/** The values each condition filter takes, in the order shown. */
export const forSaleConditionValues: { battery: readonly BatteryBand[]; lock: readonly CarrierLockState[] } = {
  battery: batteryBands,
  lock: carrierLockStates,
};

/** Chosen values of a condition filter: only known ones, each once, in their own order. */
const conditionValues = <T extends string>(known: readonly T[]) =>
  z
    .array(z.string())
    .catch([])
    .transform((list) => known.filter((v) => list.some((x) => x.trim() === v)));

export const forSaleSortKeys = ['model', 'price', 'quantity'] as const;
export type ForSaleSort = (typeof forSaleSortKeys)[number];

/** `list`: one row per product; `grouped`: one row per model, capacity, color and network with a column per grade. */
export const forSaleLayouts = ['list', 'grouped'] as const;
export type ForSaleLayout = (typeof forSaleLayouts)[number];

export const FOR_SALE_PAGE_SIZE = 50;

/** At most this many values per filter; more is not a view a buyer makes by hand. */
const MAX_VALUES = 30;

/** The chosen values of one filter: trimmed, non-empty, each once, in the order given. */
const values = z
  .array(z.string())
  .catch([])
  .transform((list) => [...new Set(list.map((v) => v.trim()).filter((v) => v && v.length <= 100))].slice(0, MAX_VALUES));

/**
 * The For Sale view as it lives in the URL. Anything malformed falls back to
 * its default instead of failing, so an edited or stale link still shows stock.
 * Each filter holds several values (`?grade=A%2B&grade=A`): a product passes
 * when its attribute is one of them.
 */
export const forSaleViewSchema = z.object({
  q: z.string().trim().max(200).catch(''),
  manufacturer: values,
  model: values,
  capacity: values,
  color: values,
  network: values,
  grade: values,
  battery: conditionValues(batteryBands),
  lock: conditionValues(carrierLockStates),
  sort: z.enum(forSaleSortKeys).catch('model'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  layout: z.enum(forSaleLayouts).catch('list'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type ForSaleView = z.infer<typeof forSaleViewSchema>;

/** Reads a view from Next's searchParams (or URLSearchParams); a filter keeps every value given, the rest their first. */
export function parseForSaleView(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): ForSaleView {
  const all = (key: string): string[] => {
    const value = params instanceof URLSearchParams ? params.getAll(key) : params[key];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const raw: Record<string, string | string[] | undefined> = {};
  for (const key of ['q', 'sort', 'dir', 'layout', 'page']) raw[key] = all(key)[0];
  for (const key of forSaleFacetKeys) raw[key] = all(key);
  for (const key of forSaleConditionKeys) raw[key] = all(key);
  return forSaleViewSchema.parse(raw);
}

/** True when the view narrows the list (a search or any filter value). */
export function forSaleFiltered(view: Pick<ForSaleView, 'q' | ForSaleFacetKey> & Partial<Pick<ForSaleView, ForSaleConditionKey>>): boolean {
  return Boolean(view.q) || forSaleFacetKeys.some((k) => view[k].length > 0) || forSaleConditionFiltered(view);
}

/** True when a battery or carrier lock filter is chosen (the listing then sums the matching cells). */
export function forSaleConditionFiltered(view: Partial<Pick<ForSaleView, ForSaleConditionKey>>): boolean {
  return forSaleConditionKeys.some((k) => (view[k]?.length ?? 0) > 0);
}

/** The query string of a view without its defaults, so links stay short and stable. */
export function forSaleQueryString(view: Partial<ForSaleView>): string {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  for (const key of forSaleFacetKeys) for (const value of view[key] ?? []) params.append(key, value);
  for (const key of forSaleConditionKeys) for (const value of view[key] ?? []) params.append(key, value);
  if (view.layout && view.layout !== 'list') params.set('layout', view.layout);
  if (view.sort && view.sort !== 'model') params.set('sort', view.sort);
  if (view.dir && view.dir !== 'asc') params.set('dir', view.dir);
  if (view.page && view.page > 1) params.set('page', String(view.page));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
