import type { CatalogueName } from '@/lib/validation/catalogues';
import { inventoryStatusCatalogue } from './inventory-statuses';
import { orderStatusCatalogue } from './order-statuses';
import { paymentMethodCatalogue } from './payment-methods';
import { salesChannelCatalogue } from './sales-channels';
import { warehouseCatalogue } from './warehouses';

/** The settings catalogues by the word of their URL (/admin/settings/<word>, lib/validation/catalogues.ts). */
export const catalogues = {
  warehouses: warehouseCatalogue,
  'inventory-statuses': inventoryStatusCatalogue,
  'order-statuses': orderStatusCatalogue,
  'sales-channels': salesChannelCatalogue,
  'payment-methods': paymentMethodCatalogue,
} satisfies Record<CatalogueName, unknown>;
