import 'server-only';
import { canChangeSettings } from '@/db/queries/settings/access';
import { requireStaff, type StaffSession } from '@/lib/auth/session';

/**
 * For settings pages: the staff member, and whether they may change settings.
 * Pages show the staff role a refusal page instead of crashing; the writes
 * refuse them again in the data layer (db/queries/settings/access.ts, the same rule).
 */
export async function settingsPageAccess(): Promise<{ staff: StaffSession; allowed: boolean }> {
  const staff = await requireStaff();
  return { staff, allowed: canChangeSettings(staff.role) };
}
