'use server';

import { getDb } from '@/db';
import { previewBulkOrder } from '@/db/queries/portal/bulk-order/bulk-order';
import { ok, portalAction } from '@/lib/actions';
import { bulkOrderPreviewSchema } from '@/lib/validation/bulk-order';

/** The preview of a pasted bulk order: each line's product and price, or why it cannot be ordered. Writes nothing. */
export const previewBulkOrderAction = portalAction('previewBulkOrderAction', bulkOrderPreviewSchema, async (input, customer) => {
  const preview = await previewBulkOrder(await getDb(), { ...input, sellerId: customer.sellerId, portalAccountId: customer.portalAccountId });
  return ok(preview);
});
