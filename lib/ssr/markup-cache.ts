import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { LRUCache } from 'lru-cache';

/**
 * Server-rendered markup of a client component's subtree, cached by the
 * subtree's whole input. For Sale renders 50 rows on every view, and most
 * views show rows another request already rendered (the same page of the same
 * catalog for buyers on the same price list): the server renders them once and
 * streams the cached markup after that, while the browser renders the rows
 * from the same data as before and hydrates them against that markup.
 *
 * The key is the full input (the rows' data as JSON, not a digest): two views
 * share markup only when everything it shows is equal, so a change of stock,
 * price or wording is a new key and the markup can never be stale or
 * another buyer's. Bounded by size; evicting only costs a render.
 *
 * Only the server's render of client components uses this (`typeof window ===
 * 'undefined'`); browsers get markup-cache.browser.ts (next.config.ts
 * `turbopack.resolveAlias`), so react-dom/server never reaches a bundle.
 */
const cache = new LRUCache<string, string>({
  // 16 MB of keys and markup: some 150 pages of 50 For Sale rows.
  maxSize: 16 * 1024 * 1024,
  sizeCalculation: (markup, key) => markup.length + key.length,
});

export function cachedMarkup(key: string, render: () => ReactNode): string {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  // renderToString writes what the page's own stream would (the same text separators), so hydration matches.
  const markup = renderToString(render());
  cache.set(key, markup);
  return markup;
}

/** For tests: forget every entry. */
export function clearMarkupCache(): void {
  cache.clear();
}
