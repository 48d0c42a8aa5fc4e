'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ComponentProps } from 'react';

/** Whether `href` is the page shown: the same path, a page under it (unless `exact`), or under one of `also`. */
export function isCurrentPath(pathname: string, href: string, options: { exact?: boolean; also?: string[] } = {}): boolean {
  const under = (p: string) => pathname === p || pathname.startsWith(`${p}/`);
  return pathname === href || (!options.exact && under(href)) || (options.also ?? []).some(under);
}

/** A navigation link that says when it is the page shown (`aria-current="page"`). */
export function NavLink({
  exact,
  also,
  ...props
}: ComponentProps<typeof Link> & { href: string; exact?: boolean; also?: string[] }) {
  const current = isCurrentPath(usePathname(), props.href, { exact, also });
  return <Link aria-current={current ? 'page' : undefined} {...props} />;
}
