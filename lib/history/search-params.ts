import { productAttributes, type ProductAttribute } from '@/db/queries/history/purchased-devices';

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed; arrays come from repeated keys. */
export function param(params: SearchParams, key: string): string | undefined {
  const raw = params[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** Every value of a repeated query parameter. */
export function params(all: SearchParams, key: string): string[] {
  const raw = all[key];
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).map((v) => v.trim()).filter(Boolean);
}

export function pageParam(all: SearchParams): number {
  const value = Number(param(all, 'page') ?? '1');
  return Number.isInteger(value) && value >= 1 && value <= 1_000_000 ? value : 1;
}

/** A YYYY-MM-DD date that exists, or undefined (a bad date is ignored, not an error page). */
export function dateParam(all: SearchParams, key: string): string | undefined {
  const value = param(all, key);
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
}

export function positiveIntParam(all: SearchParams, key: string): number | undefined {
  const value = param(all, key);
  return value && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

/** Purchased devices filters from the URL: the IMEI search and one value per product attribute. */
export function purchasedDeviceFiltersFrom(all: SearchParams) {
  const filters: { search?: string } & Partial<Record<ProductAttribute, string>> = {};
  const search = param(all, 'imei');
  if (search) filters.search = search.slice(0, 40);
  for (const attribute of productAttributes) {
    const value = param(all, attribute);
    if (value) filters[attribute] = value.slice(0, 100);
  }
  return filters;
}

/** The same filters as plain strings, to rebuild links (pagination, CSV download). */
export function filterQuery(values: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) query.set(k, v);
  const text = query.toString();
  return text ? `?${text}` : '';
}
