import { Select } from '@/components/ui/field';
import type { ProductChoice } from '@/db/queries/products/attribute-values';
import type { ComponentProps } from 'react';

/** Products grouped by manufacturer and model; each option names the variation and its SKU. */
export function ProductSelect({ products, ...props }: { products: ProductChoice[] } & ComponentProps<'select'>) {
  const groups = new Map<string, ProductChoice[]>();
  for (const p of products) {
    const key = `${p.manufacturer} ${p.model}`;
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  return (
    <Select {...props}>
      <option value="">Choose a product…</option>
      {[...groups.entries()].map(([group, list]) => (
        <optgroup key={group} label={group}>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {[p.capacity, p.color, p.network].filter(Boolean).join(' ')}
              {p.grade ? `, grade ${p.grade}` : ''} · {p.sku}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}
