import { z } from 'zod';
import { checkbox, hexColor, optionalWholeNumber, requiredName, type FormInput } from './form-values';

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
