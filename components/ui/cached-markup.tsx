'use client';

import { createElement, type ReactNode } from 'react';
import { cachedMarkup } from '@/lib/ssr/markup-cache';

/**
 * An element (a table body, a group of filters) whose content the server
 * renders once per distinct input (`cacheKey`: everything the content shows,
 * computed only where the server renders)
 * and then streams from a cache (lib/ssr/markup-cache.ts); the browser
 * renders `content()` as usual and hydrates it against that markup
 * (e2e/for-sale-markup-cache.spec.ts). `content` must render the same on
 * both sides from the key's data alone: no ids from `useId`, no state but the
 * initial one.
 */
export function CachedMarkup({
  as,
  cacheKey,
  content,
  ...attributes
}: {
  as: 'tbody' | 'div';
  cacheKey: () => string;
  content: () => ReactNode;
  className?: string;
  id?: string;
}) {
  // Production only: a development server's hydration checks would report the markup prop as a difference.
  if (typeof window === 'undefined' && process.env.NODE_ENV === 'production') {
    return createElement(as, { ...attributes, dangerouslySetInnerHTML: { __html: cachedMarkup(`${as}:${cacheKey()}`, content) } });
  }
  return createElement(as, attributes, content());
}
