import { fail, type ActionResult } from '@/lib/actions/result';
import { formatLineProblem, type LineProblem } from './identifiers';

/**
 * A write that was refused as a whole: the message says what happened
 * (nothing was written), `problems` name each refused line or row.
 */
export type Refusal = {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string[]>;
  problems?: LineProblem[];
};
export type Outcome<T> = ({ ok: true } & T) | Refusal;

export function refuse(message: string, extra: Omit<Refusal, 'ok' | 'message'> = {}): Refusal {
  return { ok: false, message, ...extra };
}

/** The action answer for a refusal; each problem becomes one readable line under `lines`. */
export function refusalResult(refusal: Refusal, noun = 'Line'): ActionResult<never> {
  const lines = refusal.problems?.map((p) => formatLineProblem(p, noun));
  return fail(refusal.message, { ...refusal.fieldErrors, ...(lines?.length ? { lines } : {}) });
}
