/**
 * The one way the product says no. The data layer throws a `Refusal` inside
 * the transaction of the change (so nothing is written); the action wrapper
 * (lib/actions/wrappers.ts) turns it into the form result in one place;
 * route handlers answer it as a 4xx. The message is meant for the user.
 *
 * - `code` says what kind of no it is, for callers that branch on it
 *   (checkout shows the cart again on `short`, routes answer `not_found` as 404).
 * - `fieldErrors` point at form fields by name.
 * - `problems` list every refused line of a paste or file at once, so the
 *   user can fix the whole batch: "Line 3: 356938035643809 — the reason".
 * - `details` carry structured data a screen needs (checkout's short lines).
 */
export type RefusalCode =
  | 'refused'
  | 'invalid'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'in_use'
  | 'closed'
  | 'not_ready'
  | 'payment_method'
  | 'empty'
  | 'short'
  | 'key_taken'
  | 'too_large'
  | 'busy'
  | 'quantity_rules'
  | 'below_minimum';

/** One refused line of a paste or row of a file (line is null when the input had no lines). */
export type LineProblem = { line: number | null; value: string; reason: string };

export type RefusalOptions<D> = {
  code?: RefusalCode;
  fieldErrors?: Record<string, string[]>;
  problems?: LineProblem[];
  details?: D;
};

export class Refusal<D = undefined> extends Error {
  readonly code: RefusalCode;
  readonly fieldErrors?: Record<string, string[]>;
  readonly problems: LineProblem[];
  readonly details: D;

  constructor(message: string, options: RefusalOptions<D> = {}) {
    super(message);
    this.name = 'Refusal';
    this.code = options.code ?? 'refused';
    this.fieldErrors = options.fieldErrors;
    this.problems = options.problems ?? [];
    this.details = options.details as D;
  }
}

export function isRefusal(error: unknown): error is Refusal<unknown> {
  return error instanceof Refusal;
}

/** How one problem reads in a list: "Line 3: 356938035643809 — the reason". */
export function describeProblem(problem: LineProblem, noun = 'Line'): string {
  const where = problem.line ? `${noun} ${problem.line}: ` : '';
  return `${where}${problem.value ? `${problem.value} — ` : ''}${problem.reason}`;
}
