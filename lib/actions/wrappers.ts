import type { z } from 'zod';
import { unstable_rethrow } from 'next/navigation';
import type { CustomerSession, StaffSession } from '@/db/queries/accounts';
import type { StaffActor } from '@/db/queries/audit';
import type { PortalIdentity } from '@/db/queries/sellers';
import type { StaffRole } from '@/db/schema';
import { logger } from '@/lib/logging/logger';
import { Refusal, isRefusal } from '@/lib/refusal';
import { withoutControlCharacters } from '@/lib/validation/clean-input';
import { failureCode, formToObject, invalid, refusalResult, type ActionResult } from './result';

/** The staff member of an action, with the audit actor built once. */
export type StaffContext = StaffSession & { actor: StaffActor };
/** The customer of an action, with the portal they are signed in to. */
export type CustomerContext = CustomerSession & { portal: PortalIdentity };

/**
 * Where the wrappers get the signed-in user. lib/actions/index.ts binds them
 * to Auth.js and the database; the unit tests bind them to fixtures.
 * `requireStaff` redirects a signed-out visitor and throws a `forbidden`
 * Refusal below the role; `requireCustomer` redirects unless the session
 * belongs to the portal of the slug.
 */
export type ActionSessions = {
  requireStaff(minRole: StaffRole): Promise<StaffSession>;
  requireCustomer(slug: string): Promise<CustomerContext>;
};

export const SOMETHING_WENT_WRONG = 'Something went wrong on our side. Nothing was changed; please try again.';
export const PORTAL_CLOSED = 'This portal is not open.';

function toInput(input: unknown): unknown {
  return input instanceof FormData ? formToObject(input) : input;
}

/**
 * The one place a thrown Refusal becomes the form result; anything else is
 * answered generically. Each refusal is logged as `action refused` (warn) with
 * the action's name and the refusal code, each error as `action failed`
 * (error) with the error; never the input.
 */
export async function answer<T>(run: () => Promise<ActionResult<T>>, action = 'unnamed action'): Promise<ActionResult<T>> {
  let result: ActionResult<T>;
  try {
    result = await run();
  } catch (error) {
    unstable_rethrow(error); // redirects and not-found pass through
    if (isRefusal(error)) {
      result = refusalResult(error);
    } else {
      logger.error({ action, err: error }, 'action failed');
      return { ok: false, error: SOMETHING_WENT_WRONG };
    }
  }
  if (!result.ok) logger.warn({ action, code: failureCode(result) }, 'action refused');
  return result;
}

/** Every action's input: form fields as an object, cleaned of control characters, then the schema. */
function parse<S extends z.ZodType>(schema: S, input: unknown) {
  return schema.safeParse(withoutControlCharacters(toInput(input)));
}

export function actionWrappers(sessions: ActionSessions) {
  /**
   * A back-office action (`name` is its export's, for the log): authenticates staff (with a minimum role), validates
   * the input with zod, then runs `fn` with the session and its audit actor.
   * The seller always comes from the session, never from the input.
   */
  function staffAction<S extends z.ZodType, T>(
    name: string,
    minRole: StaffRole,
    schema: S,
    fn: (input: z.infer<S>, staff: StaffContext) => Promise<ActionResult<T>>,
  ) {
    return async (input: z.input<S> | FormData): Promise<ActionResult<T>> =>
      answer(async () => {
        const session = await sessions.requireStaff(minRole);
        const parsed = parse(schema, input);
        if (!parsed.success) return invalid(parsed.error);
        const actor: StaffActor = { staffUserId: session.staffUserId, name: session.name };
        return fn(parsed.data, { ...session, actor });
      }, name);
  }

  /**
   * A portal action: the slug names the portal, the session must belong to it,
   * and the seller and organization come from the session.
   */
  function customerAction<S extends z.ZodType, T>(
    name: string,
    schema: S,
    fn: (input: z.infer<S>, customer: CustomerContext) => Promise<ActionResult<T>>,
  ) {
    return async (slug: string, input: z.input<S> | FormData): Promise<ActionResult<T>> =>
      answer(async () => {
        const customer = await sessions.requireCustomer(slug);
        const parsed = parse(schema, input);
        if (!parsed.success) return invalid(parsed.error);
        return fn(parsed.data, customer);
      }, name);
  }

  /** A customer action that also refuses while the seller's portal is closed (its pages show the closed page). */
  function portalAction<S extends z.ZodType, T>(
    name: string,
    schema: S,
    fn: (input: z.infer<S>, customer: CustomerContext) => Promise<ActionResult<T>>,
  ) {
    return customerAction(name, schema, async (input: z.infer<S>, customer) => {
      if (!customer.portal.enabled) throw new Refusal(PORTAL_CLOSED, { code: 'closed' });
      return fn(input, customer);
    });
  }

  return { staffAction, customerAction, portalAction };
}
