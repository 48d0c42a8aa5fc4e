'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isCurrentPath } from '@/components/ui/nav-link';
import { useCartSummary } from './use-cart';

/**
 * The header's Cart link with the number of units in the cart; it follows every cart change without a reload.
 * `testId: null` for the second copy the phone-width header shows beside its Menu button.
 */
export function CartBadge({ href, className, testId = 'cart-badge' }: { href: string; className?: string; testId?: string | null }) {
  const { data } = useCartSummary();
  const units = data?.units ?? 0;
  const current = isCurrentPath(usePathname(), href);
  return (
    <Link href={href} className={className} aria-current={current ? 'page' : undefined}>
      Cart
      <span
        data-testid={testId ?? undefined}
        className="ml-1.5 inline-flex min-w-5 justify-center rounded-full bg-[var(--brand)] px-1.5 text-xs font-semibold text-[var(--brand-fg)]"
      >
        {units}
      </span>
      {/* Read as "Cart 3 units": the visible text starts the name (WCAG 2.5.3). */}
      <span className="sr-only"> {units === 1 ? 'unit' : 'units'}</span>
    </Link>
  );
}
