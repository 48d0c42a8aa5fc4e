import { count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { imeiFromBody } from '@/lib/imei';
import { nextDocumentNumber } from '@/db/queries/document-numbers';
import { createInvoiceForOrder } from '@/db/queries/invoices/create-invoice';
import {
  demoGrades,
  demoModels,
  demoNetworks,
  inventoryStatusNames,
  orderStatusSeeds,
  paymentMethodSeeds,
  salesChannelNames,
  statusWeights,
} from './catalog-data';
import { DEFAULT_BRAND_COLOR } from '@/lib/brand';

export const DEMO_PASSWORD = 'tradepost-demo';

export const demoLogins = [
  { area: 'Back office (Acme Wireless)', url: '/admin', email: 'owner@acme.example', role: 'owner' },
  { area: 'Back office (Acme Wireless)', url: '/admin', email: 'admin@acme.example', role: 'admin' },
  { area: 'Back office (Acme Wireless)', url: '/admin', email: 'staff@acme.example', role: 'staff' },
  { area: 'Back office (Bolt Mobile)', url: '/admin', email: 'owner@bolt.example', role: 'owner' },
  { area: 'Portal of Acme (Northwind Traders)', url: '/p/acme', email: 'buyer@northwind.example', role: 'customer' },
  { area: 'Portal of Acme (Contoso Repairs)', url: '/p/acme', email: 'buyer@contoso.example', role: 'customer' },
  { area: 'Portal of Bolt (Northwind GmbH)', url: '/p/bolt', email: 'buyer@northwind.example', role: 'customer' },
];

export type SeedOptions = {
  /** Devices per seller for Acme; Bolt gets a tenth. */
  devices?: number;
  reset?: boolean;
  onProgress?: (done: number, total: number) => void;
  log?: (line: string) => void;
};

export class SeedRefusedError extends Error {}

/** Deterministic PRNG so every seed run builds the same demo. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted(random: () => number, weights: number[]): number {
  let x = random();
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

export async function hasNonDemoData(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(s.sellers).where(eq(s.sellers.isDemo, false));
  return (row?.n ?? 0) > 0;
}

export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(s.sellers);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db, { log: (line) => console.log(`[seed] ${line}`) });
  return true;
}

const allTables = [
  'audit_entries', 'email_messages', 'order_shipments', 'portal_order_recipients', 'rma_lines', 'rmas', 'cart_lines', 'invoice_lines', 'invoices',
  'devices', 'sales_order_lines', 'sales_orders', 'document_counters', 'portal_payment_methods',
  'portal_for_sale_warehouses', 'portal_for_sale_statuses', 'portal_logos', 'portal_settings', 'product_availability',
  'products', 'rate_limits', 'auth_tokens', 'portal_accounts', 'organizations', 'payment_methods',
  'sales_channels', 'order_statuses', 'inventory_statuses', 'warehouses', 'staff_users', 'sellers',
];

/**
 * Builds the demo: sellers Acme Wireless (`acme`) and Bolt Mobile (`bolt`)
 * with settings, catalogue, devices, customers, past orders and RMAs.
 * Refuses to touch a database that holds non-demo data.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  if (await hasNonDemoData(db)) {
    throw new SeedRefusedError(
      'This database holds sellers that are not demo data; the seed will not touch it. Use an empty database.',
    );
  }
  const [existing] = await db.select({ n: count() }).from(s.sellers);
  if ((existing?.n ?? 0) > 0) {
    if (!options.reset) {
      throw new SeedRefusedError('Demo data is already present. Run with --reset to build it again.');
    }
    log('removing the previous demo data');
    await db.execute(sql.raw(`TRUNCATE ${allTables.join(', ')} RESTART IDENTITY CASCADE`));
  }

  const acmeDevices = options.devices ?? 10_000;
  const bolt = Math.max(200, Math.round(acmeDevices / 10));
  const total = acmeDevices + bolt;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await seedSeller(db, {
    slug: 'acme',
    name: 'Acme Wireless',
    currency: 'USD',
    brandColor: DEFAULT_BRAND_COLOR,
    staff: [
      { email: 'owner@acme.example', name: 'Olivia Owner', role: 'owner' },
      { email: 'admin@acme.example', name: 'Adam Admin', role: 'admin' },
      { email: 'staff@acme.example', name: 'Sam Staff', role: 'staff' },
    ],
    organizations: [
      { name: 'Northwind Traders', domain: 'northwind.example', buyers: [['Nora Buyer', 'buyer'], ['Nick Purchasing', 'purchasing']] },
      { name: 'Contoso Repairs', domain: 'contoso.example', buyers: [['Carl Buyer', 'buyer']] },
      { name: 'Globex Exports', domain: 'globex.example', buyers: [['Gina Exports', 'buyer']] },
      { name: 'Initech Phones', domain: 'initech.example', buyers: [] },
    ],
    devices: acmeDevices,
    imeiPrefix: 0,
    passwordHash,
    seed: 1,
    progress,
  });
  await seedSeller(db, {
    slug: 'bolt',
    name: 'Bolt Mobile',
    currency: 'EUR',
    brandColor: '#b45309',
    staff: [{ email: 'owner@bolt.example', name: 'Bea Owner', role: 'owner' }],
    organizations: [
      // The same buyer email as at Acme: a separate account with its own password.
      { name: 'Northwind GmbH', domain: 'northwind.example', buyers: [['Nora Buyer', 'buyer']] },
      { name: 'Umbrella Mobile', domain: 'umbrella.example', buyers: [['Uma Buyer', 'buyer']] },
    ],
    devices: bolt,
    imeiPrefix: 5,
    passwordHash,
    seed: 2,
    progress,
  });
  log(`demo ready: ${total.toLocaleString('en-US')} devices; password for every demo login: ${DEMO_PASSWORD}`);
}

type SellerSeed = {
  slug: string;
  name: string;
  currency: string;
  brandColor: string;
  staff: { email: string; name: string; role: s.StaffRole }[];
  organizations: { name: string; domain: string; buyers: [string, string][] }[];
  devices: number;
  /** Keeps IMEIs of the two sellers apart (a digit of the serial part). */
  imeiPrefix: number;
  passwordHash: string;
  seed: number;
  progress: (n: number) => void;
};

