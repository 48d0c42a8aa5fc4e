import type { StaffManager } from '@/db/queries/staff-users';
import type { StaffContext } from '@/lib/actions';

/** Settings > Staff users: owners and admins only; what each may do is checked again in the data layer. */
export const STAFF_USERS_PATH = '/admin/settings/staff';

/** The signed-in staff member as the data layer judges them: the audit actor, their seller and role. */
export function managerOf(staff: StaffContext): StaffManager {
  return { ...staff.actor, sellerId: staff.sellerId, role: staff.role };
}
