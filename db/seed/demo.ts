import { count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { imeiFromBody } from '@/lib/imei';
import { nextDocumentNumber } from '@/db/queries/document-numbers';
import { createInvoiceForOrder } from '@/db/queries/invoices/create-invoice';
import { shipToOf } from '@/db/queries/ship-to-addresses/list-ship-to-addresses';
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
import { seedQuotes } from './demo-quotes';
import { demoCondition, type DemoCondition } from './demo-condition';
import { intArray, textArray } from '@/db/sql-arrays';
import { seedDemoPhotos } from './demo-photos';

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
  'photos', 'photo_images', 'grade_descriptions',
  'audit_entries', 'email_messages', 'order_shipments', 'portal_order_recipients', 'quote_lines', 'quotes', 'rma_lines', 'rmas', 'cart_lines', 'invoice_lines', 'invoices',
  'devices', 'sales_order_lines', 'sales_orders', 'document_counters', 'portal_payment_methods',
  'portal_for_sale_warehouses', 'portal_for_sale_statuses', 'portal_logos', 'portal_settings', 'product_availability_cells', 'product_availability',
  'price_list_prices', 'price_lists', 'products', 'rate_limits', 'auth_tokens', 'portal_accounts', 'organization_addresses', 'organizations', 'payment_methods',
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
    // Exact quantities; orders start at $100.00.
    portal: { quantityDisplay: 'exact', minOrderValue: 10_000 },
    currency: 'USD',
    brandColor: DEFAULT_BRAND_COLOR,
    staff: [
      { email: 'owner@acme.example', name: 'Olivia Owner', role: 'owner' },
      { email: 'admin@acme.example', name: 'Adam Admin', role: 'admin' },
      { email: 'staff@acme.example', name: 'Sam Staff', role: 'staff' },
    ],
    organizations: [
      {
        name: 'Northwind Traders',
        code: 'NW-001',
        domain: 'northwind.example',
        buyers: [['Nora Buyer', 'buyer'], ['Nick Purchasing', 'purchasing']],
        addresses: [
          { label: 'Main warehouse', attention: 'Receiving', line1: '9 Dock Road', city: 'Springfield', region: 'IL', postalCode: '12346', country: 'US', phone: '+1 555 0101' },
          { label: 'Repair centre', attention: 'Nick Purchasing', line1: '41 Industrial Park', line2: 'Unit 7', city: 'Shelbyville', region: 'IL', postalCode: '12400', country: 'US' },
          { label: 'Downtown store', line1: '210 Market Street', city: 'Capital City', region: 'IL', postalCode: '12010', country: 'US', phone: '+1 555 0177' },
        ],
      },
      {
        name: 'Contoso Repairs',
        code: 'CT-002',
        domain: 'contoso.example',
        buyers: [['Carl Buyer', 'buyer']],
        addresses: [
          { label: 'Workshop', line1: '77 Harbor Lane', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US', phone: '+1 555 0140' },
          { label: 'Returns desk', attention: 'Carl Buyer', line1: '5 Quay Street', city: 'Portland', region: 'OR', postalCode: '97209', country: 'US' },
        ],
      },
      {
        name: 'Globex Exports',
        code: 'GX-003',
        domain: 'globex.example',
        buyers: [['Gina Exports', 'buyer']],
        addresses: [
          { label: 'Export hub', attention: 'Shipping office', line1: '1200 Cargo Way', city: 'Miami', region: 'FL', postalCode: '33126', country: 'US' },
          { label: 'Freight forwarder', line1: '88 Airport Road', line2: 'Bay 3', city: 'Doral', region: 'FL', postalCode: '33172', country: 'US', phone: '+1 555 0188' },
        ],
      },
      {
        name: 'Initech Phones',
        code: 'IT-004',
        domain: 'initech.example',
        buyers: [],
        imported: [['Ian Initech', 'ian']],
        addresses: [
          { label: 'Head office', line1: '4120 Freeway Drive', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
          { label: 'Store 2', line1: '15 Lakeside Mall', city: 'Round Rock', region: 'TX', postalCode: '78664', country: 'US' },
        ],
      },
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
    // Quantities shown up to 49, then "50+".
    portal: { quantityDisplay: 'capped', quantityCap: 50 },
    currency: 'EUR',
    brandColor: '#b45309',
    staff: [{ email: 'owner@bolt.example', name: 'Bea Owner', role: 'owner' }],
    organizations: [
      // The same buyer email as at Acme: a separate account with its own password.
      {
        name: 'Northwind GmbH',
        code: 'NW-001',
        domain: 'northwind.example',
        buyers: [['Nora Buyer', 'buyer']],
        addresses: [
          { label: 'Lager Hamburg', attention: 'Wareneingang', line1: 'Hafenstraße 12', city: 'Hamburg', postalCode: '20457', country: 'DE', phone: '+49 40 555 010' },
          { label: 'Filiale Berlin', line1: 'Friedrichstraße 101', city: 'Berlin', postalCode: '10117', country: 'DE' },
        ],
      },
      {
        name: 'Umbrella Mobile',
        code: 'UM-002',
        domain: 'umbrella.example',
        buyers: [['Uma Buyer', 'buyer']],
        addresses: [
          { label: 'Warehouse', line1: 'Via Roma 8', city: 'Milano', postalCode: '20121', country: 'IT' },
          { label: 'Service centre', attention: 'Uma Buyer', line1: 'Corso Vittorio 22', city: 'Torino', postalCode: '10121', country: 'IT' },
          { label: 'Shop Bologna', line1: 'Piazza Maggiore 3', city: 'Bologna', postalCode: '40124', country: 'IT', phone: '+39 051 555 020' },
        ],
      },
    ],
    devices: bolt,
    imeiPrefix: 5,
    passwordHash,
    seed: 2,
    progress,
  });
  log(`demo ready: ${total.toLocaleString('en-US')} devices; password for every demo login: ${DEMO_PASSWORD}`);
}

type DemoAddress = Omit<typeof s.organizationAddresses.$inferInsert, 'sellerId' | 'organizationId' | 'isDefault'>;

/** Quantity rules on a few models with big stock: the Galaxy A54 in packs of 5, the Galaxy S21 from 5 units. */
function demoQuantityRules(model: string): { minOrderQuantity: number; orderIncrement: number } {
  if (model === 'Galaxy A54') return { minOrderQuantity: 5, orderIncrement: 5 };
  if (model === 'Galaxy S21') return { minOrderQuantity: 5, orderIncrement: 1 };
  return { minOrderQuantity: 1, orderIncrement: 1 };
}

type SellerSeed = {
  /** How the portal shows quantities and the minimum order value. */
  portal: Pick<typeof s.portalSettings.$inferInsert, 'quantityDisplay' | 'quantityCap' | 'minOrderValue'>;
  slug: string;
  name: string;
  currency: string;
  brandColor: string;
  staff: { email: string; name: string; role: s.StaffRole }[];
  /** The first of the addresses is the default ship-to. */
  organizations: {
    name: string;
    /** The account code an import finds it by. */
    code: string;
    domain: string;
    buyers: [string, string][];
    /** Buyers imported and not yet invited (Organizations offers to invite them). */
    imported?: [string, string][];
    addresses: DemoAddress[];
  }[];
  devices: number;
  /** Keeps IMEIs of the two sellers apart (a digit of the serial part). */
  imeiPrefix: number;
  passwordHash: string;
  seed: number;
  progress: (n: number) => void;
};

async function seedSeller(db: Db, seed: SellerSeed): Promise<void> {
  const random = prng(seed.seed);
  // Its own generator: condition data does not shift the rest of the demo.
  const conditionRandom = prng(seed.seed ^ 0x5eed_c0de);
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
              ...demoQuantityRules(m.model),
            });
            productTac.push(m.tac);
          }
        }
      }
    }
  }
  const productRows = await db.insert(s.products).values(productValues).returning({ id: s.products.id });
  const productIds = productRows.map((r) => r.id);
  await seedDemoPhotos(db, { sellerId, sellerName: seed.name });

  // Portal settings before devices, so the availability triggers count as they go.
  const [portalStatus, portalChannel] = [orderStatusId('Awaiting Confirmation'), channelRows[0]!.id];
  await db.insert(s.portalSettings).values({
    sellerId,
    enabled: true,
    initialOrderStatusId: portalStatus,
    salesChannelId: portalChannel,
    autoInvoice: true,
    hideUnpriced: false,
    ...seed.portal,
    buyersMayAddAddresses: seed.slug === 'acme',
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
    const conditions: DemoCondition[] = [];
    for (let i = start; i < start + size; i++) {
      conditions.push(demoCondition(conditionRandom));
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
    const c = <T>(pick: (d: DemoCondition) => T) => conditions.map(pick);
    await db.execute(sql`
      insert into devices (seller_id, imei, product_id, status_id, warehouse_id, cost, received_on,
                           battery_health, battery_cycles, carrier_lock, carrier, blacklist_status, activation_lock,
                           mdm_lock, frp_lock, functional_test, failed_checks, cosmetic_notes, tested_at, test_source)
      select ${sellerId}, imei, product_id, status_id, warehouse_id, cost, current_date - days,
             battery_health, battery_cycles, carrier_lock, carrier, blacklist_status, activation_lock,
             'off', 'off', functional_test, string_to_array(failed_checks, '|'), cosmetic_notes,
             now() - make_interval(mins => tested_minutes_ago), 'Phonecheck'
      from unnest(${`{${imeis.join(',')}}`}::text[], ${`{${products.join(',')}}`}::int[],
                  ${`{${statuses.join(',')}}`}::int[], ${`{${warehousesOf.join(',')}}`}::int[],
                  ${`{${costs.join(',')}}`}::int[], ${`{${days.join(',')}}`}::int[],
                  ${intArray(c((d) => d.batteryHealth))}, ${intArray(c((d) => d.batteryCycles))},
                  ${textArray(c((d) => d.carrierLock))}, ${textArray(c((d) => d.carrier))},
                  ${textArray(c((d) => d.blacklistStatus))}, ${textArray(c((d) => d.activationLock))},
                  ${textArray(c((d) => d.functionalTest))}, ${textArray(c((d) => d.failedChecks.join('|')))},
                  ${textArray(c((d) => d.cosmeticNotes))}, ${intArray(c((d) => d.testedMinutesAgo))})
        as t(imei, product_id, status_id, warehouse_id, cost, days, battery_health, battery_cycles, carrier_lock, carrier,
             blacklist_status, activation_lock, functional_test, failed_checks, cosmetic_notes, tested_minutes_ago)`);
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
        code: o.code,
        email: `accounts@${o.domain}`,
        phone: '+1 555 0100',
        billingAddress: { line1: '1 Commerce Way', city: 'Springfield', postalCode: '12345', country: 'US' },
      })
      .returning();
    const addresses = await db
      .insert(s.organizationAddresses)
      .values(o.addresses.map((a, i) => ({ ...a, sellerId, organizationId: org!.id, isDefault: i === 0 })))
      .returning();
    orgRows.push({ ...org!, addresses });
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
    if (o.imported?.length) {
      await db.insert(s.portalAccounts).values(
        o.imported.map(([name, local]) => ({ sellerId, organizationId: org!.id, name, email: `${local}@${o.domain}`, status: 'invited' as const, invitedAt: null })),
      );
    }
  }

  await seedPriceLists(db, { sellerId, organizations: orgRows, productIds, productValues });

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

  await seedQuotes(db, { sellerId, orderStatusId: portalStatus, channelId: portalChannel, paymentMethodId: methodRows[0]!.id });
}

