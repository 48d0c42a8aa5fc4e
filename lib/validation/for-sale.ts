import { z } from 'zod';

/** The attributes the For Sale page filters on, in the order they are shown. */
export const forSaleFacetKeys = ['manufacturer', 'model', 'capacity', 'color', 'network', 'grade'] as const;
export type ForSaleFacetKey = (typeof forSaleFacetKeys)[number];

export const forSaleSortKeys = ['model', 'price', 'quantity'] as const;
export type ForSaleSort = (typeof forSaleSortKeys)[number];

export const FOR_SALE_PAGE_SIZE = 50;

const text = z.string().trim().max(100).catch('');

/**
 * The For Sale view as it lives in the URL. Anything malformed falls back to
 * its default instead of failing, so an edited or stale link still shows stock.
 */
export const forSaleViewSchema = z.object({
  q: z.string().trim().max(200).catch(''),
  manufacturer: text,
  model: text,
  capacity: text,
  color: text,
  network: text,
  grade: text,
  sort: z.enum(forSaleSortKeys).catch('model'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type ForSaleView = z.infer<typeof forSaleViewSchema>;

/** Reads a view from Next's searchParams (or URLSearchParams); a repeated key counts once. */
export function parseForSaleView(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): ForSaleView {
  const raw: Record<string, string | undefined> = {};
  const keys = ['q', ...forSaleFacetKeys, 'sort', 'dir', 'page'];
  for (const key of keys) {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    raw[key] = Array.isArray(value) ? value[0] : (value ?? undefined);
  }
  return forSaleViewSchema.parse(raw);
}

/** The query string of a view without its defaults, so links stay short and stable. */
export function forSaleQueryString(view: Partial<ForSaleView>): string {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  for (const key of forSaleFacetKeys) if (view[key]) params.set(key, view[key]);
  if (view.sort && view.sort !== 'model') params.set('sort', view.sort);
  if (view.dir && view.dir !== 'asc') params.set('dir', view.dir);
  if (view.page && view.page > 1) params.set('page', String(view.page));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
