'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { FormatStyle } from '@/lib/format/request-format';

const SellerFormat = createContext<FormatStyle>({});

/**
 * The seller's locale and time zone for client components (the back-office
 * and portal layouts provide it from the session they already read). Server
 * components get the same from the formatters' default.
 */
export function SellerFormatProvider({ value, children }: { value: FormatStyle; children: ReactNode }) {
  return <SellerFormat value={value}>{children}</SellerFormat>;
}

export function useSellerFormat(): FormatStyle {
  return useContext(SellerFormat);
}