/**
 * A "Trade partners" list (8% off list price, with quantity breaks on the
 * first products: 10+ at 12% off, 50+ at 15% off) for the first
 * organization; the others pay list prices. A fixed "Clearance" sheet waits
 * unassigned.
 */
async function seedPriceLists(
  db: Db,
  h: { sellerId: number; organizations: s.Organization[]; productIds: number[]; productValues: (typeof s.products.$inferInsert)[] },
) {
  const [partners, clearance] = await db
    .insert(s.priceLists)
    .values([
      { sellerId: h.sellerId, name: 'Trade partners', rule: 'percent_off' as const, percentOffBps: 800 },
      { sellerId: h.sellerId, name: 'Clearance', rule: 'fixed' as const },
    ])
    .returning({ id: s.priceLists.id });
  const off = (price: number, bps: number) => Math.round((price * (10_000 - bps)) / 10_000);
  const priced = h.productIds.map((id, i) => ({ id, price: h.productValues[i]!.listPrice ?? null })).filter((p) => p.price !== null) as { id: number; price: number }[];
  const breaks = priced.slice(0, 12).flatMap((p) => [
    { sellerId: h.sellerId, priceListId: partners!.id, productId: p.id, minQuantity: 10, unitPrice: off(p.price, 1200) },
    { sellerId: h.sellerId, priceListId: partners!.id, productId: p.id, minQuantity: 50, unitPrice: off(p.price, 1500) },
  ]);
  const sheet = priced.slice(12, 20).map((p) => ({ sellerId: h.sellerId, priceListId: clearance!.id, productId: p.id, minQuantity: 1, unitPrice: off(p.price, 2500) }));
  await db.insert(s.priceListPrices).values([...breaks, ...sheet]);
  const first = h.organizations[0];
  if (first) await db.update(s.organizations).set({ priceListId: partners!.id }).where(eq(s.organizations.id, first.id));
}

