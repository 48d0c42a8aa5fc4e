import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';

/**
 * Condition data for every device of a seller that has none yet (no test source), with a
 * wholesaler's usual spread: about 45% of batteries at 90%+, 35% at 80–89%, 8% below, 12% not
 * measured; 70% unlocked, 25% carrier locked; 95% clean, 2% blacklisted; a few activation, MDM or
 * FRP locks and failed functional tests. Derived from a hash of the device id, so one seed always
 * gives the same data; one set-based UPDATE per 200,000 devices (the availability triggers run
 * once per statement). Used by the bench for databases seeded before devices had condition data (the demo seed writes it as it inserts: demo-condition.ts).
 */
export async function giveDevicesConditionData(db: DbOrTx, params: { sellerId: number }): Promise<number> {
  const [range] = await queryRows<{ lo: number | null; hi: number | null }>(db, sql`
    select min(id)::int as lo, max(id)::int as hi from devices where seller_id = ${params.sellerId} and test_source is null`);
  if (range?.lo == null || range.hi == null) return 0;
  let updated = 0;
  for (let from = Number(range.lo); from <= Number(range.hi); from += 200_000) {
    const [done] = await queryRows<{ n: number }>(db, sql`
      with changed as (update devices d set
        battery_health = case when r.b < 120 then null when r.b < 570 then 90 + r.b % 11 when r.b < 920 then 80 + r.b % 10 else 70 + r.b % 10 end,
        battery_cycles = case when r.b < 120 then null else 50 + r.b % 700 end,
        carrier_lock = case when r.l < 700 then 'unlocked' when r.l < 950 then 'locked' else 'unknown' end,
        carrier = case when r.l >= 700 and r.l < 950 then (array['AT&T', 'Verizon', 'T-Mobile'])[1 + r.l % 3] end,
        blacklist_status = case when r.k < 950 then 'clean' when r.k < 970 then 'blacklisted' else 'unknown' end,
        activation_lock = case when r.a < 970 then 'off' when r.a < 990 then 'on' else 'unknown' end,
        mdm_lock = case when r.a % 97 = 0 then 'on' else 'off' end,
        frp_lock = case when r.k % 89 = 0 then 'on' else 'off' end,
        functional_test = case when r.t < 900 then 'pass' when r.t < 970 then 'fail' end,
        failed_checks = case when r.t >= 900 and r.t < 970 then array[(array['Face ID', 'Speaker', 'Camera', 'Touch'])[1 + r.t % 4]] else '{}' end,
        tested_at = now() - make_interval(days => r.t % 90),
        test_source = 'Demo diagnostics'
      from (
        select id, abs(hashint4extended(id, 1) % 1000)::int as b, abs(hashint4extended(id, 2) % 1000)::int as l,
          abs(hashint4extended(id, 3) % 1000)::int as k, abs(hashint4extended(id, 4) % 1000)::int as a,
          abs(hashint4extended(id, 5) % 1000)::int as t
        from devices
        where seller_id = ${params.sellerId} and id between ${from} and ${from + 199_999} and test_source is null
      ) r
      where d.id = r.id
      returning 1)
      select count(*)::int as n from changed`);
    updated += Number(done?.n ?? 0);
  }
  return updated;
}
