import { z } from 'zod';
import { shipmentSchema, shipmentsField } from './shipments';

/** Shared by the order forms and their server actions. Prices stay text: the data layer reads them in the seller's currency. */
const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message).max(2_147_483_647, message);
const optionalId = (message: string) =>
  z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), id(message).nullable());

const checkbox = z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean());

export const documentNumber = z.coerce.number().int().positive().max(2_147_483_647);
export const quantityField = z.coerce
  .number({ error: 'Enter a quantity.' })
  .int('Quantity must be a whole number.')
  .min(1, 'Quantity must be at least 1.')
  .max(100_000, 'Quantity must be at most 100,000.');
export const unitPriceField = z.string().trim().max(30, 'That price is too long.').optional();

export const orderLineSchema = z.object({
  productId: id('Choose a product.'),
  quantity: quantityField,
  unitPrice: unitPriceField,
});

export const createOrderSchema = z.object({
  organizationId: id('Choose an organization.'),
  statusId: id('Choose a status.'),
  channelId: id('Choose a channel.'),
  paymentMethodId: optionalId('Choose a payment method.'),
  poNumber: z.string().trim().max(100, 'A PO number has at most 100 characters.').optional(),
  notes: z.string().trim().max(2000, 'Notes have at most 2,000 characters.').optional(),
  lines: z.array(orderLineSchema).min(1, 'Add at least one product.').max(200, 'At most 200 lines per order.'),
});
export type CreateOrderInput = z.input<typeof createOrderSchema>;

export const orderRef = z.object({ orderNumber: documentNumber });

const blankAsUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const changeOrderStatusSchema = orderRef.extend({
  statusId: id('Choose a status.'),
  /** What staff chose for a short order: reduce the lines to what is committed, or close anyway with a reason. */
  resolution: z.preprocess(blankAsUndefined, z.enum(['reduce', 'close_anyway']).optional()),
  reason: z.string().trim().max(500, 'A reason has at most 500 characters.').optional(),
  /** Carrier and tracking numbers recorded with a move to a shipping status. */
  shipments: shipmentsField.optional(),
});

export const addShipmentSchema = orderRef.extend(shipmentSchema.shape);
export const removeShipmentSchema = orderRef.extend({ shipmentId: id('Choose a tracking number.') });

export const updateOrderDetailsSchema = orderRef.extend({
  poNumber: z.string().trim().max(100, 'A PO number has at most 100 characters.').optional(),
  notes: z.string().trim().max(2000, 'Notes have at most 2,000 characters.').optional(),
  paymentMethodId: optionalId('Choose a payment method.'),
});

export const addOrderLineSchema = orderRef.extend(orderLineSchema.shape);
export const updateOrderLineSchema = orderRef.extend({ lineId: id('Choose a line.'), quantity: quantityField, unitPrice: unitPriceField });
export const removeOrderLineSchema = orderRef.extend({ lineId: id('Choose a line.') });

export const commitDevicesSchema = orderRef.extend({
  imeis: z.string().trim().min(1, 'Paste or scan at least one IMEI.').max(100_000, 'That paste is too long.'),
  commitAnyway: checkbox.optional(),
});
export const uncommitDevicesSchema = z.union([
  orderRef.extend({ deviceId: id('Choose a device.') }),
  orderRef.extend({ lineId: id('Choose a line.') }),
]);

export const createInvoiceSchema = orderRef.extend({
  email: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
  /** Staff confirmed creating another invoice although the order is already invoiced. */
  confirmAnother: checkbox.optional(),
});
export const invoiceRef = orderRef.extend({ invoiceNumber: documentNumber });
export const setInvoicePaidSchema = invoiceRef.extend({ paid: z.preprocess((v) => v === true || v === 'true', z.boolean()) });
export const voidInvoiceSchema = invoiceRef.extend({
  reason: z.string().trim().min(1, 'Give a reason for voiding the invoice.').max(500, 'A reason has at most 500 characters.'),
});
export const issueCreditNoteSchema = invoiceRef.extend({
  amount: z.string().trim().min(1, 'Enter the amount to credit.').max(30, 'That amount is too long.'),
  reason: z.string().trim().min(1, 'Give a reason for the credit note.').max(500, 'A reason has at most 500 characters.'),
});

export const findProductsSchema = z.object({ query: z.string().trim().max(100) });
