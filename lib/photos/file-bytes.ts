/** The bytes of an uploaded form file, or null when no file was chosen. */
export async function fileBytes(value: unknown): Promise<Uint8Array | null> {
  if (typeof File === 'undefined' || !(value instanceof File) || value.size === 0) return null;
  return new Uint8Array(await value.arrayBuffer());
}
