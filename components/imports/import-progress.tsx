import type { ChunkProgress } from './chunked-import';

const n = (x: number) => x.toLocaleString('en-US');

/** The labelled progress bar of a chunked import; without `progress` it is indeterminate (the import itself). */
export function ImportProgress({ progress, busyLabel }: { progress: ChunkProgress | null; busyLabel?: string }) {
  const label = progress
    ? progress.stage === 'upload'
      ? `Uploading rows: ${n(progress.done)} of ${n(progress.total)}`
      : `Checking rows: ${n(progress.done)} of ${n(progress.total)}`
    : (busyLabel ?? 'Working…');
  return (
    <div className="space-y-1">
      <label htmlFor="import-progress" className="block text-sm font-medium" aria-live="polite">
        {label}
      </label>
      <progress id="import-progress" className="h-3 w-full" max={progress ? progress.total : undefined} value={progress ? progress.done : undefined} />
    </div>
  );
}
