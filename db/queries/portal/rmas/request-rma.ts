import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db';
import {
  devices,
  orderStatuses,
  organizations,
  portalAccounts,
  portalSettings,
  products,
  rmaLines,
  rmas,
  salesOrderLines,
  salesOrders,
  sellers,
  staffUsers,
  type RmaDisposition,
} from '@/db/schema';
import { imeiProblem, imeiProblemMessage } from '@/lib/imei';
import { describeProduct } from '@/lib/products';
import { formatMoney, maxMoneyMinor, moneyLimitText } from '@/lib/money';
import { enqueueEmail } from '@/lib/email/outbox';
import { returnRequestEmail } from '@/lib/email/templates/return-request';
import { publicUrl } from '@/lib/public-url';
import { recordAudit } from '@/db/queries/audit';
import { nextDocumentNumber } from '@/db/queries/document-numbers';
import { sellerCurrency } from '@/db/queries/orders/lock-order';
import { isoDay } from '@/lib/format/dates';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { isCancelledStatus, type CustomerScope } from '@/db/queries/portal/scope';
import { openRmaStatuses } from './find-rma';
import { DEFAULT_BRAND_COLOR } from '@/lib/brand';
import { companyLines } from '@/lib/company-profile';

export type ReturnableDevice = {
  deviceId: number;
  imei: string;
  description: string;
  sku: string;
  orderNumber: number;
  orderedAt: Date;
  /** Price paid per unit; null when the line was "to be quoted". */
  unitPrice: number | null;
  /** Last moment a return may be requested; null when the seller sets no limit. */
  returnBy: Date | null;
};

/** What the portal knows about one entered IMEI: the device, or why it cannot be returned. */
export type ReturnDeviceCheck = { imei: string; device: ReturnableDevice | null; problem: string | null };

/** The entered IMEIs, trimmed, each with what is wrong with it as typed (invalid, or listed twice). */
function enteredImeis(imeis: string[]): { imei: string; problem: string | null }[] {
  const seen = new Set<string>();
  return imeis.map((raw) => {
    const imei = raw.trim();
    const invalid = imeiProblem(imei);
    const duplicate = !invalid && seen.has(imei);
    seen.add(imei);
    return {
      imei,
      problem: invalid ? `is not a valid IMEI (${imeiProblemMessage[invalid]})` : duplicate ? 'is listed twice' : null,
    };
  });
}

/**
 * Checks IMEIs for a return request, in the order entered. A device can be
 * returned when the IMEI is valid, the device is committed to an order of
 * this organization that is not cancelled, it is not in another open RMA
 * (requested, open or received) and the seller's return window since the
 * order date has not passed. A device of another organization or seller reads
 * exactly like one that does not exist.
 */
export async function checkReturnDevices(
  db: DbOrTx,
  params: CustomerScope & { imeis: string[] },
): Promise<ReturnDeviceCheck[]> {
  const { sellerId, organizationId } = params;
  const entered = enteredImeis(params.imeis);
  const valid = [...new Set(entered.filter((e) => !e.problem).map((e) => e.imei))];

  const found = valid.length
    ? await db
        .select({
          deviceId: devices.id,
          imei: devices.imei,
          product: products,
          unitPrice: salesOrderLines.unitPrice,
          orderNumber: salesOrders.number,
          orderedAt: salesOrders.createdAt,
          orderCancelled: sql<boolean>`${isCancelledStatus(orderStatuses.name)}`,
          returnBy: sql<Date | null>`case when ${portalSettings.returnWindowDays} is null then null
            else ${salesOrders.createdAt} + make_interval(days => ${portalSettings.returnWindowDays}) end`.mapWith(salesOrders.createdAt),
          windowDays: portalSettings.returnWindowDays,
          expired: sql<boolean>`coalesce(${salesOrders.createdAt} + make_interval(days => ${portalSettings.returnWindowDays}) < now(), false)`,
          openRma: sql<string | null>`(
            select case when ${rmas.organizationId} = ${organizationId} then ${rmas.number}::text || ' (' || ${rmas.status}::text || ')' else '' end
            from ${rmaLines} join ${rmas} on ${rmas.id} = ${rmaLines.rmaId} and ${rmas.sellerId} = ${sellerId}
            where ${rmaLines.deviceId} = ${devices.id} and ${inArray(rmas.status, openRmaStatuses)}
            order by ${rmas.number} desc limit 1)`,
        })
        .from(devices)
        .innerJoin(salesOrderLines, and(eq(salesOrderLines.id, devices.orderLineId), eq(salesOrderLines.sellerId, sellerId)))
        .innerJoin(
          salesOrders,
          and(
            eq(salesOrders.id, salesOrderLines.orderId),
            eq(salesOrders.sellerId, sellerId),
            eq(salesOrders.organizationId, organizationId),
          ),
        )
        .innerJoin(orderStatuses, and(eq(orderStatuses.id, salesOrders.statusId), eq(orderStatuses.sellerId, sellerId)))
        .innerJoin(products, and(eq(products.id, devices.productId), eq(products.sellerId, sellerId)))
        .leftJoin(portalSettings, eq(portalSettings.sellerId, sellerId))
        .where(and(eq(devices.sellerId, sellerId), inArray(devices.imei, valid)))
    : [];
  const byImei = new Map(found.map((f) => [f.imei!, f]));

  return entered.map(({ imei, problem }) => {
    if (problem) return { imei, device: null, problem };
    const f = byImei.get(imei);
    if (!f) return { imei, device: null, problem: 'was not sold to your organization' };
    const device: ReturnableDevice = {
      deviceId: f.deviceId,
      imei,
      description: describeProduct(f.product),
      sku: f.product.sku,
      orderNumber: f.orderNumber,
      orderedAt: f.orderedAt,
      unitPrice: f.unitPrice,
      returnBy: f.returnBy,
    };
    if (f.orderCancelled) return { imei, device, problem: `is on order ${f.orderNumber}, which was cancelled` };
    if (f.openRma !== null) {
      return { imei, device, problem: f.openRma ? `is already in RMA ${f.openRma}` : 'is already in an open return' };
    }
    if (f.expired) {
      return {
        imei,
        device,
        problem: `is outside the ${f.windowDays}-day return window (ordered ${isoDay(f.orderedAt)}, returns closed ${isoDay(device.returnBy!)})`,
      };
    }
    return { imei, device, problem: null };
  });
}

