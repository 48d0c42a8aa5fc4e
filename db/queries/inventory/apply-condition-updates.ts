import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { intArray, textArray } from '@/db/sql-arrays';
import type { AuditActor } from '@/db/queries/audit';
import type { ConditionUpdate } from '@/lib/inventory/diagnostics-csv';

/** Separates failed checks inside one array cell (PostgreSQL cannot unnest arrays of arrays). */
const CHECK_SEPARATOR = '\u001f';

/** A device's condition as a JSON object keyed like `DeviceCondition`, from the row alias `x`. */
export function conditionJson(x: string): SQL {
  const c = (column: string) => sql.raw(`${x}.${column}`);
  return sql`jsonb_build_object(
    'batteryHealth', ${c('battery_health')}, 'batteryCycles', ${c('battery_cycles')},
    'carrierLock', ${c('carrier_lock')}, 'carrier', ${c('carrier')}, 'blacklistStatus', ${c('blacklist_status')},
    'activationLock', ${c('activation_lock')}, 'mdmLock', ${c('mdm_lock')}, 'frpLock', ${c('frp_lock')},
    'functionalTest', ${c('functional_test')}, 'failedChecks', to_jsonb(${c('failed_checks')}),
    'cosmeticNotes', ${c('cosmetic_notes')}, 'testedAt', ${c('tested_at')}, 'testSource', ${c('test_source')})`;
}

export type ConditionUpdateRow = { deviceId: number; update: ConditionUpdate };

/**
 * Sets the given condition values on the seller's devices in ONE statement: the
 * values travel as one array per column (`unnest`), a null cell leaves that column
 * as it is. The same statement locks the devices in id order, and records one audit
 * entry with the count and, per device that changed, only the values that changed
 * (before → after). Devices of another seller are not touched (and not counted).
 * Run inside the caller's transaction.
 */
