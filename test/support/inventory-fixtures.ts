import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { queryRows } from '@/db/rows';
import { sequentialImei } from '@/lib/imei';
import { isRefusal, type LineProblem } from '@/lib/refusal';
import type { SellerFixture } from './fixtures';

let counter = 0;

/** A write as the inventory and product tests read it: the value with `ok: true`, or the refusal's parts. */
export type WriteOutcome<T> =
  | ({ ok: true } & T)
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; problems?: LineProblem[] };

/**
 * Runs a write that throws a Refusal and reads it as an outcome: a value
 * becomes `{ ok: true, ...value }`, a thrown Refusal `{ ok: false, message,
 * fieldErrors, problems }` (each only when present). Lets the tests keep
 * asserting the problems by line, value and reason.
 */
export async function outcomeOf<T extends object>(write: Promise<T>): Promise<WriteOutcome<T>> {
  try {
    return { ok: true, ...(await write) };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return {
      ok: false,
      message: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error.problems.length ? { problems: error.problems } : {}),
    };
  }
}

/** Fresh valid IMEIs that no other fixture hands out (prefix 86, unlike fixtures.ts's 99). */
export function freshImeis(n: number): string[] {
  return Array.from({ length: n }, () => sequentialImei(++counter + (process.pid % 10_000) * 100_000, '86'));
}

/** The same IMEI with a wrong check digit. */
export function withBadCheckDigit(imei: string): string {
  return imei.slice(0, 14) + String((Number(imei[14]) + 1) % 10);
}

/** Adds a staff member to a seller, to act as in actions. */
export async function addStaff(db: Db, seller: SellerFixture, role: s.StaffRole = 'staff') {
  const [staff] = await db
    .insert(s.staffUsers)
    .values({ sellerId: seller.sellerId, email: `staff-${++counter}-${seller.sellerId}@example.test`, name: `Staff ${counter}`, role, status: 'active' })
    .returning();
  return { staffUserId: staff!.id, name: staff!.name };
}

export async function deviceCount(db: Db, sellerId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from devices where seller_id = ${sellerId}`);
  return Number(row?.n ?? 0);
}

export async function auditOf(db: Db, sellerId: number, action: string) {
  return db
    .select()
    .from(s.auditEntries)
    .where(and(eq(s.auditEntries.sellerId, sellerId), eq(s.auditEntries.action, action)))
    .orderBy(s.auditEntries.id);
}

/** Commits devices to a fresh order of the seller (as staff would), returning the order. */
export async function commitToNewOrder(db: Db, seller: SellerFixture, productId: number, deviceIds: number[], number: number) {
  const [org] = await db.insert(s.organizations).values({ sellerId: seller.sellerId, name: `Buyer ${number}`, email: `b${number}@example.test` }).returning();
  const [order] = await db
    .insert(s.salesOrders)
    .values({ sellerId: seller.sellerId, number, organizationId: org!.id, statusId: seller.orderStatus('Confirmed').id, channelId: seller.channel('Phone').id })
    .returning();
  const [line] = await db
    .insert(s.salesOrderLines)
    .values({ sellerId: seller.sellerId, orderId: order!.id, productId, quantity: deviceIds.length, unitPrice: 100 })
    .returning();
  for (const id of deviceIds) {
    await db.update(s.devices).set({ orderLineId: line!.id, committedAt: new Date() }).where(eq(s.devices.id, id));
  }
  return order!;
}
