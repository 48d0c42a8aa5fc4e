import 'server-only';
import { hasRole, requireStaff, type StaffSession } from '@/lib/auth/session';

/**
 * For settings pages: the staff member, and whether they may change settings.
 * Pages show the staff role a refusal page instead of crashing; the writes
 * refuse them again in the data layer.
 */
export async function settingsAccess(): Promise<{ staff: StaffSession; allowed: boolean }> {
  const staff = await requireStaff();
  return { staff, allowed: hasRole(staff, 'admin') };
}
