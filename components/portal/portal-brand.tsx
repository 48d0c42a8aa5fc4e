'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { PortalIdentity } from '@/db/queries/sellers';

/** What a portal page needs to wear the seller's brand where no server read can run (error and not-found pages). */
export type PortalBrand = Pick<PortalIdentity, 'slug' | 'name' | 'brandColor' | 'logo'>;

const Brand = createContext<PortalBrand | null>(null);

/** Set once by the portal layout; the error boundary below it still reads it. */
export function PortalBrandProvider({ brand, children }: { brand: PortalBrand; children: ReactNode }) {
  return <Brand value={brand}>{children}</Brand>;
}

/** The seller's brand of the portal being shown; null outside a portal. */
export function usePortalBrand(): PortalBrand | null {
  return useContext(Brand);
}
