import Link from 'next/link';
import { getDb } from '@/db';
import { findDemoPortal } from '@/db/queries/sellers';

export const dynamic = 'force-dynamic';

/** What Tradepost is, the back office, and the demo portal where the demo data exists. */
export default async function LandingPage() {
  const demo = await findDemoPortal(await getDb());
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-blue-700">Tradepost</p>
      <h1 className="mt-2 text-4xl font-bold tracking-tight">
        The branded B2B portal for wholesalers of serialized devices
      </h1>
      <p className="mt-4 text-lg text-slate-700">
        Your business customers sign in to your own portal, see live stock on the For Sale page,
        fill a cart and check out into a draft order for your team to review. They look up their
        orders, every IMEI they bought, and their RMAs. Your staff run it all from the back office.
      </p>
      <ul className="mt-10 grid gap-4 sm:grid-cols-2">
        <li>
          <Link
            href="/admin"
            className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-blue-400"
          >
            <span className="text-lg font-semibold">Back office</span>
            <span className="mt-1 block text-slate-600">For staff: settings, inventory, orders, RMAs.</span>
          </Link>
        </li>
        {demo ? (
          <li>
            <Link
              href={`/p/${demo.slug}`}
              className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-blue-400"
            >
              <span className="text-lg font-semibold">Demo portal: {demo.name}</span>
              <span className="mt-1 block text-slate-600">For buyers: For Sale, Cart, Orders, RMAs.</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </main>
  );
}
