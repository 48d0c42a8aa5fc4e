/**
 * What the inventory search box asks for: a whole IMEI (15 digits) is an exact
 * match; anything shorter is a part: the last 3 or more characters of an IMEI
 * or serial number (people read them off a label), the first 10 or more
 * digits of an IMEI, or the first 3 or more characters of a serial number.
 */
export type IdentifierSearch =
  | { kind: 'exact'; value: string }
  | { kind: 'part'; value: string; digitsOnly: boolean }
  | { kind: 'too_short' };

export const MIN_SEARCH_PART = 3;
/** Shorter IMEI prefixes (a TAC names a whole model) are matched as endings only; use the model filter. */
export const MIN_IMEI_PREFIX = 10;

export function parseIdentifierSearch(input: string | undefined | null): IdentifierSearch | null {
  const value = (input ?? '').trim();
  if (!value) return null;
  if (/^\d{15}$/.test(value)) return { kind: 'exact', value };
  if (value.length < MIN_SEARCH_PART) return { kind: 'too_short' };
  return { kind: 'part', value: value.toLowerCase(), digitsOnly: /^\d+$/.test(value) };
}

/**
 * The smallest string greater than every string that starts with `prefix`
 * (in code-point order), so `x >= prefix and x < upper` is an index range.
 */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

export function reversed(value: string): string {
  return [...value].reverse().join('');
}

