import { imeiProblem, imeiProblemMessage } from '@/lib/imei';
import type { LineProblem } from '@/lib/refusal';

/** Devices are identified by an IMEI (phones) or by a serial number (everything else). */
export type IdentifierKind = 'imei' | 'serial';

/** Most entries one paste or one file may hold; larger batches are split by the user. */
export const MAX_DEVICES_PER_BATCH = 10_000;

const serialPattern = /^[A-Za-z0-9][A-Za-z0-9._/-]{2,39}$/;

export function serialProblem(value: string): string | null {
  return serialPattern.test(value)
    ? null
    : 'a serial number has 3 to 40 letters, digits or . _ / - and starts with a letter or digit';
}

export function imeiReason(value: string): string | null {
  const problem = imeiProblem(value);
  if (!problem) return null;
  if (problem === 'not_15_digits' && /^\d+$/.test(value)) {
    return `it has ${value.length} digits; ${imeiProblemMessage.not_15_digits}`;
  }
  return imeiProblemMessage[problem];
}

export function identifierProblem(kind: IdentifierKind, value: string): string | null {
  return kind === 'imei' ? imeiReason(value) : serialProblem(value);
}

/** Serial numbers are unique per seller regardless of case (as the database index is). */
export function identifierKey(kind: IdentifierKind, value: string): string {
  return kind === 'imei' ? value : value.toLowerCase();
}

/**
 * The checks that need no database: format of each entry and repeats within
 * the batch. Every problem names its line; a repeat names the first line too.
 */
export function checkIdentifierBatch(
  kind: IdentifierKind,
  entries: readonly { value: string; line: number }[],
): LineProblem[] {
  const problems: LineProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const { value, line } of entries) {
    const reason = identifierProblem(kind, value);
    if (reason) {
      problems.push({ line, value, reason });
      continue;
    }
    const key = identifierKey(kind, value);
    const first = firstLine.get(key);
    if (first !== undefined) problems.push({ line, value, reason: `repeats line ${first}` });
    else firstLine.set(key, line);
  }
  return problems;
}

/** The well-formed entries, each identifier once (its first line): what to look up in the database. */
export function firstValidEntries<E extends { value: string }>(kind: IdentifierKind, entries: readonly E[]): E[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (identifierProblem(kind, e.value)) return false;
    const key = identifierKey(kind, e.value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
