import { z } from 'zod';
import { carrierCodes, TRACKING_NUMBER_MAX, TRACKING_NUMBER_MIN, TRACKING_NUMBER_PATTERN } from '@/lib/shipments/carriers';

/** A carrier and tracking number, as the status form and "Add tracking number" send them. */
export const shipmentSchema = z.object({
  carrier: z.enum(carrierCodes, { error: 'Choose a carrier.' }),
  trackingNumber: z
    .string({ error: 'Enter the tracking number.' })
    .trim()
    .min(TRACKING_NUMBER_MIN, `A tracking number has ${TRACKING_NUMBER_MIN} to ${TRACKING_NUMBER_MAX} characters.`)
    .max(TRACKING_NUMBER_MAX, `A tracking number has ${TRACKING_NUMBER_MIN} to ${TRACKING_NUMBER_MAX} characters.`)
    .regex(TRACKING_NUMBER_PATTERN, 'A tracking number has only letters, digits and dashes.'),
});
export type ShipmentInput = z.input<typeof shipmentSchema>;

export const MAX_SHIPMENTS_PER_CHANGE = 10;

export const shipmentsField = z
  .array(shipmentSchema)
  .max(MAX_SHIPMENTS_PER_CHANGE, `Record at most ${MAX_SHIPMENTS_PER_CHANGE} tracking numbers at once.`);
