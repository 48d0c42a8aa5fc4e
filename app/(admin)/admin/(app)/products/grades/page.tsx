import { formatNumber } from '@/lib/format/numbers';
import type { Metadata } from 'next';
import Link from 'next/link';
import { GradeDescriptionForm } from '@/components/grades/grade-description-form';
import { PhotoManager } from '@/components/photos/photo-manager';
import { PhotoUploadForm } from '@/components/photos/photo-upload-form';
import { ActionForm, ActionResultScope } from '@/components/ui/action-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { gradeGuide } from '@/db/queries/grades/grade-guide';
import { addGradePhotoAction } from '@/lib/actions/photos/add-grade-photo';
import { removeGradeDescriptionAction } from '@/lib/actions/grades/remove-grade-description';
import { requireStaff } from '@/lib/auth/session';
import { gradeAnchor } from '@/lib/photos/photo-path';

export const metadata: Metadata = { title: 'Grade guide' };

/**
 * Products > Grade guide: what each grade the seller's products use means,
 * with example photos. The portal's Grades page shows the same, and each
 * grade on For Sale links to it.
 */
export default async function GradeGuidePage() {
  const staff = await requireStaff();
  const guide = await gradeGuide(await getDb(), { sellerId: staff.sellerId });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/products" className="text-slate-600 underline">
          ← Products
        </Link>
      </p>
      <PageHeader
        title="Grade guide"
        description={`Tell buyers what each grade means at ${staff.sellerName}. The portal's Grades page shows it, and every grade on For Sale links there.`}
      />
      {guide.length === 0 ? <p className="text-sm text-slate-600">No product has a grade yet.</p> : null}
      <div className="max-w-3xl space-y-6">
        {guide.map((entry) => (
          <section key={entry.grade} id={gradeAnchor(entry.grade)} aria-labelledby={`${gradeAnchor(entry.grade)}-heading`} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="text-lg font-semibold">
              <span id={`${gradeAnchor(entry.grade)}-heading`}>Grade {entry.grade}</span>{' '}
              <span className="ml-1 text-sm font-normal text-slate-600">
                {formatNumber(entry.products)} {entry.products === 1 ? 'product' : 'products'}
                {entry.description ? '' : ' · not described yet'}
              </span>
            </h2>
            <div className="mt-3">
              <GradeDescriptionForm grade={entry.grade} defaults={entry.description} />
            </div>
            {entry.description ? (
              <div className="mt-5 space-y-3 border-t border-slate-100 pt-4">
                <h3 className="text-sm font-semibold text-slate-800">Example photos</h3>
                <PhotoManager photos={entry.photos} label={`Example photos of grade ${entry.grade}`} />
                <PhotoUploadForm action={addGradePhotoAction} subject={{ grade: entry.grade }} label={`Add an example photo of grade ${entry.grade}`} />
              </div>
            ) : null}
            {/* Outside the condition, so "… was removed." stays once the description (and its button) are gone. */}
            <ActionResultScope className="mt-3">
              {entry.description ? (
                <ActionForm
                  action={removeGradeDescriptionAction}
                  submitLabel={`Remove the description of grade ${entry.grade}`}
                  variant="danger"
                  size="sm"
                  confirm={{
                    title: `Remove the description of grade ${entry.grade}?`,
                    description: `Buyers no longer see what grade ${entry.grade} means on the Grades page${entry.photos.length ? `, nor its ${entry.photos.length} example photo${entry.photos.length === 1 ? '' : 's'}` : ''}.`,
                    confirmLabel: `Remove grade ${entry.grade}`,
                  }}
                >
                  <input type="hidden" name="grade" value={entry.grade} />
                </ActionForm>
              ) : null}
            </ActionResultScope>
          </section>
        ))}
      </div>
    </>
  );
}