export async function applyConditionUpdates(
  tx: DbOrTx,
  params: {
    sellerId: number;
    actor: AuditActor;
    action: string;
    details: Record<string, unknown>;
    rows: readonly ConditionUpdateRow[];
  },
): Promise<{ updated: number; changed: number }> {
  const { sellerId, rows } = params;
  if (!rows.length) return { updated: 0, changed: 0 };
  const col = <T, C extends string | number | null>(pick: (u: ConditionUpdate) => T | undefined, toCell: (v: T) => C): (C | null)[] =>
    rows.map((r) => {
      const v = pick(r.update);
      return v === undefined ? null : toCell(v);
    });
  const text = (v: string | null) => v;
  const actorStaffId = 'staffUserId' in params.actor ? params.actor.staffUserId : null;
  const actorLabel = 'staffUserId' in params.actor ? params.actor.name : params.actor.label;

  const [row] = await queryRows<{ updated: number; changed: number }>(tx, sql`
    with t as (
      select * from unnest(
        ${intArray(rows.map((r) => r.deviceId))},
        ${intArray(col((u) => u.batteryHealth, (v) => v))},
        ${intArray(col((u) => u.batteryCycles, (v) => v))},
        ${textArray(col((u) => u.carrierLock, text))},
        ${textArray(col((u) => u.carrier, (v) => v ?? ''))},
        ${textArray(col((u) => u.blacklistStatus, text))},
        ${textArray(col((u) => u.activationLock, text))},
        ${textArray(col((u) => u.mdmLock, text))},
        ${textArray(col((u) => u.frpLock, text))},
        ${textArray(col((u) => u.functionalTest, (v) => v ?? ''))},
        ${textArray(col((u) => u.failedChecks, (v) => v.join(CHECK_SEPARATOR)))},
        ${textArray(col((u) => u.cosmeticNotes, (v) => v ?? ''))},
        ${textArray(col((u) => u.testedAt, (v) => (v ? v.toISOString() : '')))},
        ${textArray(col((u) => u.testSource, (v) => v ?? ''))}
      ) as t(device_id, battery_health, battery_cycles, carrier_lock, carrier, blacklist_status, activation_lock,
             mdm_lock, frp_lock, functional_test, failed_checks, cosmetic_notes, tested_at, test_source)
    ),
    old as (
      -- The devices with the values to set, locked in id order; joined through the
      -- primary key (never CTE to CTE, which the planner may loop over quadratically).
      select d.id, coalesce(d.imei, d.serial) as identifier, ${conditionJson('d')} as before,
             t.battery_health as v_battery_health, t.battery_cycles as v_battery_cycles, t.carrier_lock as v_carrier_lock,
             t.carrier as v_carrier, t.blacklist_status as v_blacklist_status, t.activation_lock as v_activation_lock,
             t.mdm_lock as v_mdm_lock, t.frp_lock as v_frp_lock, t.functional_test as v_functional_test,
             t.failed_checks as v_failed_checks, t.cosmetic_notes as v_cosmetic_notes, t.tested_at as v_tested_at,
             t.test_source as v_test_source
      from t join devices d on d.id = t.device_id and d.seller_id = ${sellerId}
      order by d.id for update of d
    ),
    upd as (
      update devices d set
        battery_health = coalesce(o.v_battery_health::smallint, d.battery_health),
        battery_cycles = coalesce(o.v_battery_cycles, d.battery_cycles),
        carrier_lock = coalesce(o.v_carrier_lock, d.carrier_lock),
        carrier = case when o.v_carrier is null then d.carrier else nullif(o.v_carrier, '') end,
        blacklist_status = coalesce(o.v_blacklist_status, d.blacklist_status),
        activation_lock = coalesce(o.v_activation_lock, d.activation_lock),
        mdm_lock = coalesce(o.v_mdm_lock, d.mdm_lock),
        frp_lock = coalesce(o.v_frp_lock, d.frp_lock),
        functional_test = case when o.v_functional_test is null then d.functional_test else nullif(o.v_functional_test, '') end,
        failed_checks = case when o.v_failed_checks is null then d.failed_checks
                             else string_to_array(o.v_failed_checks, ${CHECK_SEPARATOR}) end,
        cosmetic_notes = case when o.v_cosmetic_notes is null then d.cosmetic_notes else nullif(o.v_cosmetic_notes, '') end,
        tested_at = case when o.v_tested_at is null then d.tested_at else nullif(o.v_tested_at, '')::timestamptz end,
        test_source = case when o.v_test_source is null then d.test_source else nullif(o.v_test_source, '') end,
        updated_at = now()
      from old o
      where d.id = o.id and d.seller_id = ${sellerId}
      returning d.id, o.identifier, o.before, ${conditionJson('d')} as after
    ),
    changed as (
      select id, identifier,
             (select jsonb_object_agg(b.key, b.value) from jsonb_each(before) b where b.value is distinct from after -> b.key) as before,
             (select jsonb_object_agg(a.key, a.value) from jsonb_each(after) a where a.value is distinct from before -> a.key) as after
      from upd where before is distinct from after
    ),
    audit as (
      insert into audit_entries (seller_id, actor_staff_id, actor_label, action, entity_type, entity_id, details)
      select ${sellerId}, ${actorStaffId}::int, ${actorLabel}, ${params.action}, 'device', null,
             ${JSON.stringify(params.details)}::jsonb || jsonb_build_object(
               'count', (select count(*) from upd), 'changed', count(*),
               'devices', coalesce(jsonb_agg(jsonb_build_object('id', id, 'identifier', identifier, 'before', before, 'after', after) order by id), '[]'::jsonb))
      from changed
      returning 1
    )
    select (select count(*) from upd)::int as updated, (select count(*) from changed)::int as changed,
           (select count(*) from audit)::int as audited`);
  return { updated: Number(row?.updated ?? 0), changed: Number(row?.changed ?? 0) };
}