async function seedSeller(db: Db, seed: SellerSeed): Promise<void> {
  const random = prng(seed.seed);
  const [seller] = await db
    .insert(s.sellers)
    .values({ slug: seed.slug, name: seed.name, currency: seed.currency, isDemo: true })
    .returning();
  const sellerId = seller!.id;

  await db.insert(s.staffUsers).values(
    seed.staff.map((u) => ({
      sellerId,
      email: u.email,
      name: u.name,
      role: u.role,
      status: 'active' as const,
      passwordHash: seed.passwordHash,
    })),
  );

  const warehouseRows = await db
    .insert(s.warehouses)
    .values([
      { sellerId, name: 'Main Warehouse', code: 'MAIN' },
      { sellerId, name: 'Overflow', code: 'OVF' },
      { sellerId, name: 'Repair Center', code: 'RC' },
    ])
    .returning();
  const statusRows = await db
    .insert(s.inventoryStatuses)
    .values(inventoryStatusNames.map((name, position) => ({ sellerId, name, position })))
    .returning();
  const statusId = (name: string) => statusRows.find((r) => r.name === name)!.id;
  const orderStatusRows = await db
    .insert(s.orderStatuses)
    // The demo's Shipped status emails the buyer (new sellers choose it in Settings > Order statuses).
    .values(orderStatusSeeds.map((o, position) => ({ sellerId, ...o, emailBuyer: o.name === 'Shipped', position })))
    .returning();
  const orderStatusId = (name: string) => orderStatusRows.find((r) => r.name === name)!.id;
  const channelRows = await db
    .insert(s.salesChannels)
    .values(salesChannelNames.map((name) => ({ sellerId, name })))
    .returning();
  const methodRows = await db
    .insert(s.paymentMethods)
    .values(paymentMethodSeeds.map((m) => ({ sellerId, ...m })))
    .returning();

  // Products: every model × capacity × color × grade × network.
  const productValues: (typeof s.products.$inferInsert)[] = [];
  const productTac: string[] = [];
  let n = 0;
  for (const m of demoModels) {
    for (const [capacity, price] of m.capacities) {
      for (const color of m.colors) {
        for (const [grade, share] of demoGrades) {
          for (const network of demoNetworks) {
            n++;
            const unpriced = n % 41 === 0;
            const networkDiscount = network === 'Unlocked' ? 1 : 0.95;
            productValues.push({
              sellerId,
              sku: `${m.manufacturer.slice(0, 3)}-${m.model.replace(/\W+/g, '')}-${capacity}-${color.replace(/\W+/g, '')}-${grade.replace('+', 'P')}-${network.replace(/\W+/g, '')}`.toUpperCase(),
              manufacturer: m.manufacturer,
              model: m.model,
              capacity,
              color,
              network,
              grade,
              listPrice: unpriced ? null : Math.round((price * share * networkDiscount) / 100) * 100 - 1,
            });
            productTac.push(m.tac);
          }
        }
      }
    }
  }
  const productRows = await db.insert(s.products).values(productValues).returning({ id: s.products.id });
  const productIds = productRows.map((r) => r.id);

  // Portal settings before devices, so the availability triggers count as they go.
  const [portalStatus, portalChannel] = [orderStatusId('Awaiting Confirmation'), channelRows[0]!.id];
  await db.insert(s.portalSettings).values({
    sellerId,
    enabled: true,
    initialOrderStatusId: portalStatus,
    salesChannelId: portalChannel,
    autoInvoice: true,
    hideUnpriced: false,
    displayName: seed.name,
    brandColor: seed.brandColor,
    returnWindowDays: 90,
  });
  await db.insert(s.portalForSaleStatuses).values([
    { sellerId, statusId: statusId('Available') },
    { sellerId, statusId: statusId('Listed') },
  ]);
  await db.insert(s.portalForSaleWarehouses).values([
    { sellerId, warehouseId: warehouseRows[0]!.id },
    { sellerId, warehouseId: warehouseRows[1]!.id },
  ]);
  await db.insert(s.portalPaymentMethods).values(
    methodRows.slice(0, 2).map((m) => ({ sellerId, paymentMethodId: m.id })),
  );

  // Devices, in batches sent as array parameters (one statement, one trigger run per batch).
  const statusIds = inventoryStatusNames.map(statusId);
  const warehouseIds = warehouseRows.map((w) => w.id);
  const batchSize = 20_000;
  for (let start = 0; start < seed.devices; start += batchSize) {
    const size = Math.min(batchSize, seed.devices - start);
    const imeis: string[] = [];
    const products: number[] = [];
    const statuses: number[] = [];
    const warehousesOf: number[] = [];
    const costs: number[] = [];
    const days: number[] = [];
    for (let i = start; i < start + size; i++) {
      const p = Math.floor(random() * productIds.length);
      // The model's reporting body + a 12-digit serial; the sequence keeps them unique.
      const serial = seed.imeiPrefix * 10 ** 11 + i;
      imeis.push(imeiFromBody(`${productTac[p]!.slice(0, 2)}${String(serial).padStart(12, '0')}`));
      products.push(productIds[p]!);
      statuses.push(statusIds[pickWeighted(random, statusWeights)]!);
      warehousesOf.push(warehouseIds[pickWeighted(random, [0.7, 0.2, 0.1])]!);
      costs.push(Math.round((productValues[p]!.listPrice ?? 30000) * (0.55 + random() * 0.15)));
      days.push(Math.floor(random() * 180));
    }
    await db.execute(sql`
      insert into devices (seller_id, imei, product_id, status_id, warehouse_id, cost, received_on)
      select ${sellerId}, imei, product_id, status_id, warehouse_id, cost, current_date - days
      from unnest(${`{${imeis.join(',')}}`}::text[], ${`{${products.join(',')}}`}::int[],
                  ${`{${statuses.join(',')}}`}::int[], ${`{${warehousesOf.join(',')}}`}::int[],
                  ${`{${costs.join(',')}}`}::int[], ${`{${days.join(',')}}`}::int[])
        as t(imei, product_id, status_id, warehouse_id, cost, days)`);
    seed.progress(size);
  }

  // Customers and their portal accounts.
  const orgRows = [];
  for (const o of seed.organizations) {
    const [org] = await db
      .insert(s.organizations)
      .values({
        sellerId,
        name: o.name,
        email: `accounts@${o.domain}`,
        phone: '+1 555 0100',
        billingAddress: { line1: '1 Commerce Way', city: 'Springfield', postalCode: '12345', country: 'US' },
        shippingAddress: { line1: '9 Dock Road', city: 'Springfield', postalCode: '12346', country: 'US' },
      })
      .returning();
    orgRows.push(org!);
    if (o.buyers.length) {
      await db.insert(s.portalAccounts).values(
        o.buyers.map(([name, local]) => ({
          sellerId,
          organizationId: org!.id,
          name,
          email: `${local}@${o.domain}`,
          status: 'active' as const,
          passwordHash: seed.passwordHash,
          activatedAt: new Date(),
        })),
      );
    }
  }

  await seedOrderHistory(db, {
    sellerId,
    random,
    organizations: orgRows,
    soldStatusId: statusId('Sold'),
    channelIds: channelRows.map((c) => c.id),
    methods: methodRows,
    orderStatusId,
    currency: seed.currency,
  });
}

