/**
 * A refusal of what a user asked for, with a message meant for them. Thrown
 * inside the transaction of the change, so nothing is written. For pasted
 * identifiers, `problems` lists every refused entry with its reason, so staff
 * can fix the whole paste at once.
 *
 * (Data-layer twin of lib/actions' UserError, which cannot be imported here:
 * that module is server-only and the integration tests call queries directly.)
 */
export type PasteProblem = { imei: string; line: number | null; reason: string };

export class Refusal extends Error {
  constructor(
    message: string,
    readonly problems: PasteProblem[] = [],
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

/** How one problem reads in a list: "Line 3: 356938035643809 — the reason". */
export function describeProblem(p: PasteProblem): string {
  return `${p.line ? `Line ${p.line}: ` : ''}${p.imei} — ${p.reason}`;
}


/** A positive int4 from a URL segment or form value, else null. */
export function parseDocumentNumber(value: string | undefined | null): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 && n <= 2_147_483_647 ? n : null;
}
