'use client';

import { useState } from 'react';
import { Checkbox } from '@/components/ui/field';
import { LOGO_BOX, MAX_LOGO_BYTES, MAX_LOGO_SOURCE } from '@/lib/settings/logo-limits';
import { useFieldError } from './settings-form';

/**
 * The portal logo: the current one (from its cached URL), a file input (PNG,
 * JPEG or WebP up to 200 KB and 2000×2000 pixels; the server checks again and
 * stores it re-encoded to fit 600×200) and a way to remove it.
 * The parent remounts it (a new key) after a save, which empties the file input.
 */
export function LogoField({ current }: { current: string | null }) {
  const [localError, setLocalError] = useState<string | null>(null);
  const [removeChecked, setRemoveChecked] = useState(false);
  const serverError = useFieldError('logo');

  const error = localError ?? serverError;
  return (
    <div className="space-y-2">
      <label htmlFor="portal-logo" className="block text-sm font-medium text-slate-800">
        Logo
      </label>
      {current ? (
        <div className="flex items-center gap-4">
          {/* Already re-encoded to fit 600×200 and cached by its hash; next/image would gain nothing. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={current} alt="Current logo" className="h-12 max-w-48 rounded border border-slate-200 bg-white object-contain p-1" />
          <Checkbox
            id="portal-remove-logo"
            name="removeLogo"
            label="Remove the logo"
            checked={removeChecked}
            onChange={(e) => setRemoveChecked(e.currentTarget.checked)}
          />
        </div>
      ) : (
        <p className="text-sm text-slate-600">No logo yet; the portal shows the display name.</p>
      )}
      <input
        id="portal-logo"
        name="logo"
        type="file"
        accept="image/png,image/jpeg,image/webp"
        aria-describedby="portal-logo-hint"
        className="block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file && file.size > MAX_LOGO_BYTES) {
            setLocalError(`That file is ${Math.ceil(file.size / 1024)} KB; choose an image of ${MAX_LOGO_BYTES / 1024} KB or less.`);
            e.currentTarget.value = '';
          } else {
            setLocalError(null);
          }
        }}
      />
      <p id="portal-logo-hint" className="text-xs text-slate-600">
        PNG, JPEG or WebP, up to {MAX_LOGO_BYTES / 1024} KB and {MAX_LOGO_SOURCE.width}×{MAX_LOGO_SOURCE.height} pixels. SVG is not
        accepted. It is shown at most {LOGO_BOX.width}×{LOGO_BOX.height}.
      </p>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
