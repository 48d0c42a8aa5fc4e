import Link from 'next/link';

/**
 * An address no area claims (an unknown portal slug, a mistyped path). It
 * names no brand: a seller's own domain may show it.
 */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-6 py-20 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-3 text-slate-600">There is nothing at this address, or it is not yours to see.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-blue-700 underline">
          Go to the home page
        </Link>
      </p>
    </main>
  );
}
