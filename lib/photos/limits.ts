/** What a photo upload may be, shared by the browser's check and the server's. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Each side of an uploaded photo, in pixels: smaller is too blurry to judge a device by, larger is refused before decoding. */
export const MIN_PHOTO_SIDE = 200;
export const MAX_PHOTO_SIDE = 8000;
/** Photos one upload may carry (the request body limit in next.config.ts bounds their total). */
export const MAX_PHOTOS_PER_UPLOAD = 1;
export const MAX_ALT_LENGTH = 200;

/**
 * The web sizes every photo is stored at, by the pixel size its URL names:
 * 96 (a square thumbnail for lists), 640 (galleries) and 1600 (full view).
 */
export const PHOTO_SIZES = [96, 640, 1600] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];
