import type { GalleryPhoto } from '@/db/queries/photos/list-photos';
import { ActionForm, ActionResultScope } from '@/components/ui/action-form';
import { Input } from '@/components/ui/field';
import { movePhotoAction } from '@/lib/actions/photos/move-photo';
import { removePhotoAction } from '@/lib/actions/photos/remove-photo';
import { updatePhotoAction } from '@/lib/actions/photos/update-photo';
import { adminPhotoUrl } from '@/lib/photos/photo-path';

/**
 * A gallery in the back office: each photo's thumbnail, its alt text to edit,
 * and buttons to move it earlier or later or remove it. Works for any gallery
 * (product, device, grade); put a PhotoUploadForm beside it to add photos.
 */
export function PhotoManager({ photos, label }: { photos: GalleryPhoto[]; label: string }) {
  // The scope stays when the last photo goes, so "Photo removed." is still said.
  return (
    <ActionResultScope>
      {photos.length ? null : <p className="text-sm text-slate-600">No photos yet.</p>}
      <ol hidden={!photos.length} aria-label={label} className="space-y-3">
        {photos.map((p, i) => (
          <li key={p.id} className="flex flex-wrap items-start gap-4 rounded-md border border-slate-200 bg-white p-3">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={adminPhotoUrl(p.sha256, 96)} width={96} height={96} alt={p.alt} loading="lazy" className="rounded border border-slate-100" />
            <div className="min-w-64 flex-1 space-y-2">
              <p className="text-xs text-slate-600">
                Photo {i + 1} of {photos.length}
                {i === 0 ? ' · shown as the thumbnail' : ''} · {p.largeWidth}×{p.largeHeight}
              </p>
              <ActionForm action={updatePhotoAction} submitLabel="Save alt text" size="sm" variant="secondary" className="flex items-end gap-2">
                <input type="hidden" name="photoId" value={p.id} />
                <div className="flex-1">
                  <label htmlFor={`photo-alt-${p.id}`} className="block text-sm font-medium text-slate-800">
                    Alt text
                  </label>
                  <Input id={`photo-alt-${p.id}`} name="alt" defaultValue={p.alt} maxLength={200} />
                </div>
              </ActionForm>
              <div className="flex flex-wrap gap-2">
                {i > 0 ? (
                  <ActionForm action={movePhotoAction} submitLabel="Move earlier" submitName={`Move photo ${i + 1} earlier`} size="sm" variant="secondary">
                    <input type="hidden" name="photoId" value={p.id} />
                    <input type="hidden" name="direction" value="earlier" />
                  </ActionForm>
                ) : null}
                {i < photos.length - 1 ? (
                  <ActionForm action={movePhotoAction} submitLabel="Move later" submitName={`Move photo ${i + 1} later`} size="sm" variant="secondary">
                    <input type="hidden" name="photoId" value={p.id} />
                    <input type="hidden" name="direction" value="later" />
                  </ActionForm>
                ) : null}
                <ActionForm
                  action={removePhotoAction}
                  submitLabel="Remove"
                  submitName={`Remove photo ${i + 1}`}
                  size="sm"
                  variant="danger"
                  confirm={{
                    title: `Remove photo ${i + 1} of ${photos.length}?`,
                    description: `“${p.alt}” is removed from ${label.charAt(0).toLowerCase()}${label.slice(1)}${i === 0 && photos.length > 1 ? '; the next photo becomes the thumbnail' : ''}.`,
                    confirmLabel: `Remove photo ${i + 1}`,
                  }}
                >
                  <input type="hidden" name="photoId" value={p.id} />
                </ActionForm>
              </div>
            </div>
          </li>
        ))}
      </ol>
    </ActionResultScope>
  );
}
