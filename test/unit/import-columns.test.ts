import { describe, expect, it } from 'vitest';
import { deviceImportColumns, mapImportHeaders, productImportColumns, skuFromAttributes } from '@/lib/imports/columns';

describe('import columns', () => {
  it('maps headers whatever their case, spacing and punctuation, and the common other names', () => {
    const { positions, repeated } = mapImportHeaders(productImportColumns, ['SKU', ' Manufacturer ', 'Model Name', 'Colour', 'List Price', 'MOQ', 'Pack size', 'Notes']);
    expect(positions).toEqual(['sku', 'manufacturer', 'model', 'color', 'list_price', 'min_order_quantity', 'order_increment', undefined]);
    expect(repeated).toEqual([]);
    expect(mapImportHeaders(productImportColumns, ['sku', 'Price', 'list_price']).repeated).toEqual(['list_price']);
    expect(mapImportHeaders(deviceImportColumns, ['IMEI', 'Serial Number', 'Warehouse Code', 'Date received']).positions).toEqual(['imei', 'serial', 'warehouse', 'received']);
  });

  it('builds the same SKU from the same attributes, upper case, within 64 characters', () => {
    const a = { manufacturer: 'Apple', model: 'iPhone 13', capacity: '128GB', color: 'Midnight', network: '', grade: 'A+' };
    expect(skuFromAttributes(a)).toBe('APPLE-IPHONE-13-128GB-MIDNIGHT-A+');
    expect(skuFromAttributes({ ...a, model: ' iPhone   13 ' })).toBe(skuFromAttributes(a));
    expect(skuFromAttributes({ ...a, grade: 'B' })).not.toBe(skuFromAttributes(a));
    const long = skuFromAttributes({ ...a, model: 'x'.repeat(100) });
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).not.toMatch(/-$/);
  });
});
