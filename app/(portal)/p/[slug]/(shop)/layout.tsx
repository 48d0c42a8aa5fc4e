import Link from 'next/link';
import { CartBadge } from '@/components/cart/cart-badge';
import { CartProvider } from '@/components/cart/cart-provider';
import { BrandMark } from '@/components/portal/brand-header';
import { PortalMenu } from '@/components/portal/portal-menu';
import { NavLink } from '@/components/ui/nav-link';
import { MAIN_CONTENT_ID, SkipLink } from '@/components/ui/skip-link';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { customerSignOutAction } from '@/lib/actions/auth/customer-sign-out';
import { SellerFormatProvider } from '@/components/ui/seller-format';

/** The signed-in portal: header with the seller's brand, the customer's organization and the navigation. */
export default async function ShopLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const base = `/p/${slug}`;
  // Read with the session, in its one statement (db/queries/cart-summary.ts).
  const summary = customer.cart;
  const nav = [
    { href: base, label: 'For Sale' },
    { href: `${base}/grades`, label: 'Grades' },
    { href: `${base}/cart`, label: 'Cart' },
    { href: `${base}/quotes`, label: 'Quotes' },
    { href: `${base}/orders`, label: 'Orders' },
    { href: `${base}/devices`, label: 'Purchased devices' },
    { href: `${base}/rmas`, label: 'RMAs' },
    { href: `${base}/invoices`, label: 'Invoices' },
  ];
  const navLink =
    'block rounded-md px-2.5 py-2.5 text-slate-700 hover:bg-slate-100 md:py-1.5 aria-[current=page]:bg-slate-100 aria-[current=page]:font-semibold aria-[current=page]:text-slate-900';
  return (
    <CartProvider slug={slug} summary={summary}>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
          <Link href={base} aria-label={`${customer.portal.name} home`}>
            <BrandMark portal={customer.portal} />
          </Link>
          {/* Below md the links fold behind a Menu button; the cart stays beside it. */}
          <PortalMenu quick={<CartBadge href={`${base}/cart`} testId={null} className="inline-flex min-h-11 items-center rounded-md px-2.5 text-sm text-slate-700" />}>
            <nav aria-label="Customer Portal">
              <ul className="flex flex-col gap-1 text-sm md:flex-row md:flex-wrap">
                {nav.map((item) => (
                  <li key={item.href}>
                    {item.label === 'Cart' ? (
                      <CartBadge href={item.href} className={navLink} />
                    ) : (
                      <NavLink href={item.href} className={navLink} exact={item.href === base} also={item.href === base ? [`${base}/products`] : undefined}>
                        {item.label}
                      </NavLink>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3 text-sm md:border-0 md:pt-0">
              <span className="text-slate-600">
                {customer.name} · <span className="font-medium text-slate-800">{customer.organizationName}</span>
              </span>
              <Link href={`${base}/account`} className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100">
                My account
              </Link>
              <form action={customerSignOutAction.bind(null, slug)}>
                <button type="submit" className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100">
                  Sign out
                </button>
              </form>
            </div>
          </PortalMenu>
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none sm:px-6 sm:py-8">
        <SellerFormatProvider value={{ locale: customer.portal.locale, timeZone: customer.portal.timeZone }}>{children}</SellerFormatProvider>
      </main>
    </CartProvider>
  );
}
