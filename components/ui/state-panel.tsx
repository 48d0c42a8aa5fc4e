import type { ReactNode } from 'react';

/**
 * The body of an error or not-found page: what happened, what to do next (the
 * actions), and, for an error, the reference that matches the server's log.
 * Never the error's message or stack.
 */
export function StatePanel({
  title,
  children,
  actions,
  reference,
}: {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  reference?: string;
}) {
  return (
    <section aria-labelledby="state-title" className="mx-auto max-w-xl py-12 text-center">
      <h1 id="state-title" className="text-2xl font-bold text-slate-900">
        {title}
      </h1>
      {children ? <div className="mt-3 space-y-2 text-slate-700">{children}</div> : null}
      {actions ? <div className="mt-6 flex flex-wrap justify-center gap-3">{actions}</div> : null}
      {reference ? (
        <p className="mt-6 text-xs text-slate-600">
          Reference: <span className="font-mono">{reference}</span>
        </p>
      ) : null}
    </section>
  );
}

/** The server's id of a thrown error (Next's digest), if it has one. */
export function errorReference(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string') return error.digest;
  return undefined;
}

/** The page's own <main> where no layout gives one (`standalone`: outside the shop and back-office layouts). */
export function StateFrame({ standalone, children }: { standalone: boolean; children: ReactNode }) {
  return standalone ? <main className="mx-auto max-w-7xl px-6 py-8">{children}</main> : <>{children}</>;
}
