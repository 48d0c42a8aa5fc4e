/**
 * The units the buyer picked, per order line: exactly these are to be committed to it (a picked line
 * refuses any other device). Entering a closed status (Cancelled) releases those not committed.
 */
export function HeldUnitsSection({ lines }: { lines: { lineId: number; description: string; units: { identifier: string; committed: boolean }[] }[] }) {
  if (!lines.length) return null;
  return (
    <section aria-labelledby="held-heading" className="space-y-3">
      <h2 id="held-heading" className="text-lg font-semibold">
        Units the buyer picked
      </h2>
      {lines.map((line) => (
        <div key={line.lineId}>
          <h3 className="font-medium">{line.description}</h3>
          <ul aria-label={`Picked units of ${line.description}`} className="text-sm">
            {line.units.map((u) => (
              <li key={u.identifier} className="flex gap-3">
                <span className="font-mono">{u.identifier}</span>
                <span className={u.committed ? 'text-green-700' : 'text-amber-700'}>{u.committed ? 'Committed' : 'To commit'}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
