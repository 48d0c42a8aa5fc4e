import { z } from 'zod';
import { emailAddress, PASSWORD_MIN, personName } from './accounts';

/** The forms of My account (portal and back office), shared by the forms and their actions. */
const currentPassword = z.string().min(1, 'Enter your current password.').max(1000, 'That password is too long.');

export const accountNameSchema = z.object({ name: personName });

export const changePasswordSchema = z
  .object({
    currentPassword,
    password: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(200, 'Use at most 200 characters.'),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { message: 'The two passwords do not match.', path: ['confirm'] });

export const changeEmailSchema = z.object({ email: emailAddress, currentPassword });

export const signOutEverywhereSchema = z.object({});
