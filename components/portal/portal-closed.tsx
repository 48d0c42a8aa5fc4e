/** What a visitor sees while the seller's portal is disabled: no stock, no sign-in. */
export function PortalClosed({ name }: { name: string }) {
  return (
    <main className="mx-auto max-w-md px-6 py-20 text-center">
      <h1 className="text-2xl font-bold">{name}</h1>
      <p className="mt-4 text-lg">This portal is not open.</p>
      <p className="mt-2 text-slate-600">
        {name} has not opened its customer portal yet. Please contact your sales representative to order.
      </p>
    </main>
  );
}
