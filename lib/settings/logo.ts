/**
 * The portal logo. An upload is checked (bytes, type from the file's own
 * first bytes, pixel dimensions from its header), then decoded once, here,
 * and re-encoded as a PNG that fits LOGO_BOX, with transparency kept and any
 * metadata (EXIF, GPS, colour profiles) dropped. Only that PNG is stored and
 * served; nothing else ever decodes the upload. SVG is refused: it can carry
 * script.
 */
import { createHash } from 'node:crypto';
import { LOGO_BOX, MAX_LOGO_BYTES, MAX_LOGO_SOURCE } from './logo-limits';

export { LOGO_BOX, MAX_LOGO_BYTES, MAX_LOGO_SOURCE };

export type LogoChange =
  | { kind: 'keep' }
  | { kind: 'remove' }
  | { kind: 'upload'; bytes: Uint8Array };

/** The logo as stored: a bounded PNG and its SHA-256, which names its URL. */
export type PreparedLogo = { png: Uint8Array; sha256: string; width: number; height: number };

export type LogoCheck = { ok: true; logo: PreparedLogo } | { ok: false; error: string };

/** Above this, a true-colour PNG is re-encoded with a 256-colour palette (a photo-like logo). */
const PALETTE_ABOVE_BYTES = 150 * 1024;

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

export function sniffImageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** The cheap checks, before any image library sees the bytes. */
export function checkLogoFile(bytes: Uint8Array): { ok: true } | { ok: false; error: string } {
  if (bytes.length === 0) return { ok: false, error: 'The logo file is empty.' };
  if (bytes.length > MAX_LOGO_BYTES) {
    return {
      ok: false,
      error: `The logo is ${Math.ceil(bytes.length / 1024)} KB; upload an image of ${MAX_LOGO_BYTES / 1024} KB or less.`,
    };
  }
  if (!sniffImageType(bytes)) return { ok: false, error: 'Upload the logo as a PNG, JPEG or WebP image (SVG is not accepted).' };
  return { ok: true };
}

const unreadable = { ok: false, error: 'The logo could not be read as an image. Save it again as a PNG, JPEG or WebP and upload that.' } as const;

/**
 * Checks an upload and re-encodes it for storage. The dimensions come from
 * the image header (no pixel is decoded for that); an image larger than
 * MAX_LOGO_SOURCE is refused, naming the limit. The decoder itself is capped
 * at the same number of pixels, so a header that lies cannot pass either.
 */
export async function prepareLogo(bytes: Uint8Array): Promise<LogoCheck> {
  const file = checkLogoFile(bytes);
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
  if (width > MAX_LOGO_SOURCE.width || height > MAX_LOGO_SOURCE.height) {
    return {
      ok: false,
      error: `The logo must be at most ${MAX_LOGO_SOURCE.width}×${MAX_LOGO_SOURCE.height} pixels; this one is ${width}×${height}. Scale it down and upload it again.`,
    };
  }

  try {
    const decode = () =>
      sharp(input, { limitInputPixels: MAX_LOGO_SOURCE.width * MAX_LOGO_SOURCE.height, failOn: 'error', pages: 1 })
        .rotate() // EXIF orientation, before the metadata is dropped
        .resize({ width: LOGO_BOX.width, height: LOGO_BOX.height, fit: 'inside', withoutEnlargement: true });
    let out = await decode().png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
    if (out.data.length > PALETTE_ABOVE_BYTES) out = await decode().png({ compressionLevel: 9, palette: true }).toBuffer({ resolveWithObject: true });
    const png = new Uint8Array(out.data);
    return {
      ok: true,
      logo: { png, width: out.info.width, height: out.info.height, sha256: createHash('sha256').update(png).digest('hex') },
    };
  } catch {
    return unreadable;
  }
}

/** A short description for the audit log (the image itself is not logged). */
export function describeLogo(logo: { width: number; height: number; bytes: number; sha256: string } | null): string | null {
  if (!logo) return null;
  return `image/png ${logo.width}×${logo.height} (${Math.max(1, Math.round(logo.bytes / 1024))} KB, ${logo.sha256.slice(0, 8)})`;
}

/** The bytes of a `data:` URL (the way logos were stored before), or null. */
export function dataUrlBytes(dataUrl: string): Uint8Array | null {
  const match = /^data:[^;,]+;base64,(.*)$/s.exec(dataUrl);
  return match ? new Uint8Array(Buffer.from(match[1]!, 'base64')) : null;
}
