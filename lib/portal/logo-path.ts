/**
 * Where a seller's logo is served. The content hash is part of the URL, so the
 * file can be cached for a year and a new logo is simply a new URL.
 */
export function portalLogoPath(logo: { slug: string; sha256: string }): string {
  return `/p/${encodeURIComponent(logo.slug)}/logo/${logo.sha256}.png`;
}

/** The hash named by a logo file name (`{sha256}.png`), or null for anything else. */
export function logoFileHash(file: string): string | null {
  return /^([0-9a-f]{64})\.png$/.exec(file)?.[1] ?? null;
}
