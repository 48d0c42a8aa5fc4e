import { z } from 'zod';
import { checkbox, hexColor, id, optionalWholeNumber, requiredName, type FormInput } from './form-values';

/** Settings catalogues: warehouses, inventory statuses, order statuses, sales channels, payment methods. */

export const warehouseSchema = z.object({
  name: requiredName('warehouse name'),
  code: z
    .string({ error: 'Enter a warehouse code.' })
    .trim()
    .min(1, 'Enter a warehouse code.')
    .max(12, 'Keep the code to 12 characters or fewer.')
    .regex(/^[A-Za-z0-9_-]+$/, 'Use only letters, digits, - and _ in the code.')
    .transform((v) => v.toUpperCase()),
});

const position = optionalWholeNumber(0, 9999, 'Enter the order as a whole number from 0 to 9999.');

export const inventoryStatusSchema = z.object({
  name: requiredName('status name', 40),
  position,
});

export const orderStatusSchema = z.object({
  name: requiredName('status name', 40),
  color: hexColor('Choose a color as #rrggbb, for example #2563eb.'),
  isOpen: checkbox,
  allowsCommitting: checkbox,
  /** Email the buyer when an order enters this status. */
  emailBuyer: checkbox,
  position,
});

export const salesChannelSchema = z.object({
  name: requiredName('channel name', 40),
});

export const paymentMethodSchema = z.object({
  name: requiredName('payment method name'),
  instructions: z
    .string()
    .trim()
    .max(2000, 'Keep the instructions under 2,000 characters.')
    .optional()
    .transform((v) => v ?? ''),
});

export type WarehouseInput = FormInput<typeof warehouseSchema>;
export type InventoryStatusInput = FormInput<typeof inventoryStatusSchema>;
export type OrderStatusInput = FormInput<typeof orderStatusSchema>;
export type SalesChannelInput = FormInput<typeof salesChannelSchema>;
export type PaymentMethodInput = FormInput<typeof paymentMethodSchema>;

/** The catalogues by the word of their URL: /admin/settings/<word>. */
export const catalogueNames = ['warehouses', 'inventory-statuses', 'order-statuses', 'sales-channels', 'payment-methods'] as const;
export type CatalogueName = (typeof catalogueNames)[number];

/** Whether a word from a URL or a form names a catalogue. */
export function isCatalogueName(word: unknown): word is CatalogueName {
  return typeof word === 'string' && (catalogueNames as readonly string[]).includes(word);
}

/**
 * What every catalogue form posts besides its fields: the catalogue's word
 * (a hidden field, checked against the list, never trusted) and, to edit or
 * delete, the entry's id. The data layer parses the fields with the
 * catalogue's own schema.
 */
export const catalogueName = z.enum(catalogueNames, { error: 'That settings list does not exist.' });
export const newCatalogueEntry = z.looseObject({ catalogue: catalogueName });
export const catalogueEntry = z.looseObject({ catalogue: catalogueName, id });
