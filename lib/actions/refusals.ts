import 'server-only';
import { describeProblem, Refusal } from '@/db/queries/refusal';
import { fail, type ActionResult } from './result';

/**
 * Runs an action body and answers a data-layer Refusal as a failed result:
 * its message, its field errors, and every problem of a paste under
 * `problems`, one readable line each.
 */
export async function answerRefusals<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Refusal) {
      const fieldErrors: Record<string, string[]> = { ...error.fieldErrors };
      if (error.problems.length) fieldErrors.problems = error.problems.map(describeProblem);
      return fail(error.message, fieldErrors);
    }
    throw error;
  }
}
