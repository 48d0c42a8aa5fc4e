'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { CartSummary } from '@/lib/validation/cart';

const PortalSlug = createContext<string>('');

/** The portal's slug, for client components that call portal actions and routes. */
export function usePortalSlug(): string {
  return useContext(PortalSlug);
}

export const cartSummaryKey = (slug: string) => ['cart-summary', slug] as const;

/**
 * One query client per signed-in portal tab. The cart summary is seeded from
 * the server render, so the badge is right before any fetch.
 */
export function CartProvider({ slug, summary, children }: { slug: string; summary: CartSummary; children: ReactNode }) {
  const [client] = useState(() => {
    const c = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });
    c.setQueryData(cartSummaryKey(slug), summary);
    return c;
  });
  return (
    <QueryClientProvider client={client}>
      <PortalSlug.Provider value={slug}>{children}</PortalSlug.Provider>
    </QueryClientProvider>
  );
}