export type ReturnRequestLine = {
  imei: string;
  reason: string;
  disposition: RmaDisposition;
  /** Minor units asked for when keeping the device; ignored for a plain return. */
  requestedRefund: number | null;
};

export type RequestedRma = { rmaId: number; number: number };

/**
 * A customer's return request: checks every device, then writes the RMA with
 * status "requested", its lines and the staff notification emails in one
 * transaction. Any refusal writes nothing and names each refused IMEI.
 */
export async function createReturnRequest(
  db: Db,
  params: CustomerScope & {
    portalAccountId: number;
    lines: ReturnRequestLine[];
    notes?: string | null;
  },
): Promise<RequestedRma> {
  const { sellerId, organizationId } = params;
  if (!params.lines.length) throw returnRefusal(params.lines, [{ line: null, value: '', reason: 'Add at least one device.' }]);

  return db.transaction(async (tx) => {
    // Lock the devices first, so two requests for one device cannot both pass the open-RMA check.
    const imeis = params.lines.map((l) => l.imei.trim());
    // Only well-formed IMEIs reach the database: anything else (a NUL byte, say) is refused by the check below.
    const lockable = [...new Set(imeis.filter((imei) => !imeiProblem(imei)))];
    if (lockable.length) {
      await tx
        .select({ id: devices.id })
        .from(devices)
        .where(and(eq(devices.sellerId, sellerId), inArray(devices.imei, lockable)))
        .orderBy(asc(devices.id))
        .for('update');
    }
    const checks = await checkReturnDevices(tx, { sellerId, organizationId, imeis });

    const currency = await sellerCurrency(tx, sellerId);
    const problems = lineProblems(params.lines, checks, currency);
    if (problems.length) throw returnRefusal(params.lines, problems);

    const number = await nextDocumentNumber(tx, { sellerId, kind: 'rma' });
    const [rma] = await tx
      .insert(rmas)
      .values({
        sellerId,
        number,
        organizationId,
        status: 'requested',
        requestedByAccountId: params.portalAccountId,
        notes: params.notes?.trim() || null,
      })
      .returning({ id: rmas.id });
    await tx.insert(rmaLines).values(
      params.lines.map((line, i) => ({
        sellerId,
        rmaId: rma!.id,
        deviceId: checks[i]!.device!.deviceId,
        disposition: line.disposition,
        reason: line.reason.trim(),
        refundAmount: line.disposition === 'keep_partial_refund' ? line.requestedRefund! : 0,
        // What the buyer asked stays as asked; staff change only the approved values above.
        requestedDisposition: line.disposition,
        requestedRefundAmount: line.disposition === 'keep_partial_refund' ? line.requestedRefund! : 0,
      })),
    );
    // A customer event in the histories: "Nora Buyer asked to return 3 devices on RMA 305 for Northwind".
    const [who] = await tx
      .select({ name: portalAccounts.name, organization: organizations.name })
      .from(portalAccounts)
      .innerJoin(organizations, eq(organizations.id, portalAccounts.organizationId))
      .where(and(eq(portalAccounts.id, params.portalAccountId), eq(portalAccounts.sellerId, sellerId)));
    await recordAudit(tx, {
      sellerId,
      actor: { label: who?.name ?? 'A buyer' },
      action: 'rma.request',
      entityType: 'rma',
      entityId: rma!.id,
      details: { number, organization: who?.organization ?? null, devices: params.lines.length, portalAccountId: params.portalAccountId },
    });
    await notifyStaff(tx, {
      sellerId,
      organizationId,
      portalAccountId: params.portalAccountId,
      number,
      notes: params.notes?.trim() || null,
      currency,
      url: publicUrl(`/admin/rmas/${number}`),
      lines: params.lines.map((line, i) => ({ ...line, device: checks[i]!.device! })),
    });
    return { rmaId: rma!.id, number };
  });
}

