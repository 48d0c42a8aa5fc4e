import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db';
import { queryRows } from '@/db/rows';
import { forSaleFacetsQuery, forSaleListingQuery, forSalePageQuery } from '@/db/queries/for-sale';
import { parseForSaleView } from '@/lib/validation/for-sale';

/**
 * EXPLAIN (FORMAT JSON) of the For Sale statements (the page's one statement,
 * and the listing and facets alone, as scripts/bench-for-sale.ts builds them)
 * for the views the bench drives: which relations their plans read, and
 * whether any node reads `devices` (availability is kept per product, so
 * none should, at any inventory size).
 */
export const explainedViews: { name: string; params: Record<string, string> }[] = [
  { name: 'first page', params: {} },
  { name: 'filtered (Apple, grade A)', params: { manufacturer: 'Apple', grade: 'A' } },
  { name: 'text search', params: { q: 'iphone 13' } },
  { name: 'deep page', params: { page: '12' } },
  { name: 'battery 90%+', params: { battery: '90-100' } },
];

export type ExplainCheck = { view: string; statement: string; relations: string[]; readsDevices: boolean };

type PlanNode = { 'Relation Name'?: string; Plans?: PlanNode[] };

function relationsOf(node: PlanNode, into = new Set<string>()): Set<string> {
  if (node['Relation Name']) into.add(node['Relation Name']);
  for (const child of node.Plans ?? []) relationsOf(child, into);
  return into;
}

export async function explainForSale(url: string): Promise<ExplainCheck[]> {
  const database = await openDatabase({ url, migrate: false });
  try {
    const db = database.db;
    const [acme] = await queryRows<{ id: number }>(db, sql`select id from sellers where slug = 'acme'`);
    // As the bench's buyer sees it: priced by their organization's price list.
    const [buyer] = await queryRows<{ organizationId: number }>(db, sql`
      select a.organization_id as "organizationId" from portal_accounts a where a.seller_id = ${acme!.id} and a.email = 'buyer@northwind.example'`);
    const checks: ExplainCheck[] = [];
    for (const v of explainedViews) {
      const params = { sellerId: acme!.id, organizationId: buyer?.organizationId ?? null, view: parseForSaleView(v.params) };
      const statements = { page: forSalePageQuery(params), listing: forSaleListingQuery(params), facets: forSaleFacetsQuery(params) };
      for (const [statement, query] of Object.entries(statements)) {
        const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) ${query}`);
        const plan = row!['QUERY PLAN'];
        const [top] = (typeof plan === 'string' ? JSON.parse(plan) : plan) as [{ Plan: PlanNode }];
        const relations = [...relationsOf(top.Plan)].sort();
        checks.push({ view: v.name, statement, relations, readsDevices: relations.includes('devices') });
      }
    }
    return checks;
  } finally {
    await database.close();
  }
}
