export const dynamic = 'force-dynamic';

export default function AdminHome() {
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Tradepost back office</h1>
      <p className="mt-2 text-slate-700">Staff sign in here to run the Customer Portal.</p>
    </main>
  );
}
