import { z } from 'zod';
import { checkHostName } from './host-name';
import { quantityDisplayModes } from '@/lib/portal/quantity-display';
import {
  checkbox,
  hexColor,
  idList,
  optionalId,
  optionalText,
  optionalWholeNumber,
  wholeNumber,
  type FormInput,
} from './form-values';

/** Settings > Integrations > Customer Portal. The logo travels separately (a file). */
export const portalSettingsSchema = z.object({
  enabled: checkbox,
  statusIds: idList,
  warehouseIds: idList,
  initialOrderStatusId: optionalId,
  salesChannelId: optionalId,
  autoInvoice: checkbox,
  paymentMethodIds: idList,
  /** Staff who get the "new portal order" email; none ticked means the owners. */
  newOrderRecipientIds: idList,
  hideUnpriced: checkbox,
  /** Sellable rules: condition states that never count toward For Sale. */
  hideBlacklisted: checkbox,
  hideUnknownBlacklist: checkbox,
  hideActivationLocked: checkbox,
  hideFailedTest: checkbox,
  buyersMayAddAddresses: checkbox,
  /** Buyers may pick exact units on a product page (held at checkout). */
  buyersMayPickUnits: checkbox,
  displayName: optionalText(80, 'Keep the display name under 81 characters.'),
  brandColor: hexColor('Choose a brand color as #rrggbb, for example #1d4ed8.'),
  returnWindowDays: optionalWholeNumber(0, 3650, 'Enter the return window as whole days (0–3650), or leave it empty for no limit.'),
  returnAddress: optionalText(500, 'Keep the return address under 501 characters.'),
  /** Empty (or left out) reads as the default, 14. */
  returnShipDays: optionalWholeNumber(1, 365, 'Enter the days to send returns back as a whole number from 1 to 365.'),
  invoiceDueDays: wholeNumber(0, 365, 'Enter the invoice due days as a whole number from 0 to 365.'),
  /** Typed amount ("100.00"); read in the seller's currency on the server; empty: no minimum. */
  minOrderValue: optionalText(20, 'Enter the minimum order value as an amount such as 100.00, or leave it empty.'),
  quantityDisplay: z.preprocess((v) => (v === undefined || v === '' ? 'exact' : v), z.enum(quantityDisplayModes, { error: 'Choose how quantities are shown.' })),
  /** Under "capped": from this quantity on buyers see "50+". Empty reads as 50. */
  quantityCap: optionalWholeNumber(1, 1_000_000, 'Enter the cap as a whole number from 1 to 1,000,000.'),
  customDomain: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .nullable()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const check = checkHostName(v);
        if (!check.ok) {
          ctx.addIssue({ code: 'custom', message: check.error });
          return z.NEVER;
        }
        return check.host;
      }),
  ),
});

export type PortalSettingsInput = FormInput<typeof portalSettingsSchema>;
export type PortalSettingsValues = z.output<typeof portalSettingsSchema>;