/**
 * How the demo's invoice of past order `i` (of `count`, oldest first) stands:
 * the last six unpaid (not due yet), the 12th and 11th from the end unpaid
 * and so overdue, one void and replaced, one paid and then credited (credit
 * owed to the buyer), one unpaid with a credit note (a lower balance due).
 */
function invoicePlan(i: number, count: number): { paid: boolean; voidedFirst: boolean; creditNote: { amount: number; reason: string } | null } {
  const unpaid = i >= count - 6 || i === count - 12 || i === count - 11;
  const creditNote =
    i === count - 16
      ? { amount: 1500, reason: 'Price adjustment: one device graded B, sold as A' }
      : i === count - 4
        ? { amount: 1000, reason: 'Late delivery discount' }
        : null;
  return { paid: !unpaid, voidedFirst: i === count - 8, creditNote };
}

/** Past orders from every channel, with Sold devices committed to them, a few invoices and RMAs. */
async function seedOrderHistory(
  db: Db,
  h: {
    sellerId: number;
    random: () => number;
    organizations: (s.Organization & { addresses: s.OrganizationAddress[] })[];
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
          // Mostly the default address; every third order went to another of the organization's.
          shipTo: shipToOf(org.addresses[i % 3 === 1 ? 1 : 0] ?? org.addresses[0]!),
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
        const today = createdAt.toISOString().slice(0, 10);
        const plan = invoicePlan(i, orderCount);
        if (plan.voidedFirst) {
          // Issued with the wrong payment method and replaced: the Invoices page shows a void one.
          const voided = await createInvoiceForOrder(tx, { sellerId, orderId: order!.id, today });
          await tx
            .update(s.invoices)
            .set({ voidedAt: createdAt, voidReason: 'Issued with the wrong payment method; replaced by the next invoice.', createdAt })
            .where(eq(s.invoices.id, voided.id));
        }
        const invoice = await createInvoiceForOrder(tx, { sellerId, orderId: order!.id, today });
        // Unpaid ones of the last weeks are not due yet; two older unpaid ones are overdue.
        const paidAt = plan.paid ? new Date(`${invoice.dueOn}T12:00:00Z`) : null;
        await tx.update(s.invoices).set({ paidAt, emailedAt: createdAt, createdAt }).where(eq(s.invoices.id, invoice.id));
        if (plan.creditNote) {
          // After payment it is credit owed to the buyer; before payment it lowers what is due.
          const at = paidAt ? new Date(paidAt.getTime() + 2 * 86_400_000) : new Date(createdAt.getTime() + 86_400_000);
          await tx.insert(s.creditNotes).values({
            sellerId,
            number: await nextDocumentNumber(tx, { sellerId, kind: 'invoice' }),
            invoiceId: invoice.id,
            amount: Math.min(plan.creditNote.amount, invoice.total),
            currency: invoice.currency,
            reason: plan.creditNote.reason,
            issuedOn: at.toISOString().slice(0, 10),
            createdAt: at,
          });
        }
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
  const rmas = rmaPlans.flatMap((plan, i) => (rmaCandidates[i * 2] ? [{ ...plan, candidate: rmaCandidates[i * 2]! }] : []));
  // The first organization (the demo buyer's) also holds credit, so its Invoices page and checkout show some.
  const firstOrg = h.organizations[0]!.id;
  if (!rmas.some((r) => r.resolution === 'credit' && r.candidate.orgId === firstOrg)) {
    const candidate = rmaCandidates.find((c) => c.orgId === firstOrg && !rmas.some((r) => r.candidate === c));
    if (candidate) rmas.push({ status: 'resolved', resolution: 'credit', candidate });
  }
  for (const { candidate, ...plan } of rmas) {
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
