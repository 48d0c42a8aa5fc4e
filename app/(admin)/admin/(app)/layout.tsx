import Link from 'next/link';
import { NavLink } from '@/components/ui/nav-link';
import { MAIN_CONTENT_ID, SkipLink } from '@/components/ui/skip-link';
import { requireStaff, hasRole } from '@/lib/auth/session';
import { staffSignOutAction } from '@/lib/actions/auth/staff-sign-out';
import { SellerFormatProvider } from '@/components/ui/seller-format';

export const dynamic = 'force-dynamic';

const nav: { href: string; label: string; minRole?: 'admin' }[] = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/orders', label: 'Orders' },
  { href: '/admin/quotes', label: 'Quotes' },
  { href: '/admin/inventory', label: 'Inventory' },
  { href: '/admin/products', label: 'Products' },
  { href: '/admin/price-lists', label: 'Price lists' },
  { href: '/admin/organizations', label: 'Organizations' },
  { href: '/admin/rmas', label: 'RMAs' },
  { href: '/admin/settings', label: 'Settings' },
];

/** Every back-office page: asserts a staff session (and the data layer checks again). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff();
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-3">
          <div className="flex items-center gap-6">
            <Link href="/admin" className="font-bold">
              Tradepost <span className="font-normal text-slate-500">· {staff.sellerName}</span>
            </Link>
            <nav aria-label="Back office">
              <ul className="flex flex-wrap gap-1 text-sm">
                {nav
                  .filter((item) => !item.minRole || hasRole(staff, item.minRole))
                  .map((item) => (
                    <li key={item.href}>
                      <NavLink
                        href={item.href}
                        exact={item.href === '/admin'}
                        className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-100 aria-[current=page]:font-semibold aria-[current=page]:text-slate-900"
                      >
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
              </ul>
            </nav>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-600">
              {staff.name} <span className="text-slate-500">({staff.role})</span>
            </span>
            <Link href="/admin/account" className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100">
              My account
            </Link>
            <form action={staffSignOutAction}>
              <button type="submit" className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto max-w-7xl px-6 py-8 focus:outline-none">
        <SellerFormatProvider value={{ locale: staff.locale, timeZone: staff.timeZone }}>{children}</SellerFormatProvider>
      </main>
    </div>
  );
}