/** Why each line cannot be returned as asked: the device check, then the refund asked for when keeping it. */
function lineProblems(lines: ReturnRequestLine[], checks: ReturnDeviceCheck[], currency: string): LineProblem[] {
  const problems: LineProblem[] = [];
  checks.forEach((check, i) => {
    const line = lines[i]!;
    const refuse = (reason: string) => problems.push({ line: i + 1, value: check.imei, reason });
    if (check.problem) return refuse(check.problem);
    if (line.disposition !== 'keep_partial_refund') return;
    const asked = line.requestedRefund;
    if (asked === null || !Number.isInteger(asked) || asked <= 0) return refuse('needs the refund you ask for to keep it');
    if (asked > maxMoneyMinor(currency)) return refuse(`asks for more than the largest refund, ${moneyLimitText(currency)}`);
    const paid = check.device!.unitPrice;
    if (paid !== null && asked > paid) {
      return refuse(`asks for ${formatMoney(asked, currency)}, more than its price of ${formatMoney(paid, currency)}`);
    }
  });
  return problems;
}

/**
 * The refusal of a return request: one sentence naming every refused IMEI,
 * and the problem at each form line that holds that IMEI. Nothing is written.
 */
function returnRefusal(lines: ReturnRequestLine[], problems: LineProblem[]): Refusal {
  const fieldErrors: Record<string, string[]> = {};
  for (const problem of problems) {
    lines.forEach((line, i) => {
      if (line.imei.trim() === problem.value) (fieldErrors[`lines.${i}.imei`] ??= []).push(problem.reason);
    });
  }
  const named = problems.map((p) => `IMEI ${p.value} ${p.reason}.`).join(' ');
  return new Refusal(`Nothing was sent. ${named}`, { code: 'invalid', fieldErrors, problems });
}

/** One email per active owner and admin of the seller, queued in the request's transaction. */
async function notifyStaff(
  tx: DbOrTx,
  n: {
    sellerId: number;
    organizationId: number;
    portalAccountId: number;
    number: number;
    notes: string | null;
    currency: string;
    url: string;
    lines: (ReturnRequestLine & { device: ReturnableDevice })[];
  },
) {
  const [context] = await tx
    .select({
      sellerName: sellers.name,
      displayName: portalSettings.displayName,
      brandColor: portalSettings.brandColor,
      legalName: sellers.legalName,
      address: sellers.address,
      taxId: sellers.taxId,
      contactEmail: sellers.contactEmail,
      contactPhone: sellers.contactPhone,
      locale: sellers.locale,
      timeZone: sellers.timeZone,
      organizationName: organizations.name,
      accountName: portalAccounts.name,
      accountEmail: portalAccounts.email,
    })
    .from(sellers)
    .innerJoin(organizations, and(eq(organizations.id, n.organizationId), eq(organizations.sellerId, n.sellerId)))
    .innerJoin(portalAccounts, and(eq(portalAccounts.id, n.portalAccountId), eq(portalAccounts.sellerId, n.sellerId)))
    .leftJoin(portalSettings, eq(portalSettings.sellerId, sellers.id))
    .where(eq(sellers.id, n.sellerId));
  if (!context) throw new Error(`No seller ${n.sellerId} with organization ${n.organizationId}`);
  const recipients = await tx
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.sellerId, n.sellerId),
        eq(staffUsers.status, 'active'),
        inArray(staffUsers.role, ['owner', 'admin']),
      ),
    )
    .orderBy(asc(staffUsers.id));
  const email = returnRequestEmail({
    brand: {
      name: context.displayName || context.sellerName,
      color: context.brandColor ?? DEFAULT_BRAND_COLOR,
      footer: companyLines(context, { name: context.sellerName }),
      locale: context.locale,
      timeZone: context.timeZone,
    },
    rmaNumber: n.number,
    organizationName: context.organizationName,
    requestedBy: { name: context.accountName, email: context.accountEmail },
    notes: n.notes,
    currency: n.currency,
    url: n.url,
    lines: n.lines.map((l) => ({
      imei: l.imei,
      description: l.device.description,
      orderNumber: l.device.orderNumber,
      disposition: l.disposition,
      reason: l.reason.trim(),
      requestedRefund: l.disposition === 'keep_partial_refund' ? l.requestedRefund : null,
    })),
  });
  for (const r of recipients) {
    await enqueueEmail(tx, { sellerId: n.sellerId, kind: 'rma_requested', to: r.email, ...email });
  }
}

/** The seller's return window in days from the order date; null: no limit. */
export async function returnWindowDays(db: DbOrTx, params: { sellerId: number }): Promise<number | null> {
  const [row] = await db
    .select({ days: portalSettings.returnWindowDays })
    .from(portalSettings)
    .where(eq(portalSettings.sellerId, params.sellerId));
  return row?.days ?? null;
}
