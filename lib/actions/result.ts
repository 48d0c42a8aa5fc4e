import type { z } from 'zod';
import { describeProblem, type Refusal } from '@/lib/refusal';

/**
 * What every server action answers. Never echoes the input back. A failure
 * carries the message, per-field errors and, for pastes and files, one
 * readable line per refused entry.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined>; problems?: string[] };

export type ActionFailure = Extract<ActionResult, { ok: false }>;

/**
 * The refusal code of each failure built here, kept beside the result (never
 * in it: the result goes to the browser) for the action's log line.
 */
const failureCodes = new WeakMap<object, string>();

/** Why an action said no, for the log: a Refusal's code, `invalid` for bad input, else `refused`. */
export function failureCode(result: ActionFailure): string {
  return failureCodes.get(result) ?? 'refused';
}

export function ok<T>(data: T, message?: string): ActionResult<T> {
  return { ok: true, data, message };
}

export function fail(error: string, fieldErrors?: Record<string, string[] | undefined>): ActionResult<never> {
  return { ok: false, error, fieldErrors };
}

/** The form result of a refusal: its message, field errors and one line per problem. */
export function refusalResult(refusal: Refusal<unknown>, noun = 'Line'): ActionResult<never> {
  const result: ActionFailure = { ok: false, error: refusal.message, fieldErrors: refusal.fieldErrors };
  if (refusal.problems.length) result.problems = refusal.problems.map((p) => describeProblem(p, noun));
  failureCodes.set(result, refusal.code);
  return result as ActionResult<never>;
}

/** Turns a zod failure into a message and per-field errors. */
export function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = error.issues[0]?.message ?? 'Please check the form.';
  const result: ActionFailure = { ok: false, error: first, fieldErrors };
  failureCodes.set(result, 'invalid');
  return result as ActionResult<never>;
}

/** Reads FormData into a plain object: repeated names become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
    } else {
      out[key] = value;
    }
  }
  return out;
}
