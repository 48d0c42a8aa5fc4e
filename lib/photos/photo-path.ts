import type { PhotoSize } from './limits';

/**
 * A photo's URL names its content: `/p/{slug}/photos/{sha256}-{size}.webp`
 * in the portal, `/admin/photos/{sha256}-{size}.webp` in the back office.
 * A new picture is a new URL, so each is cached for a year and never revalidated.
 */
export function photoFileName(sha256: string, size: PhotoSize): string {
  return `${sha256}-${size}.webp`;
}

export function portalPhotoUrl(slug: string, sha256: string, size: PhotoSize): string {
  return `/p/${slug}/photos/${photoFileName(sha256, size)}`;
}

export function adminPhotoUrl(sha256: string, size: PhotoSize): string {
  return `/admin/photos/${photoFileName(sha256, size)}`;
}

/** The hash and size a file name names, or null for anything else. */
export function parsePhotoFileName(file: string): { sha256: string; size: PhotoSize } | null {
  const match = /^([0-9a-f]{64})-(96|640|1600)\.webp$/.exec(file);
  return match ? { sha256: match[1]!, size: Number(match[2]) as PhotoSize } : null;
}

/** The anchor of a grade on the Grades page: "A+" → "grade-a-plus", "B" → "grade-b". */
export function gradeAnchor(grade: string): string {
  const slug = grade
    .trim()
    .toLowerCase()
    .replace(/[+-]/g, (c) => (c === '+' ? ' plus ' : ' minus '))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `grade-${slug || 'none'}`;
}
