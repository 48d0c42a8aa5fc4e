import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { intArray } from '@/db/sql-arrays';
import { recordAudit, type AuditActor } from '@/db/queries/audit';
import { refuse, type Outcome } from '@/lib/inventory/outcome';
import { deviceMatch, SEARCH_CANDIDATE_CAP, type DeviceFilters } from './device-filters';
import { matchingCountQuery } from './device-list';
import { findDeviceTargets } from './device-targets';

/** Most devices one "move all matching" may touch; a larger move is narrowed by filter first. */
export const MAX_DEVICES_PER_MOVE = 50_000;

export type DeviceSelection = { deviceIds: readonly number[] } | { filters: DeviceFilters };

class MoveRefused extends Error {}

/**
 * Moves the selected devices (by id, or everything matching a filter) to
 * another status and/or warehouse in ONE UPDATE. Committed devices move too;
 * the availability triggers follow. Ids of another seller are refused and
 * nothing moves.
 */
export async function moveDevices(
  db: DbOrTx,
  params: {
    sellerId: number;
    actor: AuditActor;
    selection: DeviceSelection;
    statusId?: number | null;
    warehouseId?: number | null;
  },
): Promise<Outcome<{ moved: number; committed: number }>> {
  const { sellerId, selection } = params;
  if (!params.statusId && !params.warehouseId) {
    return refuse('Choose a status or a warehouse to move the devices to.', {
      fieldErrors: { statusId: ['Choose a status or a warehouse.'] },
    });
  }
  const byIds = 'deviceIds' in selection;
  const ids = byIds ? [...new Set(selection.deviceIds)] : [];
  const filters = byIds ? null : selection.filters;
  if (byIds && !ids.length) return refuse('Select at least one device.');

  try {
    return await db.transaction(async (tx) => {
      const targets = await findDeviceTargets(tx, params);
      if (params.statusId && !targets.status) return refuse('That status is not one of yours.', { fieldErrors: { statusId: ['Choose one of your statuses.'] } });
      if (params.warehouseId && !targets.warehouse) return refuse('That warehouse is not one of yours.', { fieldErrors: { warehouseId: ['Choose one of your warehouses.'] } });

      const match = filters ? deviceMatch(sellerId, filters) : null;
      const where = match ? match.where : sql`devices.seller_id = ${sellerId} and devices.id = any(${intArray(ids)})`;
      const ctes = match?.kind === 'search' ? sql`${match.candidatesCte}, ` : sql``;
      const scope = match?.kind === 'search' ? sql` and devices.id in (select id from candidates)` : sql``;
      if (filters) {
        const [row] = await queryRows<{ n: number; candidates: number }>(tx, matchingCountQuery({ sellerId, filters, cap: MAX_DEVICES_PER_MOVE }));
        const n = Number(row?.n ?? 0);
        if (Number(row?.candidates ?? 0) > SEARCH_CANDIDATE_CAP) {
          return refuse('The IMEI/serial search matches too many devices to move safely; type more of it. Nothing was moved.');
        }
        if (n === 0) return refuse('No devices match the filter; nothing was moved.');
        if (n > MAX_DEVICES_PER_MOVE) {
          return refuse(`More than ${MAX_DEVICES_PER_MOVE.toLocaleString('en-US')} devices match; narrow the filter and move them in parts. Nothing was moved.`);
        }
      }

      const [moved] = await queryRows<{ n: number; committed: number }>(tx, sql`
        with ${ctes}moved as (
          update devices set
            status_id = coalesce(${targets.status?.id ?? null}::int, status_id),
            warehouse_id = coalesce(${targets.warehouse?.id ?? null}::int, warehouse_id),
            updated_at = now()
          where ${where}${scope}
          returning order_line_id
        )
        select count(*)::int as n, count(order_line_id)::int as committed from moved`);
      const count = Number(moved?.n ?? 0);
      if (byIds && count !== ids.length) {
        // Rolls the update back: a selection that is not wholly ours moves nothing.
        throw new MoveRefused(`${ids.length - count} of the selected devices are not in your inventory. Nothing was moved.`);
      }
      const committed = Number(moved?.committed ?? 0);
      await recordAudit(tx, {
        sellerId,
        actor: params.actor,
        action: 'devices.move',
        entityType: 'device',
        details: {
          count,
          committed,
          selection: byIds ? 'selected' : 'filter',
          ...(filters ? { filters } : {}),
          ...(targets.status ? { status: targets.status.name } : {}),
          ...(targets.warehouse ? { warehouse: targets.warehouse.code } : {}),
        },
      });
      return { ok: true as const, moved: count, committed };
    });
  } catch (error) {
    if (error instanceof MoveRefused) return refuse(error.message);
    throw error;
  }
}
