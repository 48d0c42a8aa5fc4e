import type { ReactNode } from 'react';
import { readableTextColor } from '@/lib/brand';

/** A status pill in the status's own color (its text darkened where that color would not read at 4.5:1). */
export function StatusBadge({ color, children }: { color?: string | null; children: ReactNode }) {
  const c = color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#64748b';
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium"
      style={{ borderColor: c, color: readableTextColor(c) }}
    >
      <span aria-hidden className="h-1.5 w-1.5 rounded-full" style={{ backgroundColor: c }} />
      {children}
    </span>
  );
}
