/** Largest logo accepted, shared by the browser check and the server check. */
export const MAX_LOGO_BYTES = 200 * 1024;
