import 'server-only';
import type { z } from 'zod';
import { unstable_rethrow } from 'next/navigation';
import type { StaffRole } from '@/db/schema';
import {
  ForbiddenError,
  requireCustomer,
  requireStaff,
  type CustomerSession,
  type StaffSession,
} from '@/lib/auth/session';
import type { PortalIdentity } from '@/db/queries/sellers';
import { fail, formToObject, invalid, type ActionResult } from './result';

export * from './result';

/** Domain refusals that carry a message meant for the user. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

function toInput(input: unknown): unknown {
  return input instanceof FormData ? formToObject(input) : input;
}

async function guard<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error); // redirects and not-found pass through
    if (error instanceof UserError) return fail(error.message, error.fieldErrors);
    if (error instanceof ForbiddenError) return fail(error.message);
    console.error(error);
    return fail('Something went wrong on our side. Nothing was changed; please try again.');
  }
}

/**
 * A back-office action: authenticates staff (with a minimum role), validates
 * the input with zod, then runs `fn` with the session. The seller always comes
 * from the session, never from the input.
 */
export function staffAction<S extends z.ZodType, T>(
  minRole: StaffRole,
  schema: S,
  fn: (input: z.infer<S>, staff: StaffSession) => Promise<ActionResult<T>>,
) {
  return async (input: z.input<S> | FormData): Promise<ActionResult<T>> =>
    guard(async () => {
      const staff = await requireStaff(minRole);
      const parsed = schema.safeParse(toInput(input));
      if (!parsed.success) return invalid(parsed.error);
      return fn(parsed.data, staff);
    });
}

/**
 * A portal action: the slug names the portal, the session must belong to it,
 * and the organization comes from the session.
 */
export function customerAction<S extends z.ZodType, T>(
  schema: S,
  fn: (
    input: z.infer<S>,
    customer: CustomerSession & { portal: PortalIdentity },
  ) => Promise<ActionResult<T>>,
) {
  return async (slug: string, input: z.input<S> | FormData): Promise<ActionResult<T>> =>
    guard(async () => {
      const customer = await requireCustomer(slug);
      const parsed = schema.safeParse(toInput(input));
      if (!parsed.success) return invalid(parsed.error);
      return fn(parsed.data, customer);
    });
}
