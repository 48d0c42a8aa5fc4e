import type { StaffActor } from '@/db/queries/audit';
import type { StaffRole } from '@/db/schema';
import { Refusal } from '@/lib/refusal';

/**
 * Who is changing settings: the audit actor with the staff role, built by the
 * action from the wrapper's context (`{ ...staff.actor, role: staff.role }`).
 */
export type SettingsActor = StaffActor & { role: StaffRole };

export const SETTINGS_FORBIDDEN = 'Only owners and admins can change settings.';

/** Owners and admins change settings; the staff role may not. */
export function canChangeSettings(role: StaffRole): boolean {
  return role === 'owner' || role === 'admin';
}

/** The data layer's own check, whatever the page or action did before. */
export function assertCanChangeSettings(actor: SettingsActor): void {
  if (!canChangeSettings(actor.role)) throw new Refusal(SETTINGS_FORBIDDEN, { code: 'forbidden' });
}

/** The settings actor of a staff action: the wrapper's audit actor and the session's role. */
export function settingsActor(staff: { actor: StaffActor; role: StaffRole }): SettingsActor {
  return { ...staff.actor, role: staff.role };
}
