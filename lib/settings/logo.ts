/**
 * The portal logo is stored as a small data: URL. The type comes from the
 * file's own first bytes, never from the browser's claim, and only raster
 * formats are taken: an SVG can carry script, so it is refused.
 */
import { MAX_LOGO_BYTES } from './logo-limits';

export { MAX_LOGO_BYTES };

export type LogoChange =
  | { kind: 'keep' }
  | { kind: 'remove' }
  | { kind: 'upload'; bytes: Uint8Array };

export type LogoCheck = { ok: true; dataUrl: string; mimeType: string } | { ok: false; error: string };

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

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, error: 'The logo file is empty.' };
  if (bytes.length > MAX_LOGO_BYTES) {
    return {
      ok: false,
      error: `The logo is ${Math.ceil(bytes.length / 1024)} KB; upload an image of ${MAX_LOGO_BYTES / 1024} KB or less.`,
    };
  }
  const mimeType = sniffImageType(bytes);
  if (!mimeType) return { ok: false, error: 'Upload the logo as a PNG, JPEG or WebP image (SVG is not accepted).' };
  return { ok: true, mimeType, dataUrl: `data:${mimeType};base64,${Buffer.from(bytes).toString('base64')}` };
}

/** A short description for the audit log (the image itself is not logged). */
export function describeLogo(dataUrl: string | null): string | null {
  if (!dataUrl) return null;
  const match = /^data:([^;]+);base64,(.*)$/.exec(dataUrl);
  if (!match) return 'image';
  const kb = Math.max(1, Math.round((match[2]!.length * 3) / 4 / 1024));
  return `${match[1]} (${kb} KB)`;
}
