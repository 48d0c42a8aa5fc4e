/**
 * The order the trade reads product attributes in: capacities by size
 * (64GB < 128GB < 1TB), grades best first (A+ before A before B), models
 * with their numbers compared as numbers (iPhone 9 before iPhone 12). The
 * portal's For Sale filters use the same order. The collators are made once:
 * `localeCompare` with a locale builds one on every call (it showed in a CPU
 * profile of For Sale, which sorts its facet values on every view).
 */

const text = new Intl.Collator('en').compare;
const numeric = new Intl.Collator('en', { numeric: true }).compare;

/** Megabytes-ish size of a capacity ("64GB", "1TB", "512 MB"); unknown text sorts last. */
export function capacitySize(capacity: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(tb|gb|mb)?/i.exec(capacity);
  if (!match) return Number.POSITIVE_INFINITY;
  const n = Number(match[1]);
  const unit = (match[2] ?? 'gb').toLowerCase();
  return unit === 'tb' ? n * 1024 : unit === 'mb' ? n / 1024 : n;
}

export function compareCapacity(a: string, b: string): number {
  return capacitySize(a) - capacitySize(b) || text(a, b);
}

/** A+ before A before A- before B+ …; anything else alphabetically after its letter. */
export function compareGrade(a: string, b: string): number {
  const key = (g: string) => [g.replace(/[+-]$/, ''), g.endsWith('+') ? 0 : g.endsWith('-') ? 2 : 1] as const;
  const [x, y] = [key(a), key(b)];
  return numeric(x[0], y[0]) || x[1] - y[1] || text(a, b);
}

export function compareModel(a: string, b: string): number {
  return numeric(a, b);
}

export const attributeComparators = {
  manufacturer: text,
  model: compareModel,
  capacity: compareCapacity,
  color: text,
  network: text,
  grade: compareGrade,
} as const;
