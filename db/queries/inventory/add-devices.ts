import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { textArray } from '@/db/sql-arrays';
import { recordAudit, type AuditActor } from '@/db/queries/audit';
import { splitPastedIdentifiers } from '@/lib/imei';
import {
  checkIdentifierBatch,
  firstValidEntries,
  identifierKey,
  MAX_DEVICES_PER_BATCH,
  type IdentifierKind,
} from '@/lib/inventory/identifiers';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { findDeviceTargets, type DeviceTargets } from './device-targets';
import { isUniqueViolation } from '@/db/errors';
import { findKnownIdentifiers } from './known-identifiers';

export type AddPastedDevicesInput = {
  sellerId: number;
  actor: AuditActor;
  kind: IdentifierKind;
  /** As pasted: one per line (commas, tabs and spaces also separate). */
  text: string;
  productId: number;
  warehouseId: number;
  statusId: number;
  /** Minor units, or null when unknown. */
  cost: number | null;
  /** YYYY-MM-DD; today when omitted. */
  receivedOn?: string;
};

/**
 * Adds devices from a paste, all or nothing: every bad line (format, check
 * digit, repeat within the paste, already in this seller's inventory) is
 * reported with its line and nothing is written. The devices go in as one
 * INSERT … SELECT FROM unnest, so the availability triggers run once.
 */
export async function addPastedDevices(
  db: DbOrTx,
  input: AddPastedDevicesInput,
): Promise<{ added: number }> {
  const entries = splitPastedIdentifiers(input.text);
  const noun = input.kind === 'imei' ? 'IMEIs' : 'serial numbers';
  if (!entries.length) {
    throw new Refusal(`Paste at least one of the ${noun}, one per line.`, { code: 'empty', fieldErrors: { identifiers: [`Paste the ${noun}, one per line.`] } });
  }
  if (entries.length > MAX_DEVICES_PER_BATCH) {
    throw new Refusal(
      `That paste holds ${entries.length.toLocaleString('en-US')} ${noun}; add at most ${MAX_DEVICES_PER_BATCH.toLocaleString('en-US')} at a time. Nothing was added.`,
      { code: 'too_large' },
    );
  }

  try {
    return await db.transaction(async (tx) => {
      const targets = await findAddTargets(tx, input);
      const problems = await refusedLines(tx, { sellerId: input.sellerId, kind: input.kind, entries });
      if (problems.length) {
        const count = problems.length === 1 ? '1 line was' : `${problems.length} lines were`;
        throw new Refusal(`${count} refused, so nothing was added. Fix or remove ${problems.length === 1 ? 'it' : 'them'} and add again.`, { problems });
      }

      const values = entries.map((e) => e.value);
      const [inserted] = await queryRows<{ n: number }>(tx, sql`
        with added as (
          insert into devices (seller_id, imei, serial, product_id, warehouse_id, status_id, cost, received_on)
          select ${input.sellerId},
                 ${input.kind === 'imei' ? sql`v` : sql`null`},
                 ${input.kind === 'serial' ? sql`v` : sql`null`},
                 ${targets.product.id}, ${targets.warehouse.id}, ${targets.status.id},
                 ${input.cost}::bigint, coalesce(${input.receivedOn ?? null}::date, current_date)
          from unnest(${textArray(values)}) as t(v)
          returning 1
        )
        select count(*)::int as n from added`);
      const added = Number(inserted?.n ?? 0);
      await recordAudit(tx, {
        sellerId: input.sellerId,
        actor: input.actor,
        action: 'devices.add',
        entityType: 'product',
        entityId: targets.product.id,
        details: {
          count: added,
          kind: input.kind,
          sku: targets.product.sku,
          warehouse: targets.warehouse.code,
          status: targets.status.name,
        },
      });
      return { added };
    });
  } catch (error) {
    // Someone else added one of these between our check and our insert.
    if (isUniqueViolation(error)) {
      throw new Refusal(`Some of these ${noun} were added by someone else a moment ago. Nothing was added; add again to see which.`, { code: 'conflict' });
    }
    throw error;
  }
}

type AddTargets = { [K in keyof DeviceTargets]: NonNullable<DeviceTargets[K]> };

/** The product, warehouse and status the devices go to, each refused by field unless it is this seller's. */
async function findAddTargets(tx: DbOrTx, input: AddPastedDevicesInput): Promise<AddTargets> {
  const targets = await findDeviceTargets(tx, input);
  const fieldErrors: Record<string, string[]> = {};
  if (!targets.product) fieldErrors.productId = ['Choose one of your products.'];
  if (!targets.warehouse) fieldErrors.warehouseId = ['Choose one of your warehouses.'];
  if (!targets.status) fieldErrors.statusId = ['Choose one of your inventory statuses.'];
  if (!targets.product || !targets.warehouse || !targets.status) {
    throw new Refusal('Nothing was added: check the highlighted fields.', { code: 'invalid', fieldErrors });
  }
  return { product: targets.product, warehouse: targets.warehouse, status: targets.status };
}

/** Every refused line, by line: bad format or check digit, a repeat within the paste, already in this seller's inventory. */
async function refusedLines(
  tx: DbOrTx,
  params: { sellerId: number; kind: IdentifierKind; entries: readonly { value: string; line: number }[] },
): Promise<LineProblem[]> {
  const { kind, entries } = params;
  const problems: LineProblem[] = checkIdentifierBatch(kind, entries);
  const candidates = firstValidEntries(kind, entries);
  const known = await findKnownIdentifiers(tx, {
    sellerId: params.sellerId,
    imeis: kind === 'imei' ? candidates.map((e) => e.value) : [],
    serials: kind === 'serial' ? candidates.map((e) => e.value) : [],
  });
  const knownKeys = kind === 'imei' ? known.imeis : known.serials;
  for (const e of candidates) {
    if (knownKeys.has(identifierKey(kind, e.value))) problems.push({ line: e.line, value: e.value, reason: 'already in your inventory' });
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
