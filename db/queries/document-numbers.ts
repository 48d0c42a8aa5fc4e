import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import type { DocumentKind } from '@/db/schema';
import { queryRows } from '@/db/rows';

export type NextDocumentNumberParams = { sellerId: number; kind: DocumentKind };

/**
 * The next per-seller number of a document kind, as an SQL expression for the
 * INSERT that writes the document (`number: documentNumber({ sellerId, kind })`,
 * then `returning` it). The counter row stays locked until the transaction
 * commits, so numbers have no gaps and no duplicates; taking the number in the
 * document's own statement, as late as the transaction allows, keeps every
 * other document of the seller waiting on that row for as short a time as it
 * can (npm run bench: 16 buyers checking out at once).
 */
export function documentNumber(params: NextDocumentNumberParams): SQL<number> {
  return sql<number>`tp_next_document_number(${params.sellerId}::integer, ${params.kind}::document_kind, ${firstNumber[params.kind]}::integer)`;
}

/** Takes the next number on its own; call inside the transaction that creates the document. */
export async function nextDocumentNumber(tx: DbOrTx, params: NextDocumentNumberParams): Promise<number> {
  const [row] = await queryRows<{ number: number }>(tx, sql`select ${documentNumber(params)} as number`);
  return Number(row!.number);
}

/** Documents start at readable numbers rather than 1. */
const firstNumber: Record<DocumentKind, number> = {
  sales_order: 1001,
  invoice: 5001,
  rma: 301,
  quote: 701,
};
