/**
 * What every new seller starts with (the demo seed and `npm run seller:create`
 * alike): the inventory statuses, order statuses and sales channels of
 * PRODUCT.md, and one warehouse. Staff rename or extend them in Settings.
 */
export const inventoryStatusNames = [
  'Received',
  'Available',
  'Listed',
  'In Repair',
  'Reserved',
  'Sold',
  'Returned',
  'Scrap',
] as const;

export const orderStatusSeeds = [
  { name: 'Awaiting Confirmation', color: '#d97706', isOpen: true, allowsCommitting: false },
  { name: 'Confirmed', color: '#2563eb', isOpen: true, allowsCommitting: true },
  { name: 'Shipped', color: '#16a34a', isOpen: false, allowsCommitting: false },
  { name: 'Cancelled', color: '#6b7280', isOpen: false, allowsCommitting: false },
];

export const salesChannelNames = ['B2B Portal', 'Phone', 'Email'];

export const defaultWarehouse = { name: 'Main Warehouse', code: 'MAIN' };
