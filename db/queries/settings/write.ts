import { pgErrorCode } from '@/db/errors';
import type { DbOrTx, Tx } from '@/db';
import { Refusal } from '@/lib/refusal';
import { z } from 'zod';
import { assertCanChangeSettings, type SettingsActor } from './access';

/** What a settings write answers: its result and the message the page shows. */
export type Written<T> = { data: T; message: string };

/** The schema of a write that takes no input (a delete). */
export const noInput = z.object({});

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/** A zod failure as a refusal: its first message, and every message by field. */
export function invalidInput(error: z.ZodError): Refusal {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return new Refusal(error.issues[0]?.message ?? 'Please check the form.', { code: 'invalid', fieldErrors });
}

/**
 * Every settings write goes through here: the role is checked first (the data
 * layer refuses the staff role whatever the page did), the input is parsed with
 * the shared zod schema, and the change runs in one transaction. A Refusal
 * thrown inside rolls everything back; a constraint that a concurrent write
 * tripped becomes a Refusal with the given message.
 */
export async function settingsWrite<S extends z.ZodType, T>(
  db: DbOrTx,
  options: {
    actor: SettingsActor;
    schema: S;
    input: unknown;
    /** Messages for constraint violations raised by a concurrent write. */
    onUniqueViolation?: string;
    onForeignKeyViolation?: string;
    message: (result: T) => string;
  },
  run: (tx: Tx, values: z.output<S>) => Promise<T>,
): Promise<Written<T>> {
  assertCanChangeSettings(options.actor);
  const parsed = options.schema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error);
  try {
    const data = await db.transaction((tx) => run(tx, parsed.data));
    return { data, message: options.message(data) };
  } catch (error) {
    const code = pgErrorCode(error);
    if (code === UNIQUE_VIOLATION && options.onUniqueViolation) throw new Refusal(options.onUniqueViolation, { code: 'conflict' });
    if (code === FOREIGN_KEY_VIOLATION && options.onForeignKeyViolation) {
      throw new Refusal(options.onForeignKeyViolation, { code: 'in_use' });
    }
    throw error;
  }
}

/** Only the fields whose value changed, as before/after maps for the audit log. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}
