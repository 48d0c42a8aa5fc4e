import { z } from 'zod';
import { emailAddress, personName } from './accounts';

/** Slugs are the portal's address (`/p/{slug}`): lower-case letters, digits and single hyphens. */
export const sellerSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,39}$/, 'Use 2 to 40 lower-case letters, digits and single hyphens, such as acme-wireless.');

const currencies = new Set(Intl.supportedValuesOf('currency'));

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => currencies.has(code), 'Use an ISO 4217 currency code such as USD or EUR.');

/** `npm run seller:create`: a new wholesaler and the owner who sets it up. */
export const newSeller = z.object({
  name: z.string().trim().min(1, 'Enter the company name.').max(200, 'Use at most 200 characters.'),
  slug: sellerSlug,
  currency: currencyCode,
  ownerEmail: emailAddress,
  ownerName: personName,
});
export type NewSellerInput = z.input<typeof newSeller>;
