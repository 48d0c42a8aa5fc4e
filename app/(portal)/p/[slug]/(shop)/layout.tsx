import Link from 'next/link';
import { BrandMark } from '@/components/portal/brand-header';
import { requireCustomer } from '@/lib/auth/session';
import { customerSignOutAction } from '@/lib/auth/sign-in-actions';

/** The signed-in portal: header with the seller's brand, the customer's organization and the navigation. */
export default async function ShopLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const customer = await requireCustomer(slug);
  const base = `/p/${slug}`;
  const nav = [
    { href: base, label: 'For Sale' },
    { href: `${base}/cart`, label: 'Cart' },
    { href: `${base}/orders`, label: 'Orders' },
    { href: `${base}/devices`, label: 'Purchased devices' },
    { href: `${base}/rmas`, label: 'RMAs' },
  ];
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-3">
          <div className="flex items-center gap-6">
            <Link href={base} aria-label={`${customer.portal.name} home`}>
              <BrandMark portal={customer.portal} />
            </Link>
            <nav aria-label="Customer Portal">
              <ul className="flex flex-wrap gap-1 text-sm">
                {nav.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100">
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-600">
              {customer.name} · <span className="font-medium text-slate-800">{customer.organizationName}</span>
            </span>
            <form action={customerSignOutAction.bind(null, slug)}>
              <button type="submit" className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </>
  );
}
