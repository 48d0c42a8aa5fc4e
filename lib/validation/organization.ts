import { z } from 'zod';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => value || null);

/** A postal address: all blank means none; otherwise street, city and country are needed. */
export const postalAddress = z
  .object({
    line1: z.string().trim().max(200),
    line2: z.string().trim().max(200),
    city: z.string().trim().max(100),
    region: z.string().trim().max(100),
    postalCode: z.string().trim().max(20),
    country: z.string().trim().max(100),
  })
  .superRefine((a, ctx) => {
    const anything = Object.values(a).some(Boolean);
    if (!anything) return;
    if (!a.line1) ctx.addIssue({ code: 'custom', path: ['line1'], message: 'Enter the street address.' });
    if (!a.city) ctx.addIssue({ code: 'custom', path: ['city'], message: 'Enter the city.' });
    if (!a.country) ctx.addIssue({ code: 'custom', path: ['country'], message: 'Enter the country.' });
  })
  .transform((a) => {
    if (!Object.values(a).some(Boolean)) return null;
    return {
      line1: a.line1,
      ...(a.line2 ? { line2: a.line2 } : {}),
      city: a.city,
      ...(a.region ? { region: a.region } : {}),
      ...(a.postalCode ? { postalCode: a.postalCode } : {}),
      country: a.country,
    };
  });

/** An account code: letters, digits and - _ . / (e.g. NW-001), unique per seller whatever the case. */
export const ACCOUNT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
export const ACCOUNT_CODE_MAX = 40;
export const ACCOUNT_CODE_HINT = 'Letters, digits and - _ . / only, such as NW-001.';

/** Shared by the organization form (react-hook-form) and its server actions. */
export const organizationForm = z.object({
  name: z.string().trim().min(1, 'Enter the organization’s name.').max(200, 'Use at most 200 characters.'),
  code: z
    .string()
    .trim()
    .max(ACCOUNT_CODE_MAX, `Use at most ${ACCOUNT_CODE_MAX} characters.`)
    .refine((v) => !v || ACCOUNT_CODE_PATTERN.test(v), ACCOUNT_CODE_HINT)
    .optional()
    .transform((v) => v || null),
  email: z
    .string()
    .trim()
    .max(320)
    .refine((v) => !v || z.email().safeParse(v).success, 'Enter a valid email address.')
    .transform((v) => v || null),
  phone: optionalText(50),
  billingAddress: postalAddress,
});

export type OrganizationFormInput = z.input<typeof organizationForm>;
export type OrganizationValues = z.output<typeof organizationForm>;

/**
 * New organization: the details, and optionally where it ships, which becomes
 * its default shipping address (Info & addresses manages it and any others).
 */
export const newOrganizationForm = organizationForm.extend({ shippingAddress: postalAddress });

export type NewOrganizationFormInput = z.input<typeof newOrganizationForm>;
export type NewOrganizationValues = z.output<typeof newOrganizationForm>;

export const emptyAddress = { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' };

/** Organization > Info & addresses > Edit: the form and which organization it saves. */
export const updateOrganizationForm = organizationForm.extend({ organizationId: z.coerce.number().int().positive() });
