import type { GalleryPhoto } from '@/db/queries/photos/list-photos';
import { photoFileName } from '@/lib/photos/photo-path';

export type GalleryImage = Pick<GalleryPhoto, 'sha256' | 'alt' | 'mediumWidth' | 'mediumHeight' | 'largeWidth' | 'largeHeight'>;

/**
 * A gallery of photos, in order: each the 640 px WebP with the 1600 px one in
 * its srcset, loaded lazily, linked to the large size. `base` is where the
 * photos are served: `/p/{slug}/photos` in the portal, `/admin/photos` in the
 * back office. The portal's product page uses it as it is.
 */
export function PhotoGallery({ photos, base, label, className = '' }: { photos: GalleryImage[]; base: string; label: string; className?: string }) {
  if (!photos.length) return null;
  return (
    <ul aria-label={label} className={`flex flex-wrap gap-3 ${className}`}>
      {photos.map((p) => {
        const medium = `${base}/${photoFileName(p.sha256, 640)}`;
        const large = `${base}/${photoFileName(p.sha256, 1600)}`;
        return (
          <li key={p.sha256}>
            <figure>
              <a href={large} className="block rounded border border-slate-200 bg-white p-1">
                {/* Already re-encoded at fixed web sizes and cached by hash; next/image would gain nothing. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={medium}
                  srcSet={`${medium} ${p.mediumWidth}w, ${large} ${p.largeWidth}w`}
                  sizes="(max-width: 640px) 100vw, 240px"
                  width={p.mediumWidth}
                  height={p.mediumHeight}
                  alt={p.alt}
                  loading="lazy"
                  decoding="async"
                  className="h-48 w-auto object-contain"
                />
              </a>
              <figcaption className="sr-only">{p.alt}</figcaption>
            </figure>
          </li>
        );
      })}
    </ul>
  );
}
