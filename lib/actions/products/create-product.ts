'use server';

import { getDb } from '@/db';
import { createProduct } from '@/db/queries/products/save-product';
import { ok, staffAction } from '@/lib/actions';
import { productFieldsSchema } from '@/lib/validation/products';

/** Creates a product; the SKU must be new for this seller. */
export const createProductAction = staffAction('createProductAction', 'staff', productFieldsSchema, async (fields, staff) => {
  const { product } = await createProduct(await getDb(), {
    sellerId: staff.sellerId,
    actor: staff.actor,
    currency: staff.currency,
    fields,
  });
  return ok({ id: product.id }, `Product ${product.sku} created.`);
});
