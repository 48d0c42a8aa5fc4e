/**
 * The keyset cursor of the inventory list, as the list query reads it and as
 * it travels in the URL (`?after=2025-01-31.12345`). Pure, so the filter
 * links in the browser and the query on the server share one format.
 */

/** A position in the list: the list is ordered by received date, then id, both descending. */
export type DeviceKey = { receivedOn: string; id: number };

/** `after` = the last row of the page before (for "Next"); `before` = the first row of the page after (for "Previous"). */
export type DevicePageCursor = { after?: DeviceKey; before?: DeviceKey };

/** A cursor as it travels in the URL: `2025-01-31.12345`. */
export function formatDeviceKey(key: DeviceKey): string {
  return `${key.receivedOn}.${key.id}`;
}

export function parseDeviceKey(value: string | undefined | null): DeviceKey | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})\.(\d{1,10})$/.exec(value ?? '');
  if (!m) return undefined;
  const id = Number(m[2]);
  return Number.isSafeInteger(id) && id > 0 && !Number.isNaN(Date.parse(m[1]!)) ? { receivedOn: m[1]!, id } : undefined;
}
