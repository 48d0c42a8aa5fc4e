import { z } from 'zod';

/** A cart quantity: a positive whole number. The upper bound (what is available) is checked on the server. */
export const cartQuantitySchema = z.coerce
  .number({ error: 'Enter the quantity as a whole number, such as 1 or 5.' })
  .int('The quantity must be a whole number.')
  .min(1, 'The quantity must be at least 1. To take a product out of the cart, remove it.')
  .max(1_000_000, 'That quantity is more than we could ever have available.');

const productIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** An "add" quantity: 0 is not a way to remove here, so it only asks for at least 1. */
const addQuantitySchema = z.coerce
  .number({ error: 'Enter the quantity as a whole number, such as 1 or 5.' })
  .int('The quantity must be a whole number.')
  .min(1, 'Enter at least 1.')
  .max(1_000_000, 'That quantity is more than we could ever have available.');

export const addToCartSchema = z.object({ productId: productIdSchema, quantity: addQuantitySchema });
export const setCartQuantitySchema = z.object({ productId: productIdSchema, quantity: cartQuantitySchema });
export const removeFromCartSchema = z.object({ productId: productIdSchema });

export type CartSummary = { lines: number; units: number };

/** The field of a refused add that carries the most that can still be added (for its "Add N" button). */
export const CAN_ADD_FIELD = 'canAdd';
