'use client';

import { useId, useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Field, Input } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/result';
import { MAX_ALT_LENGTH, MAX_PHOTO_BYTES, MAX_PHOTO_SIDE, MIN_PHOTO_SIDE } from '@/lib/photos/limits';

/**
 * Uploads one photo to a gallery: the file and its alt text, with the
 * subject's id as a hidden field (`{ productId: 12 }`, `{ deviceId: 7 }`,
 * `{ grade: 'B' }`). Pass the matching action: addProductPhotoAction,
 * addDevicePhotoAction or addGradePhotoAction. The browser refuses a file
 * over the size limit before sending it; the server checks everything again.
 */
export function PhotoUploadForm({
  action,
  subject,
  label = 'Add a photo',
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  subject: Record<string, string | number>;
  label?: string;
}) {
  const id = useId();
  const [tooBig, setTooBig] = useState<string | null>(null);
  return (
    <ActionForm action={action} submitLabel="Upload photo" pendingLabel="Uploading…" resetOnSuccess className="space-y-3">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">{label}</legend>
        {Object.entries(subject).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Field
          id={`${id}-photo`}
          label="Photo"
          hint={`JPEG, PNG or WebP, up to ${MAX_PHOTO_BYTES / (1024 * 1024)} MB, ${MIN_PHOTO_SIDE} to ${MAX_PHOTO_SIDE} pixels on each side. Stored without its metadata (location, camera).`}
          error={tooBig ?? undefined}
        >
          <input
            id={`${id}-photo`}
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            required
            aria-describedby={`${id}-photo-hint`}
            className="block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file && file.size > MAX_PHOTO_BYTES) {
                setTooBig(`That file is ${(file.size / (1024 * 1024)).toFixed(1)} MB; choose a photo of ${MAX_PHOTO_BYTES / (1024 * 1024)} MB or less.`);
                e.currentTarget.value = '';
              } else {
                setTooBig(null);
              }
            }}
          />
        </Field>
        <Field id={`${id}-alt`} label="Alt text" hint="What the photo shows, for buyers who cannot see it (e.g. “Front and back, light scratches on the frame”).">
          <Input id={`${id}-alt`} name="alt" maxLength={MAX_ALT_LENGTH} required aria-describedby={`${id}-alt-hint`} />
        </Field>
      </fieldset>
    </ActionForm>
  );
}
