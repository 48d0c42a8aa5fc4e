/**
 * A photo upload, checked and re-encoded. The cheap checks come first (bytes,
 * type from the file's own first bytes, pixel size from its header) so a
 * large or hostile file is refused before any pixel is decoded. The picture
 * is then decoded once, here, turned upright (EXIF orientation), and
 * re-encoded as WebP at the three web sizes; EXIF, GPS, XMP, comments and
 * colour profiles are dropped (sRGB is kept). Only those WebP files are
 * stored and served; nothing else ever decodes the upload, so a polyglot
 * (an HTML page or script dressed as an image) never reaches a browser.
 */
import { createHash } from 'node:crypto';
import { sniffImageType } from '@/lib/settings/logo';
import { MAX_PHOTO_BYTES, MAX_PHOTO_SIDE, MIN_PHOTO_SIDE, type PhotoSize } from './limits';

export type PhotoVariant = { webp: Uint8Array; width: number; height: number };

/** A photo as stored: its three sizes and the SHA-256 of the large one, which names its URLs. */
export type PreparedPhoto = { sha256: string; variants: Record<PhotoSize, PhotoVariant>; bytes: number };

export type PhotoCheck = { ok: true; photo: PreparedPhoto } | { ok: false; error: string };

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;

/** The cheap checks, before any image library sees the bytes. */
export function checkPhotoFile(bytes: Uint8Array): { ok: true } | { ok: false; error: string } {
  if (bytes.length === 0) return { ok: false, error: 'The photo file is empty.' };
  if (bytes.length > MAX_PHOTO_BYTES) {
    return { ok: false, error: `The photo is ${megabytes(bytes.length)}; upload a photo of ${megabytes(MAX_PHOTO_BYTES)} or less.` };
  }
  if (!sniffImageType(bytes)) {
    return { ok: false, error: 'Upload the photo as a JPEG, PNG or WebP image (SVG, HTML and other files are not accepted).' };
  }
  return { ok: true };
}

const unreadable = {
  ok: false,
  error: 'The photo could not be read as an image. Save it again as a JPEG, PNG or WebP and upload that.',
} as const;

/** Quality per size: the thumbnail is tiny on screen, the large one is looked at closely. */
const quality: Record<PhotoSize, number> = { 96: 72, 640: 80, 1600: 82 };

export async function preparePhoto(bytes: Uint8Array): Promise<PhotoCheck> {
  const file = checkPhotoFile(bytes);
  if (!file.ok) return file;
  const { default: sharp } = await import('sharp');
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  let header: { width?: number; height?: number; pageHeight?: number };
  try {
    // Header only: sharp's own pixel cap is lifted so a huge image gets our message, not its error.
    header = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return unreadable;
  }
  const width = header.width ?? 0;
  const height = header.pageHeight ?? header.height ?? 0;
  if (!width || !height) return unreadable;
  if (width < MIN_PHOTO_SIDE || height < MIN_PHOTO_SIDE) {
    return {
      ok: false,
      error: `The photo is ${width}×${height} pixels; upload one of at least ${MIN_PHOTO_SIDE} pixels on each side.`,
    };
  }
  if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE) {
    return {
      ok: false,
      error: `The photo must be at most ${MAX_PHOTO_SIDE}×${MAX_PHOTO_SIDE} pixels; this one is ${width}×${height}. Scale it down and upload it again.`,
    };
  }

  try {
    // Decoded once (capped at the same pixel count, so a header that lies cannot pass), upright, at most 1600 px.
    const large = await sharp(input, { limitInputPixels: MAX_PHOTO_SIDE * MAX_PHOTO_SIDE, failOn: 'error', pages: 1 })
      .timeout({ seconds: 30 })
      .rotate()
      .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { width: large.info.width, height: large.info.height, channels: large.info.channels };
    const from = () => sharp(large.data, { raw });
    const encode = async (image: ReturnType<typeof from>, size: PhotoSize): Promise<PhotoVariant> => {
      const out = await image.webp({ quality: quality[size], effort: 4 }).toBuffer({ resolveWithObject: true });
      return { webp: new Uint8Array(out.data), width: out.info.width, height: out.info.height };
    };
    const variants: Record<PhotoSize, PhotoVariant> = {
      1600: await encode(from(), 1600),
      640: await encode(from().resize({ width: 640, height: 640, fit: 'inside', withoutEnlargement: true }), 640),
      96: await encode(
        from().resize({ width: 96, height: 96, fit: 'contain', background: { r: 255, g: 255, b: 255, alpha: 0 } }),
        96,
      ),
    };
    const sha256 = createHash('sha256').update(variants[1600].webp).digest('hex');
    const total = variants[96].webp.length + variants[640].webp.length + variants[1600].webp.length;
    return { ok: true, photo: { sha256, variants, bytes: total } };
  } catch {
    return unreadable;
  }
}
