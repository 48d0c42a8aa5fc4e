'use server';

import { getDb } from '@/db';
import { updateProduct } from '@/db/queries/products/save-product';
import { ok, staffAction } from '@/lib/actions';
import { updateProductSchema } from '@/lib/validation/products';

/** Saves a product's attributes and list price (staff may change prices; every change is audited). */
export const updateProductAction = staffAction('updateProductAction', 'staff', updateProductSchema, async ({ id, ...fields }, staff) => {
  const { product } = await updateProduct(await getDb(), {
    sellerId: staff.sellerId,
    actor: staff.actor,
    currency: staff.currency,
    productId: id,
    fields,
  });
  return ok({ id: product.id }, `Product ${product.sku} saved.`);
});
