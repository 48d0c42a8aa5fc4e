import { describe, expect, it } from 'vitest';
import { catalogueEntry, catalogueNames, isCatalogueName, newCatalogueEntry } from '@/lib/validation/catalogues';

describe('the catalogue word of a settings URL or form', () => {
  it('names exactly the five catalogues, as their URLs spell them', () => {
    expect(catalogueNames).toEqual(['warehouses', 'inventory-statuses', 'order-statuses', 'sales-channels', 'payment-methods']);
    for (const name of catalogueNames) expect(isCatalogueName(name)).toBe(true);
  });

  it('refuses any other word, including ones every object has', () => {
    for (const word of ['customer-portal', 'staff', 'Warehouses', 'constructor', '__proto__', 'toString', '', undefined, 12]) {
      expect(isCatalogueName(word)).toBe(false);
    }
  });

  it('is checked by the action input before anything reaches the data layer', () => {
    expect(newCatalogueEntry.safeParse({ catalogue: 'warehouses', name: 'Annex' }).success).toBe(true);
    const forged = newCatalogueEntry.safeParse({ catalogue: 'staff-users', name: 'Annex' });
    expect(forged.success).toBe(false);
    expect(forged.error?.issues[0]?.message).toBe('That settings list does not exist.');
    expect(catalogueEntry.safeParse({ catalogue: 'order-statuses', id: '0' }).success).toBe(false);
    expect(catalogueEntry.parse({ catalogue: 'order-statuses', id: '7', name: 'Packing' })).toMatchObject({ id: 7, name: 'Packing' });
  });
});
