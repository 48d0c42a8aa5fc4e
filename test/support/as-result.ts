import { refusalResult, type ActionResult } from '@/lib/actions/result';
import { isRefusal } from '@/lib/refusal';

/**
 * A data-layer call read as the form result the action wrapper would answer:
 * a thrown Refusal becomes `{ ok: false, error, fieldErrors, problems }`, a
 * value becomes `{ ok: true, data }` (a `{ data, message }` write keeps its
 * message). Lets the tests keep asserting on results while queries throw.
 */
export async function asResult<T>(call: Promise<T>): Promise<ActionResult<T extends { data: infer D; message: string } ? D : T>> {
  try {
    const value = await call;
    if (value && typeof value === 'object' && 'data' in value && 'message' in value && Object.keys(value).length === 2) {
      const written = value as { data: never; message: string };
      return { ok: true, data: written.data, message: written.message };
    }
    return { ok: true, data: value as never };
  } catch (error) {
    if (isRefusal(error)) return refusalResult(error);
    throw error;
  }
}
