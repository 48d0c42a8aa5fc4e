import { z } from 'zod';

/** Shared by the forms and the actions of sign-in links, invitations and passwords. */
export const emailAddress = z
  .string()
  .trim()
  .min(1, 'Enter an email address.')
  .max(320, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address.'));

export const personName = z.string().trim().min(1, 'Enter a name.').max(200, 'Use at most 200 characters.');

export const PASSWORD_MIN = 10;

export const newPassword = z
  .object({
    token: z.string().min(1, 'This link is not complete.').max(200),
    password: z
      .string()
      .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
      .max(200, 'Use at most 200 characters.'),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, {
    message: 'The two passwords do not match.',
    path: ['confirm'],
  });

export const linkRequest = z.object({ email: emailAddress });

/** The password sign-in form; `next` is checked by safeNextPath before it is followed. */
export const signInCredentials = z.object({
  email: z.string().trim().email('Enter your email address.').max(320),
  password: z.string().min(1, 'Enter your password.').max(1000),
  next: z.string().optional(),
});

export const inviteCustomer = z.object({
  organizationId: z.coerce.number().int().positive(),
  name: personName,
  email: emailAddress,
});
export type InviteCustomerInput = z.input<typeof inviteCustomer>;

export const staffRoles = ['owner', 'admin', 'staff'] as const;

export const inviteStaff = z.object({
  name: personName,
  email: emailAddress,
  role: z.enum(staffRoles, 'Choose a role.'),
});
export type InviteStaffInput = z.input<typeof inviteStaff>;

/** One portal account on an organization's Customer Portal tab (resend, disable, enable). */
export const portalAccountRef = z.object({
  portalAccountId: z.coerce.number().int().positive(),
  organizationId: z.coerce.number().int().positive(),
});
export const setPortalAccountEnabledSchema = portalAccountRef.extend({ enabled: z.boolean() });

/** One staff user on Settings > Staff users (resend, disable, enable, role). */
export const staffUserRef = z.object({ staffUserId: z.coerce.number().int().positive() });
export const setStaffUserEnabledSchema = staffUserRef.extend({ enabled: z.boolean() });
export const changeStaffRoleSchema = staffUserRef.extend({ role: z.enum(staffRoles) });
