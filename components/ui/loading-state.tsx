/**
 * What a page shows while its data is read (a `loading.tsx`): its title at
 * once, a few grey rows where the table will be, and "Loading orders…" for
 * screen readers. It reads nothing itself.
 */
export function LoadingState({ title, what, rows = 6 }: { title: string; what: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">Loading {what}…</p>
      <div className="mt-6 space-y-2" aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="h-10 animate-pulse rounded-md bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
