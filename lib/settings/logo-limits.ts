/** Largest logo accepted, shared by the browser check and the server check. */
export const MAX_LOGO_BYTES = 200 * 1024;

/**
 * Largest image the server decodes: a 150 KB PNG can declare 20000×20000
 * pixels (1.6 GB once decoded), so dimensions are read from the header and
 * refused before any decoding.
 */
export const MAX_LOGO_SOURCE = { width: 2000, height: 2000 } as const;

/** The box the stored logo fits in (a header is 32–40 px high; this leaves room for 5× screens and print). */
export const LOGO_BOX = { width: 600, height: 200 } as const;
