import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { forSaleQueryString } from '@/lib/validation/for-sale';
import { orderingReadySql } from './checkout';
import { forSaleGroupedPage, forSalePage, type ForSaleParams } from './for-sale';

/**
 * For Sale's pages, kept per (seller, price list, view) under the seller's
 * catalog version (0012_catalog_versions.sql). Each view reads the version and
 * the buyer's price list in one small statement; a page cached under that
 * version is served as it is, any other is read again. Every committed change
 * to availability, products, price lists or the portal's settings raises the
 * version at commit, so no instance serves a page older than the last commit,
 * whichever instance made the change: the cache only saves work, it never
 * decides what a buyer may see (the version and the price list come from the
 * database on every view).
 */
type Page = Awaited<ReturnType<typeof forSalePage>>;
type GroupedPage = Awaited<ReturnType<typeof forSaleGroupedPage>>;
/** A view's page, with whether the portal takes orders now (read fresh with the version, never cached). */
type Fresh = { orderingReady: boolean };

export type ForSaleCache = {
  page(db: DbOrTx, params: ForSaleParams): Promise<Page & Fresh>;
  groupedPage(db: DbOrTx, params: ForSaleParams): Promise<GroupedPage & Fresh>;
  /** Hits and misses since the cache was made (tests, the bench). */
  stats(): { hits: number; misses: number; size: number };
};

/**
 * What a view's cached page is keyed on besides the view, read fresh on every view, and in the same
 * statement whether the portal takes orders (the page's "Ordering is not available yet" notice).
 */
async function catalogKey(db: DbOrTx, params: ForSaleParams): Promise<{ key: string } & Fresh> {
  const [row] = await queryRows<{ version: number | string | null; priceListId: number | null; orderingReady: boolean | null }>(db, sql`
    select (select v.version from catalog_versions v where v.seller_id = ${params.sellerId}) as version,
      (select o.price_list_id from organizations o where o.id = ${params.organizationId ?? sql`null::int`} and o.seller_id = ${params.sellerId}) as "priceListId",
      ${orderingReadySql(params.sellerId)} as "orderingReady"`);
  return { key: `${params.sellerId}:${row?.priceListId ?? "-"}:${row?.version ?? 0}`, orderingReady: row?.orderingReady === true };
}

export function createForSaleCache(options: { maxEntries?: number } = {}): ForSaleCache {
  const maxEntries = options.maxEntries ?? 300;
  const entries = new Map<string, Promise<Page | GroupedPage>>();
  let hits = 0;
  let misses = 0;

  async function cached<T extends Page | GroupedPage>(db: DbOrTx, params: ForSaleParams, layout: string, read: () => Promise<T>): Promise<T & Fresh> {
    const catalog = await catalogKey(db, params);
    const key = `${catalog.key}:${layout}${forSaleQueryString(params.view)}`;
    const found = entries.get(key);
    if (found) {
      hits++;
      // Most recently used last: the first key is the one to drop.
      entries.delete(key);
      entries.set(key, found);
      return { ...((await found) as T), orderingReady: catalog.orderingReady };
    }
    misses++;
    // The promise is kept, so views that arrive while it is read share one read.
    const reading = read();
    entries.set(key, reading);
    reading.catch(() => entries.delete(key));
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return { ...(await reading), orderingReady: catalog.orderingReady };
  }

  return {
    page: (db, params) => cached(db, params, 'list', () => forSalePage(db, params)),
    groupedPage: (db, params) => cached(db, params, 'grouped', () => forSaleGroupedPage(db, params)),
    stats: () => ({ hits, misses, size: entries.size }),
  };
}

const globalForCache = globalThis as unknown as { tradepostForSaleCache?: ForSaleCache };

/** The process's cache (one per server instance; correctness never depends on it being shared). */
export function forSaleCache(): ForSaleCache {
  globalForCache.tradepostForSaleCache ??= createForSaleCache();
  return globalForCache.tradepostForSaleCache;
}
