'use client';

import Link from 'next/link';
import { useCartSummary } from './use-cart';

/**
 * The header's Cart link with the number of units in the cart; it follows every cart change without a reload.
 * `testId: null` for the second copy the phone-width header shows beside its Menu button.
 */
export function CartBadge({ href, className, testId = 'cart-badge' }: { href: string; className?: string; testId?: string | null }) {
  const { data } = useCartSummary();
  const units = data?.units ?? 0;
  return (
    <Link href={href} className={className} aria-label={`Cart, ${units} ${units === 1 ? 'unit' : 'units'}`}>
      Cart
      <span
        data-testid={testId ?? undefined}
        className="ml-1.5 inline-flex min-w-5 justify-center rounded-full bg-[var(--brand)] px-1.5 text-xs font-semibold text-white"
      >
        {units}
      </span>
    </Link>
  );
}
