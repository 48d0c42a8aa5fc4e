import type { GradeGuideEntry } from '@/db/queries/grades/grade-guide';
import { PhotoGallery } from '@/components/photos/photo-gallery';
import { gradeAnchor } from '@/lib/photos/photo-path';

/** The grade guide as buyers read it: one section per grade, its anchor named by the grade, with its example photos. */
export function GradeGuide({ entries, photoBase, sellerName }: { entries: GradeGuideEntry[]; photoBase: string; sellerName: string }) {
  if (!entries.length) return <p className="text-sm text-slate-600">{sellerName} has not described its grades yet.</p>;
  return (
    <div className="max-w-3xl space-y-6">
      {entries.map((entry) => (
        <section
          key={entry.grade}
          id={gradeAnchor(entry.grade)}
          aria-labelledby={`${gradeAnchor(entry.grade)}-heading`}
          className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-5 target:ring-2 target:ring-[var(--brand)]"
        >
          <h2 id={`${gradeAnchor(entry.grade)}-heading`} className="flex items-center gap-3 text-lg font-semibold">
            <span className="grade-badge">
              <span className="sr-only">Grade </span>
              {entry.grade}
            </span>{' '}
            {entry.description?.title ?? `Grade ${entry.grade}`}
          </h2>
          {entry.description ? (
            entry.description.body ? <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{entry.description.body}</p> : null
          ) : (
            <p className="mt-2 text-sm text-slate-600">{sellerName} has not described this grade yet; ask your sales representative.</p>
          )}
          <PhotoGallery photos={entry.photos} base={photoBase} label={`Example photos of grade ${entry.grade}`} className="mt-4" />
        </section>
      ))}
    </div>
  );
}
