/**
 * The order the trade reads product attributes in: capacities by size
 * (64GB < 128GB < 1TB), grades best first (A+ before A before B), models
 * with their numbers compared as numbers (iPhone 9 before iPhone 12). The
 * portal's For Sale filters use the same order.
 */

/** Megabytes-ish size of a capacity ("64GB", "1TB", "512 MB"); unknown text sorts last. */
export function capacitySize(capacity: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(tb|gb|mb)?/i.exec(capacity);
  if (!match) return Number.POSITIVE_INFINITY;
  const n = Number(match[1]);
  const unit = (match[2] ?? 'gb').toLowerCase();
  return unit === 'tb' ? n * 1024 : unit === 'mb' ? n / 1024 : n;
}

export function compareCapacity(a: string, b: string): number {
  return capacitySize(a) - capacitySize(b) || a.localeCompare(b);
}

/** A+ before A before A- before B+ …; anything else alphabetically after its letter. */
export function compareGrade(a: string, b: string): number {
  const key = (g: string) => [g.replace(/[+-]$/, ''), g.endsWith('+') ? 0 : g.endsWith('-') ? 2 : 1] as const;
  const [x, y] = [key(a), key(b)];
  return x[0].localeCompare(y[0], 'en', { numeric: true }) || x[1] - y[1] || a.localeCompare(b);
}

export function compareModel(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export const attributeComparators = {
  manufacturer: (a: string, b: string) => a.localeCompare(b),
  model: compareModel,
  capacity: compareCapacity,
  color: (a: string, b: string) => a.localeCompare(b),
  network: (a: string, b: string) => a.localeCompare(b),
  grade: compareGrade,
} as const;
