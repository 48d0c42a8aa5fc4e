import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { documentCounters, type DocumentKind } from '@/db/schema';

export type NextDocumentNumberParams = { sellerId: number; kind: DocumentKind };

/**
 * Takes the next per-seller number of a document kind. Call inside the
 * transaction that creates the document: the counter row stays locked until it
 * commits, so numbers have no gaps and no duplicates.
 */
export async function nextDocumentNumber(tx: DbOrTx, params: NextDocumentNumberParams): Promise<number> {
  const { sellerId, kind } = params;
  const [row] = await tx
    .insert(documentCounters)
    .values({ sellerId, kind, lastNumber: firstNumber[kind] })
    .onConflictDoUpdate({
      target: [documentCounters.sellerId, documentCounters.kind],
      set: { lastNumber: sql`${documentCounters.lastNumber} + 1` },
    })
    .returning({ number: documentCounters.lastNumber });
  return row!.number;
}

/** Documents start at readable numbers rather than 1. */
const firstNumber: Record<DocumentKind, number> = {
  sales_order: 1001,
  invoice: 5001,
  rma: 301,
  quote: 701,
};
