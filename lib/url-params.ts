/**
 * Reading the URL: search params and path segments. Every page and route
 * handler parses through these, so a bad value is ignored (or answered as
 * not found) the same way everywhere, never turned into an error page.
 */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed; arrays come from repeated keys. Empty counts as absent. */
export function param(all: SearchParams, key: string): string | undefined {
  const raw = all[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** Every value of a repeated query parameter, trimmed, empty ones left out. */
export function params(all: SearchParams, key: string): string[] {
  const raw = all[key];
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).map((v) => v.trim()).filter(Boolean);
}

/** Largest value of a PostgreSQL integer column: ids and document numbers. */
const INT4_MAX = 2_147_483_647;

/** A positive integer id or document number from a URL segment or form value, else null (answered as not found). */
export function parseId(value: string | undefined | null): number | null {
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) return null;
  const n = Number(value);
  return n <= INT4_MAX ? n : null;
}

/** A positive integer query parameter (an id in a filter), else undefined. */
export function idParam(all: SearchParams, key: string): number | undefined {
  return parseId(param(all, key)) ?? undefined;
}

/** The page number of a list: 1 when absent or not a sensible page. */
export function pageParam(all: SearchParams, key = 'page'): number {
  const value = Number(param(all, key) ?? '1');
  return Number.isInteger(value) && value >= 1 && value <= 1_000_000 ? value : 1;
}

/** A YYYY-MM-DD date that exists, or undefined (a bad date is ignored, not an error page). */
export function dateParam(all: SearchParams, key: string): string | undefined {
  const value = param(all, key);
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
}

/** One of a fixed set of values, else undefined. */
export function choiceParam<T extends string>(all: SearchParams, key: string, choices: readonly T[]): T | undefined {
  const value = param(all, key);
  return value !== undefined && (choices as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A query string from plain values, empty ones left out, to rebuild links (pagination, CSV download). */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  const text = query.toString();
  return text ? `?${text}` : '';
}
