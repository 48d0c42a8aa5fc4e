import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { addToCart, cartContents, setCartQuantity } from '@/db/queries/cart';
import { placeOrder } from '@/db/queries/checkout';
import { forSaleListing, forSalePage, forSaleGroupedPage } from '@/db/queries/for-sale';
import { applyPriceListImport, previewPriceListImport } from '@/db/queries/price-lists/price-list-import';
import { priceListFile } from '@/db/queries/price-lists/price-list-detail';
import { removePriceListPrice, setPriceListPrice } from '@/db/queries/price-lists/price-list-prices';
import { assignPriceList, createPriceList, deletePriceList, updatePriceList } from '@/db/queries/price-lists/save-price-list';
import { Refusal } from '@/lib/refusal';
import { checkoutSchema } from '@/lib/validation/checkout';
import { parseForSaleView } from '@/lib/validation/for-sale';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffActor } from '../support/orders-fixtures';
import { addBuyer, checkoutKey, linesOf, setPortalSettings } from '../support/portal-fixtures';

describe('price lists', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  let actor: Awaited<ReturnType<typeof addStaffActor>>;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    other = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller, 'admin');
  });
  afterAll(() => database.close());

  const scope = () => ({ sellerId: seller.sellerId, actor });
  const fixedList = async (name: string) => createPriceList(database.db, { ...scope(), fields: { name, rule: 'fixed', percentOff: '' } });
  const rows = (lines: [string, string, string][]) => lines.map(([sku, minQuantity, price], i) => ({ row: i + 2, sku, minQuantity, price }));
  const importFile = (priceListId: number, lines: [string, string, string][]) =>
    applyPriceListImport(database.db, { ...scope(), priceListId, currency: 'USD', rows: rows(lines) });
  const listing = (organizationId: number | null, q = '') =>
    forSaleListing(database.db, { sellerId: seller.sellerId, organizationId, view: parseForSaleView({ q }) });

  it('prices by the largest break not above the quantity, then the rule, then the list price, at their boundaries', async () => {
    const { db } = database;
    const phone = await addProduct(db, seller, { model: 'Breaks 1', listPrice: 10_000 });
    const noBreaks = await addProduct(db, seller, { model: 'Breaks 2', listPrice: 20_000 });
    const onRequest = await addProduct(db, seller, { model: 'Breaks 3', listPrice: null });
    for (const p of [phone, noBreaks, onRequest]) await addDevices(db, seller, p.id, 60);
    const list = await createPriceList(db, { ...scope(), fields: { name: 'Ten off', rule: 'percent_off', percentOff: '10' } });
    await importFile(list.id, [
      [phone.sku, '', '95.00'],
      [phone.sku, '10', '90'],
      [phone.sku, '50', '80.00'],
      [onRequest.sku, '', '50'],
    ]);
    const northwind = await addBuyer(db, seller, 'Northwind PL');
    const contoso = await addBuyer(db, seller, 'Contoso PL');
    await assignPriceList(db, { ...scope(), priceListId: list.id, organizationIds: [northwind.organization.id] });

    // For Sale: Northwind's price for one unit and its breaks; Contoso (no list) sees list prices.
    const mine = new Map((await listing(northwind.organization.id, 'Breaks')).map((r) => [r.id, r]));
    expect(mine.get(phone.id)).toMatchObject({ price: 9500, listPrice: 10_000, breaks: [{ min: 10, price: 9000 }, { min: 50, price: 8000 }] });
    expect(mine.get(noBreaks.id)).toMatchObject({ price: 18_000, listPrice: 20_000, breaks: [] });
    expect(mine.get(onRequest.id)).toMatchObject({ price: 5000, listPrice: null });
    const theirs = new Map((await listing(contoso.organization.id, 'Breaks')).map((r) => [r.id, r]));
    expect(theirs.get(phone.id)).toMatchObject({ price: 10_000, breaks: [] });
    expect(theirs.get(noBreaks.id)).toMatchObject({ price: 20_000 });
    expect(theirs.get(onRequest.id)).toMatchObject({ price: null });

    // The cart prices each line at its quantity: 9 → 95.00, 10 → 90.00, 49 → 90.00, 50 → 80.00.
    await db.transaction((tx) => addToCart(tx, { ...northwind.scope, productId: phone.id, quantity: 9 }));
    const priceInCart = async () => (await cartContents(db, northwind.scope)).lines.find((l) => l.productId === phone.id)!.price;
    expect(await priceInCart()).toBe(9500);
    for (const [quantity, price] of [[10, 9000], [49, 9000], [50, 8000]] as const) {
      await db.transaction((tx) => setCartQuantity(tx, { ...northwind.scope, productId: phone.id, quantity }));
      expect(await priceInCart(), `${quantity} units`).toBe(price);
    }
    const cart = await cartContents(db, northwind.scope);
    expect(cart.subtotal).toBe(50 * 8000);

    // Checkout writes the break's price on the order line, computed on the server.
    const placed = await placeOrder(db, {
      ...northwind.scope,
      ...checkoutSchema.parse({ paymentMethodId: seller.paymentMethod('Net 30').id, idempotencyKey: checkoutKey() }),
    });
    const [line] = await linesOf(db, placed.orderId);
    expect(line).toMatchObject({ productId: phone.id, quantity: 50, unitPrice: 8000 });

    // A changed list changes carts, never placed orders.
    await db.transaction((tx) => addToCart(tx, { ...northwind.scope, productId: phone.id, quantity: 50 }));
    await setPriceListPrice(db, { ...scope(), priceListId: list.id, currency: 'USD', sku: phone.sku, minQuantity: 50, price: '75.00' });
    expect(await priceInCart()).toBe(7500);
    expect((await linesOf(db, placed.orderId))[0]).toMatchObject({ unitPrice: 8000 });
    await removePriceListPrice(db, { ...scope(), priceListId: list.id, productId: phone.id, minQuantity: 50 });
    expect(await priceInCart()).toBe(9000);
    await updatePriceList(db, { ...scope(), priceListId: list.id, fields: { name: 'Ten off', rule: 'percent_off', percentOff: '25' } });
    expect((await listing(northwind.organization.id, 'Breaks')).find((r) => r.id === noBreaks.id)).toMatchObject({ price: 15_000 });
  });

  it('shows a product priced only by the buyer’s list while unpriced products are hidden, and sorts by the buyer’s price', async () => {
    const { db } = database;
    await setPortalSettings(db, seller, { hideUnpriced: true });
    try {
      const quoted = await addProduct(db, seller, { model: 'Hidden 1', listPrice: null });
      const cheap = await addProduct(db, seller, { model: 'Hidden 2', listPrice: 30_000 });
      for (const p of [quoted, cheap]) await addDevices(db, seller, p.id, 2);
      const list = await fixedList('Hidden list');
      await importFile(list.id, [[quoted.sku, '1', '1.00'], [cheap.sku, '1', '2.00']]);
      const buyer = await addBuyer(db, seller, 'Hidden buyer');
      await assignPriceList(db, { ...scope(), priceListId: list.id, organizationIds: [buyer.organization.id] });
      const stranger = await addBuyer(db, seller, 'Hidden stranger');
      expect((await listing(stranger.organization.id, 'Hidden')).map((r) => r.id)).toEqual([cheap.id]);
      const page = await forSalePage(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id, view: parseForSaleView({ q: 'Hidden', sort: 'price', dir: 'desc' }) });
      expect(page.rows.map((r) => [r.id, r.price])).toEqual([[cheap.id, 200], [quoted.id, 100]]);
      expect(page.facets.total).toBe(2);
      const grouped = await forSaleGroupedPage(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id, view: parseForSaleView({ q: 'Hidden', layout: 'grouped' }) });
      expect(grouped.groups.flatMap((g) => g.cells.map((c) => c.price)).sort()).toEqual([100, 200]);
      // The stranger cannot put the hidden product in a cart; the buyer can.
      await expect(db.transaction((tx) => addToCart(tx, { ...stranger.scope, productId: quoted.id, quantity: 1 }))).rejects.toThrow(Refusal);
      await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: quoted.id, quantity: 1 }));
    } finally {
      await setPortalSettings(db, seller, { hideUnpriced: false });
    }
  });

  it('refuses a file with bad rows, names each by row, and changes nothing', async () => {
    const { db } = database;
    const a = await addProduct(db, seller, { model: 'File 1' });
    const list = await fixedList('File list');
    await importFile(list.id, [[a.sku, '1', '50.00']]);
    const bad = rows([
      [a.sku, '1', '40.00'],
      ['NO-SUCH-SKU', '1', '10.00'],
      [a.sku, '0', '10.00'],
      [a.sku, 'ten', '10.00'],
      [a.sku, '5', 'cheap'],
      [a.sku, '6', ''],
      [a.sku, '1', '41.00'],
      ['', '1', '1.00'],
    ]);
    const preview = await previewPriceListImport(db, { sellerId: seller.sellerId, priceListId: list.id, currency: 'USD', rows: bad });
    expect(preview.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, 'no product has this SKU'],
      [4, 'min_quantity must be at least 1'],
      [5, 'min_quantity "ten" is not a whole number'],
      [6, '"cheap" is not a price'],
      [7, 'price is empty'],
      [8, `this SKU at 1+ is already on row 2`],
      [9, 'sku is empty'],
    ]);
    await expect(applyPriceListImport(db, { ...scope(), priceListId: list.id, currency: 'USD', rows: bad })).rejects.toThrow(/7 rows have problems, so no price was changed/);
    expect((await priceListFile(db, { sellerId: seller.sellerId, priceListId: list.id }))!.rows).toEqual([{ sku: a.sku, minQuantity: 1, unitPrice: 5000 }]);
  });

  it('exports what it imports, and an import replaces the list', async () => {
    const { db } = database;
    const a = await addProduct(db, seller, { model: 'Round 1' });
    const b = await addProduct(db, seller, { model: 'Round 2' });
    const list = await fixedList('Round list');
    await importFile(list.id, [[a.sku, '1', '10'], [a.sku, '10', '9'], [b.sku, '', '20.50']]);
    const file = (await priceListFile(db, { sellerId: seller.sellerId, priceListId: list.id }))!;
    expect(file.rows).toEqual([
      { sku: a.sku, minQuantity: 1, unitPrice: 1000 },
      { sku: a.sku, minQuantity: 10, unitPrice: 900 },
      { sku: b.sku, minQuantity: 1, unitPrice: 2050 },
    ]);
    const preview = await previewPriceListImport(db, { sellerId: seller.sellerId, priceListId: list.id, currency: 'USD', rows: rows([[b.sku, '1', '19']]) });
    expect(preview.removed).toBe(2);
    expect(await importFile(list.id, [[b.sku, '1', '19']])).toEqual({ prices: 1, removed: 2 });
    expect((await priceListFile(db, { sellerId: seller.sellerId, priceListId: list.id }))!.rows).toEqual([{ sku: b.sku, minQuantity: 1, unitPrice: 1900 }]);
  });

  it('keeps lists per seller: another seller’s list, product or organization is refused or not found', async () => {
    const { db } = database;
    const mine = await fixedList('Mine');
    const theirs = await createPriceList(db, { sellerId: other.sellerId, actor: { label: 'other' }, fields: { name: 'Mine', rule: 'fixed', percentOff: '' } });
    const foreignProduct = await addProduct(db, other, { model: 'Foreign' });
    const foreignBuyer = await addBuyer(db, other, 'Foreign org');
    const buyer = await addBuyer(db, seller, 'Own org');
    // Another seller's list id: not found, whatever the call.
    await expect(assignPriceList(db, { ...scope(), priceListId: theirs.id, organizationIds: [buyer.organization.id] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(updatePriceList(db, { ...scope(), priceListId: theirs.id, fields: { name: 'x', rule: 'fixed', percentOff: '' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deletePriceList(db, { ...scope(), priceListId: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await priceListFile(db, { sellerId: seller.sellerId, priceListId: theirs.id })).toBeNull();
    // Another seller's organization: one unknown id refuses the whole assignment.
    await expect(assignPriceList(db, { ...scope(), priceListId: mine.id, organizationIds: [buyer.organization.id, foreignBuyer.organization.id] })).rejects.toMatchObject({ code: 'not_found' });
    const [own] = await db.select().from(s.organizations).where(eq(s.organizations.id, buyer.organization.id));
    expect(own!.priceListId).toBeNull();
    // Another seller's SKU is not a product here.
    const preview = await previewPriceListImport(db, { sellerId: seller.sellerId, priceListId: mine.id, currency: 'USD', rows: rows([[foreignProduct.sku, '1', '1']]) });
    expect(preview.problems).toHaveLength(1);
    // The database refuses a cross-seller assignment even if a query forgot to check.
    await expect(db.update(s.organizations).set({ priceListId: theirs.id }).where(eq(s.organizations.id, buyer.organization.id))).rejects.toThrow();
    // An organization of the other seller on its own list does not price this seller's For Sale.
    await assignPriceList(db, { sellerId: other.sellerId, actor: { label: 'other' }, priceListId: theirs.id, organizationIds: [foreignBuyer.organization.id] });
    const asForeign = await forSaleListing(db, { sellerId: seller.sellerId, organizationId: foreignBuyer.organization.id, view: parseForSaleView({}) });
    expect(asForeign.every((r) => r.price === r.listPrice)).toBe(true);
  });

  it('names lists uniquely per seller and refuses to delete a list organizations are on', async () => {
    const { db } = database;
    const list = await fixedList('Gold');
    await expect(fixedList('gold')).rejects.toMatchObject({ code: 'conflict' });
    await expect(createPriceList(db, { ...scope(), fields: { name: 'Bad', rule: 'percent_off', percentOff: '120' } })).rejects.toMatchObject({ code: 'invalid' });
    const buyer = await addBuyer(db, seller, 'Gold buyer');
    await assignPriceList(db, { ...scope(), priceListId: list.id, organizationIds: [buyer.organization.id] });
    await expect(deletePriceList(db, { ...scope(), priceListId: list.id })).rejects.toThrow(/1 organization is on Gold/);
    expect(await assignPriceList(db, { ...scope(), priceListId: null, organizationIds: [buyer.organization.id] })).toMatchObject({ changed: 1 });
    await deletePriceList(db, { ...scope(), priceListId: list.id });
    const audit = await db.select({ action: s.auditEntries.action }).from(s.auditEntries).where(eq(s.auditEntries.entityId, list.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['price_list.create', 'price_list.delete']));
  });
});
