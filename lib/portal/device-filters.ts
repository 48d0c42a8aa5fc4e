import { param, type SearchParams } from '@/lib/url-params';

/** The product attributes a customer can filter purchased devices by. */
export const productAttributes = ['manufacturer', 'model', 'capacity', 'color', 'network', 'grade'] as const;
export type ProductAttribute = (typeof productAttributes)[number];

/** Purchased devices filters from the URL: the IMEI search and one value per product attribute. */
export function purchasedDeviceFiltersFrom(all: SearchParams) {
  const filters: { search?: string } & Partial<Record<ProductAttribute, string>> = {};
  const search = param(all, 'imei');
  if (search) filters.search = search.slice(0, 40);
  for (const attribute of productAttributes) {
    const value = param(all, attribute);
    if (value) filters[attribute] = value.slice(0, 100);
  }
  return filters;
}
