import { pgErrorCode } from '@/db/errors';
import type { DbOrTx, Tx } from '@/db';
import { fail, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { z } from 'zod';
import { canChangeSettings, SETTINGS_FORBIDDEN, type SettingsActor } from './access';

export { joinWithAnd, plural } from '@/lib/settings/words';

/** A refusal with a message for the user; thrown inside a write so its transaction rolls back. */
export class SettingsRefusal extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'SettingsRefusal';
  }
}


/** The schema of a write that takes no input (a delete). */
export const noInput = z.object({});

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Every settings write goes through here: the role is checked first (the data
 * layer refuses the staff role whatever the page did), the input is parsed with
 * the shared zod schema, and the change runs in one transaction. A refusal,
 * or a constraint that a concurrent write tripped, rolls everything back and
 * comes back as a message.
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
    successMessage?: (result: T) => string;
  },
  run: (tx: Tx, values: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  if (!canChangeSettings(options.actor.role)) return fail(SETTINGS_FORBIDDEN);
  const parsed = options.schema.safeParse(options.input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await db.transaction((tx) => run(tx, parsed.data));
    return ok(result, options.successMessage?.(result));
  } catch (error) {
    if (error instanceof SettingsRefusal) return fail(error.message, error.fieldErrors);
    const code = pgErrorCode(error);
    if (code === UNIQUE_VIOLATION && options.onUniqueViolation) return fail(options.onUniqueViolation);
    if (code === FOREIGN_KEY_VIOLATION && options.onForeignKeyViolation) return fail(options.onForeignKeyViolation);
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
