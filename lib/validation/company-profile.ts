import { z } from 'zod';
import { isSupportedLocale, isSupportedTimeZone } from '@/lib/format/locales';

const optional = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${what} under ${max + 1} characters.`)
    .nullish()
    .transform((v) => v || null);

/**
 * Settings > Company: what every invoice, PDF and email prints about the
 * seller, and the locale and time zone of its dates, money and numbers.
 * Shared by the form (react-hook-form) and the server action.
 */
export const companyProfileSchema = z.object({
  legalName: optional(200, 'legal name'),
  address: optional(500, 'address'),
  taxId: optional(50, 'tax or VAT number'),
  contactEmail: z
    .string()
    .trim()
    .max(320, 'Keep the contact email under 321 characters.')
    .nullish()
    .refine((v) => !v || z.email().safeParse(v).success, 'Enter a valid email address, such as sales@example.com.')
    .transform((v) => v || null),
  contactPhone: optional(50, 'phone number'),
  locale: z.string().refine(isSupportedLocale, 'Choose a locale from the list.'),
  timeZone: z.string().trim().refine(isSupportedTimeZone, 'Choose a time zone from the list, such as Europe/Berlin.'),
});

export type CompanyProfileInput = z.input<typeof companyProfileSchema>;
export type CompanyProfileValues = z.output<typeof companyProfileSchema>;

/**
 * The form's own check: the same rules, except that the time zone is only
 * required. The list comes from the server's runtime, and a browser's Intl
 * may name the same zones differently (Europe/Kiev, Europe/Kyiv); the server decides.
 */
export const companyProfileFormSchema = companyProfileSchema.extend({
  timeZone: z.string().trim().min(1, 'Choose a time zone from the list, such as Europe/Berlin.'),
});
