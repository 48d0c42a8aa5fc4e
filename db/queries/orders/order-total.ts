import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { salesOrderLines } from '@/db/schema';
import { MAX_TOTAL_MINOR, totalProblem } from '@/lib/money';
import { Refusal } from '@/lib/refusal';

/**
 * Why an order's priced lines cannot be added up any more, or null. Summed in
 * SQL as numeric, so the check itself cannot overflow or round. Run after
 * writing the lines, inside their transaction: a refusal then writes nothing.
 */
export async function orderTotalProblem(
  tx: DbOrTx,
  params: { sellerId: number; orderId: number; currency: string },
): Promise<string | null> {
  const [row] = await tx
    .select({
      tooLarge: sql<boolean>`coalesce(sum(${salesOrderLines.quantity}::numeric * ${salesOrderLines.unitPrice}), 0) > ${MAX_TOTAL_MINOR}`,
    })
    .from(salesOrderLines)
    .where(and(eq(salesOrderLines.sellerId, params.sellerId), eq(salesOrderLines.orderId, params.orderId)));
  return row?.tooLarge ? totalProblem(MAX_TOTAL_MINOR + 1, params.currency) : null;
}

/** The same, as a refusal of a staff edit. */
export async function assertOrderTotalFits(tx: DbOrTx, params: { sellerId: number; orderId: number; currency: string }) {
  const problem = await orderTotalProblem(tx, params);
  if (problem) throw new Refusal(problem, { fieldErrors: { lines: [problem] } });
}
