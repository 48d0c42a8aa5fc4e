import Link from 'next/link';

export default function LandingPage() {
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
        <li>
          <Link
            href="/p/acme"
            className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-blue-400"
          >
            <span className="text-lg font-semibold">Demo portal: Acme Wireless</span>
            <span className="mt-1 block text-slate-600">For buyers: For Sale, Cart, Orders, RMAs.</span>
          </Link>
        </li>
      </ul>
    </main>
  );
}
