import type { ReactNode } from 'react';
import type { InventoryStatus, OrderStatus, PaymentMethod, SalesChannel, Warehouse } from '@/db/schema';
import { StatusBadge } from '@/components/ui/badge';
import type { CatalogueName } from '@/lib/validation/catalogues';
import { InventoryStatusFields } from './inventory-status-fields';
import { OrderStatusFields } from './order-status-fields';
import { PaymentMethodFields } from './payment-method-fields';
import { SalesChannelFields } from './sales-channel-fields';
import { WarehouseFields } from './warehouse-fields';

/** How a settings catalogue reads on its list and edit pages. */
export type CatalogueView<Row extends { id: number }> = {
  /** "Warehouses": the list page's title, breadcrumb and table caption. */
  title: string;
  description: string;
  /** "warehouse": in "Add warehouse", "Save warehouse", "Delete warehouse ANX", "Changes to this warehouse". */
  what: string;
  /** "Warehouse": before the entry's label in titles and the "deleted" notice. */
  noun: string;
  addHeading: string;
  /** Ids of the add section and the fields of the add and edit forms. */
  ids: { addSection: string; addFields: string; editFields: string };
  empty: string;
  columns: { header: string; className?: string; cell: (row: Row) => ReactNode }[];
  /** How the entry is named: a warehouse by its code, the others by name. */
  label: (row: Row) => string;
  Fields: (props: { idPrefix: string; values?: Row }) => ReactNode;
  deleteExplanation: string;
};

const entryIds = { addSection: 'add-entry', addFields: 'new', editFields: 'entry' };
const none = 'None yet. Add the first one above.';
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

const warehouses: CatalogueView<Warehouse> = {
  title: 'Warehouses',
  description: 'Where devices are stored. The Customer Portal counts stock in the warehouses chosen in its settings.',
  what: 'warehouse',
  noun: 'Warehouse',
  addHeading: 'Add a warehouse',
  ids: { addSection: 'add-warehouse', addFields: 'new-warehouse', editFields: 'warehouse' },
  empty: 'No warehouses yet. Add the first one above.',
  columns: [
    { header: 'Code', className: 'font-mono', cell: (w) => w.code },
    { header: 'Name', cell: (w) => w.name },
  ],
  label: (w) => w.code,
  Fields: WarehouseFields,
  deleteExplanation:
    "A warehouse that holds devices or is chosen in Customer Portal settings can't be deleted; move the devices and change the portal settings first.",
};

const inventoryStatuses: CatalogueView<InventoryStatus> = {
  title: 'Inventory statuses',
  description: 'The states a device can be in. The Customer Portal counts devices in the statuses chosen in its settings.',
  what: 'inventory status',
  noun: 'Inventory status',
  addHeading: 'Add an inventory status',
  ids: entryIds,
  empty: none,
  columns: [
    { header: 'Order', className: 'tabular-nums', cell: (s) => s.position },
    { header: 'Name', cell: (s) => s.name },
  ],
  label: (s) => s.name,
  Fields: InventoryStatusFields,
  deleteExplanation: "A status that devices have, or that counts toward For Sale in Customer Portal settings, can't be deleted.",
};

const orderStatuses: CatalogueView<OrderStatus> = {
  title: 'Order statuses',
  description:
    'The steps an order goes through. Open orders still need work; devices can be committed only in statuses that allow it.',
  what: 'order status',
  noun: 'Order status',
  addHeading: 'Add an order status',
  ids: entryIds,
  empty: none,
  columns: [
    { header: 'Order', className: 'tabular-nums', cell: (s) => s.position },
    { header: 'Name', cell: (s) => <StatusBadge color={s.color}>{s.name}</StatusBadge> },
    { header: 'Open', cell: (s) => yesNo(s.isOpen) },
    { header: 'Allows committing devices', cell: (s) => yesNo(s.allowsCommitting) },
    { header: 'Emails the buyer', cell: (s) => yesNo(s.emailBuyer) },
  ],
  label: (s) => s.name,
  Fields: OrderStatusFields,
  deleteExplanation: "A status used by orders, or chosen as the initial order status in Customer Portal settings, can't be deleted.",
};

const salesChannels: CatalogueView<SalesChannel> = {
  title: 'Sales channels',
  description: 'Where orders come from. Orders placed in the Customer Portal get the channel chosen in its settings.',
  what: 'sales channel',
  noun: 'Sales channel',
  addHeading: 'Add a sales channel',
  ids: entryIds,
  empty: none,
  columns: [{ header: 'Name', cell: (c) => c.name }],
  label: (c) => c.name,
  Fields: SalesChannelFields,
  deleteExplanation: "A channel used by orders, or chosen in Customer Portal settings, can't be deleted.",
};

const paymentMethods: CatalogueView<PaymentMethod> = {
  title: 'Payment methods',
  description:
    'How customers pay. The instructions are printed on the invoice; the Customer Portal offers the methods chosen in its settings.',
  what: 'payment method',
  noun: 'Payment method',
  addHeading: 'Add a payment method',
  ids: entryIds,
  empty: none,
  columns: [
    { header: 'Name', cell: (m) => m.name },
    { header: 'Instructions', className: 'max-w-md truncate text-slate-600', cell: (m) => m.instructions || '—' },
  ],
  label: (m) => m.name,
  Fields: PaymentMethodFields,
  deleteExplanation: "A payment method offered in the Customer Portal, or used on orders or invoices, can't be deleted.",
};

/** The view of each catalogue, by the word of its URL. */
export const catalogueViews = {
  warehouses,
  'inventory-statuses': inventoryStatuses,
  'order-statuses': orderStatuses,
  'sales-channels': salesChannels,
  'payment-methods': paymentMethods,
} satisfies Record<CatalogueName, unknown>;
