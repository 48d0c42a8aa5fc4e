'use client';

import type { ReactNode } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { ConfirmedActionButton } from '@/components/ui/confirmed-action-button';
import { Field, Input } from '@/components/ui/field';
import { changeBuyerPasswordAction } from '@/lib/actions/account/change-buyer-password';
import { changeStaffPasswordAction } from '@/lib/actions/account/change-staff-password';
import { requestBuyerEmailChangeAction } from '@/lib/actions/account/request-buyer-email-change';
import { requestStaffEmailChangeAction } from '@/lib/actions/account/request-staff-email-change';
import { signOutBuyerEverywhereAction } from '@/lib/actions/account/sign-out-buyer-everywhere';
import { signOutStaffEverywhereAction } from '@/lib/actions/account/sign-out-staff-everywhere';
import { updateBuyerNameAction } from '@/lib/actions/account/update-buyer-name';
import { updateStaffNameAction } from '@/lib/actions/account/update-staff-name';
import type { ActionResult } from '@/lib/actions/result';
import { PASSWORD_MIN } from '@/lib/validation/accounts';

/** Whose account page this is: the back office's, or a buyer's at one portal. */
export type MyAccountArea = { kind: 'staff' } | { kind: 'customer'; slug: string };

type Run = (form: FormData) => Promise<ActionResult<unknown>>;

function actionsFor(area: MyAccountArea): { name: Run; email: Run; password: Run; everywhere: () => Promise<ActionResult<unknown>> } {
  if (area.kind === 'staff') {
    return {
      name: (form) => updateStaffNameAction(form),
      email: (form) => requestStaffEmailChangeAction(form),
      password: (form) => changeStaffPasswordAction(form),
      everywhere: () => signOutStaffEverywhereAction({}),
    };
  }
  return {
    name: (form) => updateBuyerNameAction(area.slug, form),
    email: (form) => requestBuyerEmailChangeAction(area.slug, form),
    password: (form) => changeBuyerPasswordAction(area.slug, form),
    everywhere: () => signOutBuyerEverywhereAction(area.slug, {}),
  };
}

function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** My account: name, email (confirmed by a link to the new address), password, and sign out everywhere. */
export function MyAccount({ area, name, email }: { area: MyAccountArea; name: string; email: string }) {
  const run = actionsFor(area);
  return (
    <div className="max-w-xl space-y-6">
      <Section id="account-name-heading" title="Name">
        <ActionForm action={run.name} submitLabel="Save name" pendingLabel="Saving…" className="space-y-3">
          <Field id="account-name" label="Your name">
            <Input id="account-name" name="name" defaultValue={name} autoComplete="name" required maxLength={200} />
          </Field>
        </ActionForm>
      </Section>

      <Section
        id="account-email-heading"
        title="Email address"
        intro={
          <>
            You sign in as <strong>{email}</strong>. We send a link to the new address; the change takes effect once you
            open it and confirm, and your current address gets a notice.
          </>
        }
      >
        <ActionForm action={run.email} submitLabel="Send confirmation link" pendingLabel="Sending…" className="space-y-3" resetOnSuccess>
          <Field id="account-new-email" label="New email address">
            <Input id="account-new-email" name="email" type="email" autoComplete="email" required maxLength={320} />
          </Field>
          <Field id="account-email-password" label="Current password">
            <Input id="account-email-password" name="currentPassword" type="password" autoComplete="current-password" required />
          </Field>
        </ActionForm>
      </Section>

      <Section id="account-password-heading" title="Password" intro="Changing your password signs you out everywhere else; you stay signed in here.">
        <ActionForm action={run.password} submitLabel="Change password" pendingLabel="Saving…" className="space-y-3" resetOnSuccess>
          {/* Lets password managers file the new password under the right account. */}
          <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
          <Field id="account-current-password" label="Current password">
            <Input id="account-current-password" name="currentPassword" type="password" autoComplete="current-password" required />
          </Field>
          <Field id="account-new-password" label="New password" hint={`At least ${PASSWORD_MIN} characters.`}>
            <Input
              id="account-new-password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={PASSWORD_MIN}
              aria-describedby="account-new-password-hint"
            />
          </Field>
          <Field id="account-confirm-password" label="Repeat the new password">
            <Input id="account-confirm-password" name="confirm" type="password" autoComplete="new-password" required />
          </Field>
        </ActionForm>
      </Section>

      <Section
        id="account-sessions-heading"
        title="Sign out everywhere"
        intro="Ends every session of your account, on every device and browser, including this one."
      >
        <ConfirmedActionButton
          label="Sign out everywhere"
          pendingLabel="Signing out…"
          variant="danger"
          title="Sign out everywhere?"
          description="Every session of your account ends, this one included. You will need your password to sign in again."
          confirmLabel="Sign out everywhere"
          run={run.everywhere}
        />
      </Section>
    </div>
  );
}
