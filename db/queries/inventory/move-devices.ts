import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { intArray } from '@/db/sql-arrays';
import { recordAudit, type AuditActor } from '@/db/queries/audit';
import { Refusal } from '@/lib/refusal';
import { deviceMatch, SEARCH_CANDIDATE_CAP, type DeviceFilters, type DeviceMatch } from './device-filters';
import { matchingCountQuery } from './device-list';
import { findDeviceTargets, type DeviceTargets } from './device-targets';

/** Most devices one "move all matching" may touch; a larger move is narrowed by filter first. */
export const MAX_DEVICES_PER_MOVE = 50_000;

export type DeviceSelection = { deviceIds: readonly number[] } | { filters: DeviceFilters };

export type MoveDevicesParams = {
  sellerId: number;
  actor: AuditActor;
  selection: DeviceSelection;
  statusId?: number | null;
  warehouseId?: number | null;
  /** Committed devices move only when the staff user ticked "Include the N committed devices". */
  includeCommitted?: boolean;
};

export type MoveOutcome = {
  /** Devices moved, of which `committed` are committed to orders. */
  moved: number;
  committed: number;
  /** Committed devices that matched but stayed where they were (not included). */
  leftOut: number;
};

/**
 * Moves the selected devices (by id, or everything matching a filter) to
 * another status and/or warehouse in ONE UPDATE. Devices committed to orders
 * are left where they are unless `includeCommitted`; the availability
 * triggers follow. Ids of another seller are refused and nothing moves.
 */
export async function moveDevices(db: DbOrTx, params: MoveDevicesParams): Promise<MoveOutcome> {
  const { sellerId, selection } = params;
  if (!params.statusId && !params.warehouseId) {
    throw new Refusal('Choose a status or a warehouse to move the devices to.', {
      code: 'invalid',
      fieldErrors: { statusId: ['Choose a status or a warehouse.'] },
    });
  }
  const byIds = 'deviceIds' in selection;
  const ids = byIds ? [...new Set(selection.deviceIds)] : [];
  const filters = byIds ? null : selection.filters;
  if (byIds && !ids.length) throw new Refusal('Select at least one device.', { code: 'empty' });

  return db.transaction(async (tx) => {
    const targets = await findMoveTargets(tx, params);
    const match = filters ? deviceMatch({ sellerId, filters }) : null;
    if (filters) await checkMatchingCount(tx, { sellerId, filters });

    // The rows are locked in id order first: two moves over overlapping devices then queue
    // behind each other instead of deadlocking (an UPDATE locks in whatever order its plan reads).
    // Committed devices are locked too (they are counted as left out), but only moved when included.
    const include = params.includeCommitted === true;
    const [row] = await queryRows<{ matched: number; matched_committed: number; n: number; committed: number }>(tx, sql`
      with ${match?.kind === 'search' ? sql`${match.candidatesCte}, ` : sql``}locked as (
        select devices.id, devices.order_line_id from devices where ${moveScope(sellerId, match, ids)} order by devices.id for update
      ), moved as (
        update devices set
          status_id = coalesce(${targets.status?.id ?? null}::int, status_id),
          warehouse_id = coalesce(${targets.warehouse?.id ?? null}::int, warehouse_id),
          updated_at = now()
        where devices.id in (select id from locked where ${include}::boolean or order_line_id is null)
        returning order_line_id
      )
      select (select count(*) from locked)::int as matched,
             (select count(order_line_id) from locked)::int as matched_committed,
             (select count(*) from moved)::int as n,
             (select count(order_line_id) from moved)::int as committed`);
    const matched = Number(row?.matched ?? 0);
    if (byIds && matched !== ids.length) {
      // Thrown inside the transaction, so the update rolls back: a selection that is not wholly ours moves nothing.
      throw new Refusal(`${ids.length - matched} of the selected devices are not in your inventory. Nothing was moved.`, { code: 'not_found' });
    }
    const count = Number(row?.n ?? 0);
    const committed = Number(row?.committed ?? 0);
    const leftOut = Number(row?.matched_committed ?? 0) - committed;
    if (count === 0 && leftOut > 0) {
      throw new Refusal(
        `Nothing was moved: the ${devicesWord(leftOut)} that match are all committed to orders. Include the committed devices to move them.`,
        { code: 'empty' },
      );
    }
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'devices.move',
      entityType: 'device',
      details: {
        count,
        committed,
        ...(leftOut ? { leftOut } : {}),
        ...(include ? { includeCommitted: true } : {}),
        selection: byIds ? 'selected' : 'filter',
        ...(filters ? { filters } : {}),
        ...(targets.status ? { status: targets.status.name } : {}),
        ...(targets.warehouse ? { warehouse: targets.warehouse.code } : {}),
      },
    });
    return { moved: count, committed, leftOut };
  });
}

function devicesWord(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'device' : 'devices'}`;
}

/** The target status and warehouse, refused unless they are this seller's. */
async function findMoveTargets(tx: DbOrTx, params: MoveDevicesParams): Promise<DeviceTargets> {
  const targets = await findDeviceTargets(tx, params);
  if (params.statusId && !targets.status) {
    throw new Refusal('That status is not one of yours.', { code: 'invalid', fieldErrors: { statusId: ['Choose one of your statuses.'] } });
  }
  if (params.warehouseId && !targets.warehouse) {
    throw new Refusal('That warehouse is not one of yours.', { code: 'invalid', fieldErrors: { warehouseId: ['Choose one of your warehouses.'] } });
  }
  return targets;
}

/** A filter move must match something, and not more than one move may touch. */
async function checkMatchingCount(tx: DbOrTx, params: { sellerId: number; filters: DeviceFilters }): Promise<void> {
  const [row] = await queryRows<{ n: number; candidates: number }>(tx, matchingCountQuery({ ...params, cap: MAX_DEVICES_PER_MOVE }));
  const n = Number(row?.n ?? 0);
  if (Number(row?.candidates ?? 0) > SEARCH_CANDIDATE_CAP) {
    throw new Refusal('The IMEI/serial search matches too many devices to move safely; type more of it. Nothing was moved.', { code: 'too_large' });
  }
  if (n === 0) throw new Refusal('No devices match the filter; nothing was moved.', { code: 'empty' });
  if (n > MAX_DEVICES_PER_MOVE) {
    throw new Refusal(
      `More than ${MAX_DEVICES_PER_MOVE.toLocaleString('en-US')} devices match; narrow the filter and move them in parts. Nothing was moved.`,
      { code: 'too_large' },
    );
  }
}

/** Which devices the UPDATE touches: the ids (of this seller only), or the filter's match. */
export function moveScope(sellerId: number, match: DeviceMatch | null, ids: number[]): SQL {
  if (!match) return sql`devices.seller_id = ${sellerId} and devices.id = any(${intArray(ids)})`;
  return match.kind === 'search' ? sql`${match.where} and devices.id in (select id from candidates)` : match.where;
}
