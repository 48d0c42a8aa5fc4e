import { z } from 'zod';

const deviceIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** Units a buyer picks on a product page: device ids, checked again on the server (seller, sellable, not held). */
export const pickUnitsSchema = z.object({
  deviceIds: z.array(deviceIdSchema).min(1, 'Choose at least one unit.').max(200, 'Pick at most 200 units at a time.'),
});
export const unpickUnitSchema = z.object({ deviceId: deviceIdSchema });
