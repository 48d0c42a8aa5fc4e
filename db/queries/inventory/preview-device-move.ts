import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { Refusal } from '@/lib/refusal';
import { deviceMatch, SEARCH_CANDIDATE_CAP } from './device-filters';
import { MAX_DEVICES_PER_MOVE, moveScope, type DeviceSelection } from './move-devices';

export type DeviceMovePreview = {
  /** Exactly how many devices the selection matches now. */
  matching: number;
  /** How many of them are committed to orders (left out unless included). */
  committed: number;
  /** The statuses and warehouses they are in now (ids, at most a few), for "from … to …". */
  statusIds: number[];
  warehouseIds: number[];
};

/** How many distinct statuses or warehouses a preview names before it says "several". */
const MAX_NAMED_PLACES = 4;

/**
 * What a bulk move would touch, counted exactly in ONE statement, for the
 * confirmation ("Move 1,284 devices (37 committed) from any status to In
 * Repair?"). Asked for when staff press Move, not on every list page, so the
 * list keeps its capped count.
 */
export async function previewDeviceMove(
  db: DbOrTx,
  params: { sellerId: number; selection: DeviceSelection },
): Promise<DeviceMovePreview> {
  const { sellerId, selection } = params;
  const byIds = 'deviceIds' in selection;
  const ids = byIds ? [...new Set(selection.deviceIds)] : [];
  if (byIds && !ids.length) throw new Refusal('Select at least one device.', { code: 'empty' });
  const match = byIds ? null : deviceMatch({ sellerId, filters: selection.filters });
  const [row] = await queryRows<{ n: number; committed: number; candidates: number; status_ids: number[] | null; warehouse_ids: number[] | null }>(db, sql`
    with ${match?.kind === 'search' ? sql`${match.candidatesCte}, ` : sql``}matching as (
      select devices.status_id, devices.warehouse_id, devices.order_line_id from devices
      where ${moveScope(sellerId, match, ids)}
    )
    select count(*)::int as n,
           count(order_line_id)::int as committed,
           ${match?.kind === 'search' ? sql`(select count(*) from candidates)::int` : sql`0`} as candidates,
           (select array_agg(status_id) from (select distinct status_id from matching limit ${MAX_NAMED_PLACES + 1}) s) as status_ids,
           (select array_agg(warehouse_id) from (select distinct warehouse_id from matching limit ${MAX_NAMED_PLACES + 1}) w) as warehouse_ids
    from matching`);
  if (Number(row?.candidates ?? 0) > SEARCH_CANDIDATE_CAP) {
    throw new Refusal('The IMEI/serial search matches too many devices to move safely; type more of it.', { code: 'too_large' });
  }
  const matching = Number(row?.n ?? 0);
  if (byIds && matching !== ids.length) {
    throw new Refusal(`${ids.length - matching} of the selected devices are not in your inventory.`, { code: 'not_found' });
  }
  if (matching === 0) throw new Refusal('No devices match the filter.', { code: 'empty' });
  if (matching > MAX_DEVICES_PER_MOVE) {
    throw new Refusal(
      `${matching.toLocaleString('en-US')} devices match; one move takes at most ${MAX_DEVICES_PER_MOVE.toLocaleString('en-US')}. Narrow the filter and move them in parts.`,
      { code: 'too_large' },
    );
  }
  const toIds = (value: unknown): number[] => (Array.isArray(value) ? value.map(Number) : parseArray(value));
  return { matching, committed: Number(row?.committed ?? 0), statusIds: toIds(row?.status_ids), warehouseIds: toIds(row?.warehouse_ids) };
}

/** PGlite and postgres.js may hand an int[] back as its text form ("{1,2}"). */
function parseArray(value: unknown): number[] {
  if (typeof value !== 'string') return [];
  return value.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);
}
