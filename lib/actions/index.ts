import 'server-only';
import { requireCustomer, requireStaff } from '@/lib/auth/session';
import { Refusal } from '@/lib/refusal';
import { actionWrappers } from './wrappers';

export * from './result';
export { Refusal };
export type { CustomerContext, StaffContext } from './wrappers';

/**
 * The three kinds of server action: `staffAction(name, minRole, schema, fn)`,
 * `customerAction(name, schema, fn)` and `portalAction(name, schema, fn)` (a customer
 * action that refuses while the portal is closed). Each validates the input
 * with zod and answers a thrown Refusal as the form result.
 */
export const { staffAction, customerAction, portalAction } = actionWrappers({ requireStaff, requireCustomer });

