'use server';

import { getDb } from '@/db';
import { createProduct, updateProduct } from '@/db/queries/products/save-product';
import { ok, staffAction } from '@/lib/actions';
import { refusalResult } from '@/lib/inventory/outcome';
import { productFieldsSchema, updateProductSchema } from '@/lib/validation/products';

/** Creates a product; the SKU must be new for this seller. */
export const createProductAction = staffAction('staff', productFieldsSchema, async (fields, staff) => {
  const outcome = await createProduct(await getDb(), {
    sellerId: staff.sellerId,
    actor: { staffUserId: staff.staffUserId, name: staff.name },
    currency: staff.currency,
    fields,
  });
  if (!outcome.ok) return refusalResult(outcome);
  return ok({ id: outcome.product.id }, `Product ${outcome.product.sku} created.`);
});

/** Saves a product's attributes and list price (staff may change prices; every change is audited). */
export const updateProductAction = staffAction('staff', updateProductSchema, async ({ id, ...fields }, staff) => {
  const outcome = await updateProduct(await getDb(), {
    sellerId: staff.sellerId,
    actor: { staffUserId: staff.staffUserId, name: staff.name },
    currency: staff.currency,
    productId: id,
    fields,
  });
  if (!outcome.ok) return refusalResult(outcome);
  return ok({ id: outcome.product.id }, `Product ${outcome.product.sku} saved.`);
});
