'use client';

import { useId, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { StaffRole } from '@/db/schema';
import { changeStaffRoleAction } from '@/lib/actions/staff-users/change-staff-role';

export const roleNames: Record<StaffRole, string> = { owner: 'Owner', admin: 'Admin', staff: 'Staff' };
const withArticle: Record<StaffRole, string> = { owner: 'an Owner', admin: 'an Admin', staff: 'Staff' };

/** What a role may do, said in the confirmation before anyone gets it. */
export const roleAbilities: Record<StaffRole, string> = {
  owner: 'Owners can manage staff users and roles, settings, and everything staff can do.',
  admin: 'Admins can change settings and invite, disable and enable staff (not owners or admins), and everything staff can do.',
  staff: 'Staff do the daily work (orders, inventory, products, customers, RMAs) and cannot change settings or staff users.',
};

const roles: StaffRole[] = ['staff', 'admin', 'owner'];

/**
 * The role of a staff user, changed only through "Change role…": the new role
 * is chosen inside a confirmation that says what it may do, so neither a
 * misclick nor an arrow key changes anyone's privileges.
 */
export function ChangeStaffRole({ staffUserId, role, name }: { staffUserId: number; role: StaffRole; name: string }) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<StaffRole>(role);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const groupId = useId();

  function confirm() {
    const next = chosen;
    startTransition(async () => {
      const result = await changeStaffRoleAction({ staffUserId, role: next });
      setMessage(result.ok ? { ok: true, text: result.message || `${name} is now ${withArticle[next]}.` } : { ok: false, text: result.error });
    });
  }

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <span>{roleNames[role]}</span>
        <ConfirmDialog
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            // Every opening starts from the current role: the new one is always an explicit choice.
            if (next) setChosen(role);
          }}
          trigger={
            <Button size="sm" variant="secondary" disabled={pending} aria-label={`Change role of ${name}`}>
              {pending ? 'Changing…' : 'Change role…'}
            </Button>
          }
          tone="primary"
          title={chosen === role ? `Change the role of ${name}` : `Make ${name} ${withArticle[chosen]}?`}
          description={
            chosen === role ? (
              <p>
                {name} is {withArticle[role]} now. Choose the new role.
              </p>
            ) : (
              <p>{roleAbilities[chosen]}</p>
            )
          }
          confirmLabel={chosen === role ? 'Change role' : `Make ${withArticle[chosen]}`}
          confirmDisabled={chosen === role}
          onConfirm={confirm}
        >
          <fieldset>
            <legend className="text-sm font-medium text-slate-900">New role for {name}</legend>
            <div className="mt-2 space-y-2">
              {roles.map((r) => (
                <label key={r} className="flex items-start gap-2 text-sm text-slate-800">
                  <input
                    type="radio"
                    name={`${groupId}-role`}
                    value={r}
                    className="mt-0.5 h-4 w-4"
                    checked={chosen === r}
                    onChange={() => setChosen(r)}
                  />
                  <span>
                    <span className="font-medium">{roleNames[r]}</span>
                    {r === role ? <span className="text-slate-500"> (current)</span> : null}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        </ConfirmDialog>
      </div>
      <p role="status" className={`mt-1 text-xs ${message?.ok === false ? 'text-red-700' : 'text-slate-600'}`}>
        {message?.text}
      </p>
    </div>
  );
}
