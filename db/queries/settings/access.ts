import type { StaffRole } from '@/db/schema';

/** Who is changing settings: a staff session (or anything shaped like one). */
export type SettingsActor = { staffUserId: number; name: string; role: StaffRole };

export const SETTINGS_FORBIDDEN = 'Only owners and admins can change settings.';

/** Owners and admins change settings; the staff role may not. */
export function canChangeSettings(role: StaffRole): boolean {
  return role === 'owner' || role === 'admin';
}
