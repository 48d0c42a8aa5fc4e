'use client';

import './globals.css';

/**
 * The last resort when rendering fails in the browser (a lost connection
 * during an action, a bug). Next's built-in page injects an inline `<style>`
 * that the Content-Security-Policy blocks; this one is styled by the app's
 * stylesheet and names no brand, since it may show on a seller's domain.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main className="mx-auto max-w-md px-6 py-20 text-center">
          <h1 className="text-2xl font-bold">Something went wrong</h1>
          <p className="mt-3 text-slate-600">
            The page could not be shown. If you were saving something, check whether it was saved before you try again.
          </p>
          <button
            type="button"
            onClick={reset}
            className="mt-6 rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