/** Past orders from every channel, with Sold devices committed to them, a few invoices and RMAs. */
async function seedOrderHistory(
  db: Db,
  h: {
    sellerId: number;
    random: () => number;
    organizations: s.Organization[];
    soldStatusId: number;
    channelIds: number[];
    methods: s.PaymentMethod[];
    orderStatusId: (name: string) => number;
    currency: string;
  },
): Promise<void> {
  const { sellerId, random } = h;
  // Sold devices grouped by product, to commit to orders of those products.
  const sold = await db
    .select({ id: s.devices.id, productId: s.devices.productId, price: s.products.listPrice })
    .from(s.devices)
    .innerJoin(s.products, eq(s.products.id, s.devices.productId))
    .where(sql`${s.devices.sellerId} = ${sellerId} and ${s.devices.statusId} = ${h.soldStatusId}`)
    .orderBy(s.devices.id)
    .limit(600);
  const byProduct = new Map<number, { id: number; price: number | null }[]>();
  for (const d of sold) {
    const list = byProduct.get(d.productId) ?? [];
    list.push({ id: d.id, price: d.price });
    byProduct.set(d.productId, list);
  }
  const productQueue = [...byProduct.entries()];
  const orderCount = Math.min(24, productQueue.length);
  const rmaCandidates: { orgId: number; deviceIds: number[]; orderDate: Date }[] = [];

  for (let i = 0; i < orderCount; i++) {
    const org = h.organizations[i % h.organizations.length]!;
    const shipped = i % 6 !== 5;
    const statusName = shipped ? 'Shipped' : i % 12 === 5 ? 'Confirmed' : 'Cancelled';
    const createdAt = new Date(Date.now() - (120 - i * 5) * 86_400_000);
    const lines = productQueue.splice(0, 1 + (i % 3));
    if (!lines.length) break;
    await db.transaction(async (tx) => {
      const number = await nextDocumentNumber(tx, { sellerId, kind: 'sales_order' });
      const method = h.methods[i % 2]!;
      const [order] = await tx
        .insert(s.salesOrders)
        .values({
          sellerId,
          number,
          organizationId: org.id,
          statusId: h.orderStatusId(statusName),
          channelId: h.channelIds[i % h.channelIds.length]!,
          paymentMethodId: method.id,
          poNumber: i % 2 === 0 ? `PO-${24000 + i}` : null,
          notes: i % 4 === 0 ? 'Please ship with the next pallet.' : null,
          createdAt,
          updatedAt: createdAt,
        })
        .returning();
      const committed: number[] = [];
      for (const [position, [productId, devicesOfProduct]] of lines.entries()) {
        const take = devicesOfProduct.slice(0, Math.min(devicesOfProduct.length, 1 + Math.floor(random() * 4)));
        const unitPrice = devicesOfProduct[0]!.price;
        const [line] = await tx
          .insert(s.salesOrderLines)
          .values({ sellerId, orderId: order!.id, productId, quantity: take.length, unitPrice, position })
          .returning();
        if (statusName !== 'Cancelled') {
          await tx
            .update(s.devices)
            .set({ orderLineId: line!.id, committedAt: createdAt })
            .where(inArray(s.devices.id, take.map((d) => d.id)));
          committed.push(...take.map((d) => d.id));
        }
      }
      if (shipped) {
        const invoice = await createInvoiceForOrder(tx, {
          sellerId,
          orderId: order!.id,
          today: createdAt.toISOString().slice(0, 10),
        });
        await tx
          .update(s.invoices)
          .set({
            paidAt: i < orderCount - 6 ? new Date(`${invoice.dueOn}T12:00:00Z`) : null,
            emailedAt: createdAt,
            createdAt,
          })
          .where(eq(s.invoices.id, invoice.id));
        // Tracking numbers: one parcel, a second on every third order, "Other" (no link) on one of them.
        const carrier = (['ups', 'fedex', 'dhl_express', 'dpd'] as const)[i % 4]!;
        await tx.insert(s.orderShipments).values([
          { sellerId, orderId: order!.id, carrier, trackingNumber: demoTrackingNumber(carrier, sellerId, i), createdAt },
          ...(i % 3 === 0 ? [{ sellerId, orderId: order!.id, carrier: i % 2 ? 'other' : carrier, trackingNumber: `PLT-${sellerId}${String(1000 + i)}`, createdAt }] : []),
        ]);
        if (committed.length >= 2) rmaCandidates.push({ orgId: org.id, deviceIds: committed, orderDate: createdAt });
      }
    });
  }

  const rmaPlans: { status: s.RmaStatus; resolution: 'refund' | 'credit' | null }[] = [
    { status: 'resolved', resolution: 'credit' },
    { status: 'received', resolution: null },
    { status: 'open', resolution: null },
    { status: 'requested', resolution: null },
  ];
  for (const [i, plan] of rmaPlans.entries()) {
    const candidate = rmaCandidates[i * 2];
    if (!candidate) break;
    await db.transaction(async (tx) => {
      const number = await nextDocumentNumber(tx, { sellerId, kind: 'rma' });
      const createdAt = new Date(candidate.orderDate.getTime() + 10 * 86_400_000);
      const [rma] = await tx
        .insert(s.rmas)
        .values({ sellerId, number, organizationId: candidate.orgId, status: plan.status, resolution: plan.resolution, createdAt, updatedAt: createdAt })
        .returning();
      await tx.insert(s.rmaLines).values([
        { sellerId, rmaId: rma!.id, deviceId: candidate.deviceIds[0]!, disposition: 'return', reason: 'Screen does not turn on', refundAmount: 0 },
        { sellerId, rmaId: rma!.id, deviceId: candidate.deviceIds[1]!, disposition: 'keep_partial_refund', reason: 'Battery health below 80%', refundAmount: 2500 },
      ]);
    });
  }
}

/** A tracking number shaped like the carrier's own (UPS 1Z…, FedEx 12 digits, DHL 10 digits, DPD 14 digits). */
function demoTrackingNumber(carrier: 'ups' | 'fedex' | 'dhl_express' | 'dpd', sellerId: number, i: number): string {
  const n = String(sellerId * 100_000 + i * 7919).padStart(8, '0');
  if (carrier === 'ups') return `1Z999AA1${n}`;
  if (carrier === 'fedex') return `7712${n}`;
  if (carrier === 'dhl_express') return `40${n}`;
  return `015054${n}`;
}
