import type { DbOrTx } from '@/db';
import type { CatalogueEntryParams } from '@/db/queries/settings/catalogue';
import { catalogues } from '@/db/queries/settings/catalogues';
import { recentSettingsChanges, type SettingsEntityType } from '@/db/queries/settings/recent-changes';
import { CatalogueEdit } from '@/components/settings/catalogue-edit';
import { CatalogueList } from '@/components/settings/catalogue-list';
import { catalogueViews, type CatalogueView } from '@/components/settings/catalogue-views';
import { isCatalogueName, type CatalogueName } from '@/lib/validation/catalogues';

type Loadable<Row> = {
  kind: SettingsEntityType;
  list(db: DbOrTx, params: { sellerId: number; page?: number }): Promise<{ rows: Row[]; total: number; page: number; pageSize: number }>;
  find(db: DbOrTx, params: CatalogueEntryParams): Promise<Row | null>;
};

/**
 * One catalogue's two pages, with its query definition and its view joined
 * here, where both know the row type; the pages themselves see one shape.
 */
function cataloguePages<Row extends { id: number }>(name: CatalogueName, catalogue: Loadable<Row>, view: CatalogueView<Row>) {
  return {
    title: view.title,
    editTitle: `Edit ${view.what}`,
    async list(db: DbOrTx, params: { sellerId: number; page: number; deleted?: string }) {
      const [list, changes] = await Promise.all([
        catalogue.list(db, params),
        recentSettingsChanges(db, { sellerId: params.sellerId, entityTypes: [catalogue.kind] }),
      ]);
      return <CatalogueList name={name} view={view} list={list} changes={changes} deleted={params.deleted} />;
    },
    /** Null when the entry is not one of this seller's. */
    async edit(db: DbOrTx, params: CatalogueEntryParams) {
      const entry = await catalogue.find(db, params);
      if (!entry) return null;
      const changes = await recentSettingsChanges(db, { sellerId: params.sellerId, entityTypes: [catalogue.kind], entityId: entry.id });
      return <CatalogueEdit name={name} view={view} entry={entry} changes={changes} />;
    },
  };
}

const pages = {
  warehouses: cataloguePages('warehouses', catalogues.warehouses, catalogueViews.warehouses),
  'inventory-statuses': cataloguePages('inventory-statuses', catalogues['inventory-statuses'], catalogueViews['inventory-statuses']),
  'order-statuses': cataloguePages('order-statuses', catalogues['order-statuses'], catalogueViews['order-statuses']),
  'sales-channels': cataloguePages('sales-channels', catalogues['sales-channels'], catalogueViews['sales-channels']),
  'payment-methods': cataloguePages('payment-methods', catalogues['payment-methods'], catalogueViews['payment-methods']),
} satisfies Record<CatalogueName, unknown>;

/** The pages of the catalogue a URL names, or null for any other word (answered as not found). */
export function cataloguePagesFor(word: string) {
  return isCatalogueName(word) ? pages[word] : null;
}
