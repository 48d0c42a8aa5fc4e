import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { SETTINGS_FORBIDDEN } from '@/db/queries/settings/access';
import { createWarehouse, deleteWarehouse, findWarehouse, updateWarehouse } from '@/db/queries/settings/catalogues/warehouses';
import {
  createInventoryStatus,
  deleteInventoryStatus,
  findInventoryStatus,
  listInventoryStatuses,
  updateInventoryStatus,
} from '@/db/queries/settings/catalogues/inventory-statuses';
import { createOrderStatus, deleteOrderStatus, findOrderStatus, updateOrderStatus } from '@/db/queries/settings/catalogues/order-statuses';
import { createSalesChannel, deleteSalesChannel, findSalesChannel, updateSalesChannel } from '@/db/queries/settings/catalogues/sales-channels';
import {
  createPaymentMethod,
  deletePaymentMethod,
  findPaymentMethod,
  updatePaymentMethod,
} from '@/db/queries/settings/catalogues/payment-methods';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { createInvoiceForOrder } from '@/db/queries/invoices/create-invoice';
import { asResult } from '../support/as-result';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, addStaffActor, auditCount } from '../support/settings-fixtures';
import type { SettingsActor } from '@/db/queries/settings/access';

describe('settings catalogues', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let owner: SettingsActor;
  let staff: SettingsActor;
  let other: SellerFixture;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    other = await buildSeller(database.db);
    owner = await addStaffActor(database.db, seller, 'owner');
    staff = await addStaffActor(database.db, seller, 'staff');
  });
  afterAll(() => database.close());

  const ctx = () => ({ sellerId: seller.sellerId, actor: owner });

  describe('warehouses', () => {
    it('creates, refuses duplicate codes and names (any case), edits and audits', async () => {
      const { db } = database;
      const created = await asResult(createWarehouse(db, { ...ctx(), input: { name: 'Annex', code: 'anx' } }));
      expect(created).toMatchObject({ ok: true, message: 'Warehouse ANX added.', data: { code: 'ANX', name: 'Annex' } });
      if (!created.ok) return;

      const dupCode = await asResult(createWarehouse(db, { ...ctx(), input: { name: 'Something else', code: 'Main' } }));
      expect(dupCode).toMatchObject({ ok: false, error: 'A warehouse with code MAIN already exists.' });
      if (!dupCode.ok) expect(dupCode.fieldErrors?.code).toBeDefined();
      const dupName = await asResult(createWarehouse(db, { ...ctx(), input: { name: 'ANNEX', code: 'ANX2' } }));
      expect(dupName).toMatchObject({ ok: false, error: 'A warehouse named "ANNEX" already exists.' });
      // Another seller may use the same code.
      expect((await asResult(createWarehouse(db, { sellerId: other.sellerId, actor: owner, input: { name: 'Annex', code: 'ANX' } }))).ok).toBe(true);

      const renamed = await asResult(updateWarehouse(db, { ...ctx(), warehouseId: created.data.id, input: { name: 'Annex East', code: 'ANX' } }));
      expect(renamed).toMatchObject({ ok: true, message: 'Warehouse saved.' });
      const clash = await asResult(updateWarehouse(db, { ...ctx(), warehouseId: created.data.id, input: { name: 'Annex East', code: 'OVF' } }));
      expect(clash).toMatchObject({ ok: false, error: 'A warehouse with code OVF already exists.' });
      expect(await findWarehouse(db, { sellerId: seller.sellerId, warehouseId: created.data.id })).toMatchObject({
        name: 'Annex East',
        code: 'ANX',
      });

      const changes = await recentSettingsChanges(db, { sellerId: seller.sellerId, entityTypes: ['warehouse'], entityId: created.data.id });
      expect(changes.map((c) => c.action)).toEqual(['warehouse.update', 'warehouse.create']);
      expect(changes[0]!.details).toEqual({ subject: 'Warehouse ANX', before: { name: 'Annex' }, after: { name: 'Annex East' } });
      expect(changes[0]!.actorLabel).toBe(owner.name);
    });

    it('refuses bad input with field messages', async () => {
      const { db } = database;
      const result = await asResult(createWarehouse(db, { ...ctx(), input: { name: '  ', code: 'BAD CODE!' } }));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.fieldErrors?.name).toEqual(['Enter a warehouse name.']);
        expect(result.fieldErrors?.code?.[0]).toMatch(/letters, digits/);
      }
    });

    it('refuses to delete a warehouse that holds devices or is chosen for the portal, saying where, and deletes nothing', async () => {
      const { db } = database;
      const product = await addProduct(db, seller);
      await addDevices(db, seller, product.id, 1234, { warehouse: 'MAIN' });
      await addDevices(db, seller, product.id, 1, { warehouse: 'RC' });

      const main = await asResult(deleteWarehouse(db, { ...ctx(), warehouseId: seller.warehouse('MAIN').id }));
      expect(main).toEqual({
        ok: false,
        error: "Warehouse MAIN holds 1,234 devices and is chosen in Customer Portal settings, so it can't be deleted.",
        fieldErrors: undefined,
      });
      const rc = await asResult(deleteWarehouse(db, { ...ctx(), warehouseId: seller.warehouse('RC').id }));
      expect(rc).toMatchObject({ ok: false, error: "Warehouse RC holds 1 device, so it can't be deleted." });
      const ovf = await asResult(deleteWarehouse(db, { ...ctx(), warehouseId: seller.warehouse('OVF').id }));
      expect(ovf).toMatchObject({ ok: false, error: "Warehouse OVF is chosen in Customer Portal settings, so it can't be deleted." });
      for (const code of ['MAIN', 'RC', 'OVF']) {
        expect(await findWarehouse(db, { sellerId: seller.sellerId, warehouseId: seller.warehouse(code).id })).not.toBeNull();
      }
    });

    it("deletes an unused warehouse with an audit entry; another seller's warehouse is not found", async () => {
      const { db } = database;
      const created = await asResult(createWarehouse(db, { ...ctx(), input: { name: 'Pop-up', code: 'POP' } }));
      if (!created.ok) throw new Error(created.error);
      const foreign = await asResult(deleteWarehouse(db, { sellerId: other.sellerId, actor: owner, warehouseId: created.data.id }));
      expect(foreign).toMatchObject({ ok: false, error: 'That warehouse was not found.' });
      expect(await findWarehouse(db, { sellerId: seller.sellerId, warehouseId: created.data.id })).not.toBeNull();

      const deleted = await asResult(deleteWarehouse(db, { ...ctx(), warehouseId: created.data.id }));
      expect(deleted).toMatchObject({ ok: true, message: 'Warehouse POP deleted.' });
      expect(await findWarehouse(db, { sellerId: seller.sellerId, warehouseId: created.data.id })).toBeNull();
      const [entry] = await recentSettingsChanges(db, { sellerId: seller.sellerId, entityTypes: ['warehouse'], entityId: created.data.id });
      expect(entry).toMatchObject({ action: 'warehouse.delete', details: { before: { name: 'Pop-up', code: 'POP' } } });
    });
  });

  describe('inventory statuses', () => {
    it('creates at the end of the list, refuses duplicates, edits the order', async () => {
      const { db } = database;
      const created = await asResult(createInventoryStatus(db, { ...ctx(), input: { name: 'Quarantine', position: '' } }));
      expect(created).toMatchObject({ ok: true, data: { name: 'Quarantine', position: 8 } });
      if (!created.ok) return;
      expect(await asResult(createInventoryStatus(db, { ...ctx(), input: { name: 'available' } }))).toMatchObject({
        ok: false,
        error: 'An inventory status named "available" already exists.',
      });
      expect(await asResult(updateInventoryStatus(db, { ...ctx(), statusId: created.data.id, input: { name: 'Quarantine', position: '0' } }))).toMatchObject({
        ok: true,
      });
      const list = await listInventoryStatuses(db, { sellerId: seller.sellerId });
      expect(list.rows[0]!.name).toBe('Quarantine');
      expect(await asResult(updateInventoryStatus(db, { ...ctx(), statusId: created.data.id, input: { name: 'Sold' } }))).toMatchObject({
        ok: false,
        error: 'An inventory status named "Sold" already exists.',
      });
    });

    it('refuses to delete a status that devices have or that counts toward For Sale, and deletes nothing', async () => {
      const { db } = database;
      const product = await addProduct(db, seller);
      await addDevices(db, seller, product.id, 2, { status: 'Available' });
      await addDevices(db, seller, product.id, 3, { status: 'Scrap' });
      expect(await asResult(deleteInventoryStatus(db, { ...ctx(), statusId: seller.status('Available').id }))).toMatchObject({
        ok: false,
        error: `Inventory status Available is set on ${await devicesIn('Available')} devices and counts toward For Sale in Customer Portal settings, so it can't be deleted.`,
      });
      expect(await asResult(deleteInventoryStatus(db, { ...ctx(), statusId: seller.status('Scrap').id }))).toMatchObject({
        ok: false,
        error: "Inventory status Scrap is set on 3 devices, so it can't be deleted.",
      });
      expect(await asResult(deleteInventoryStatus(db, { ...ctx(), statusId: seller.status('Listed').id }))).toMatchObject({
        ok: false,
        error: "Inventory status Listed counts toward For Sale in Customer Portal settings, so it can't be deleted.",
      });
      expect(await findInventoryStatus(db, { sellerId: seller.sellerId, statusId: seller.status('Scrap').id })).not.toBeNull();
      // Unused: deleted.
      expect(await asResult(deleteInventoryStatus(db, { ...ctx(), statusId: seller.status('Returned').id }))).toMatchObject({
        ok: true,
        message: 'Inventory status Returned deleted.',
      });
      expect(await findInventoryStatus(db, { sellerId: seller.sellerId, statusId: seller.status('Returned').id })).toBeNull();
    });

    async function devicesIn(status: string) {
      const rows = await database.db
        .select()
        .from(s.devices)
        .where(and(eq(s.devices.sellerId, seller.sellerId), eq(s.devices.statusId, seller.status(status).id)));
      return rows.length.toLocaleString('en-US');
    }
  });

  describe('order statuses', () => {
    it('creates with color and flags, refuses a bad color and duplicate names, edits flags', async () => {
      const { db } = database;
      const created = await asResult(createOrderStatus(db, {
        ...ctx(),
        input: { name: 'Packing', color: '#10B981', isOpen: 'on', allowsCommitting: 'on' },
      }));
      expect(created).toMatchObject({ ok: true, data: { name: 'Packing', color: '#10b981', isOpen: true, allowsCommitting: true } });
      if (!created.ok) return;
      const badColor = await asResult(createOrderStatus(db, { ...ctx(), input: { name: 'Odd', color: 'green' } }));
      expect(badColor.ok).toBe(false);
      if (!badColor.ok) expect(badColor.fieldErrors?.color?.[0]).toMatch(/#rrggbb/);
      expect(await asResult(createOrderStatus(db, { ...ctx(), input: { name: 'CONFIRMED', color: '#000000' } }))).toMatchObject({
        ok: false,
        error: 'An order status named "CONFIRMED" already exists.',
      });
      const edited = await asResult(updateOrderStatus(db, {
        ...ctx(),
        statusId: created.data.id,
        input: { name: 'Packing', color: '#10b981', isOpen: 'on' },
      }));
      expect(edited.ok).toBe(true);
      expect(await findOrderStatus(db, { sellerId: seller.sellerId, statusId: created.data.id })).toMatchObject({
        allowsCommitting: false,
        isOpen: true,
      });
      const [entry] = await recentSettingsChanges(db, { sellerId: seller.sellerId, entityTypes: ['order_status'], entityId: created.data.id });
      expect(entry!.details).toMatchObject({ before: { allowsCommitting: true }, after: { allowsCommitting: false } });
    });

    it('refuses to delete a status used by orders or chosen as the initial portal status', async () => {
      const { db } = database;
      await addOrder(db, seller, { status: 'Shipped' });
      await addOrder(db, seller, { status: 'Shipped' });
      expect(await asResult(deleteOrderStatus(db, { ...ctx(), statusId: seller.orderStatus('Shipped').id }))).toMatchObject({
        ok: false,
        error: "Order status Shipped is used by 2 orders, so it can't be deleted.",
      });
      expect(await asResult(deleteOrderStatus(db, { ...ctx(), statusId: seller.orderStatus('Awaiting Confirmation').id }))).toMatchObject({
        ok: false,
        error: "Order status Awaiting Confirmation is the initial order status in Customer Portal settings, so it can't be deleted.",
      });
      expect(await findOrderStatus(db, { sellerId: seller.sellerId, statusId: seller.orderStatus('Shipped').id })).not.toBeNull();
      expect(await asResult(deleteOrderStatus(db, { ...ctx(), statusId: seller.orderStatus('Cancelled').id }))).toMatchObject({ ok: true });
    });
  });

  describe('sales channels', () => {
    it('creates, refuses duplicates, renames, and refuses deleting one in use', async () => {
      const { db } = database;
      const created = await asResult(createSalesChannel(db, { ...ctx(), input: { name: 'Trade show' } }));
      if (!created.ok) throw new Error(created.error);
      expect(await asResult(createSalesChannel(db, { ...ctx(), input: { name: ' trade SHOW ' } }))).toMatchObject({
        ok: false,
        error: 'A sales channel named "trade SHOW" already exists.',
      });
      expect(await asResult(updateSalesChannel(db, { ...ctx(), channelId: created.data.id, input: { name: 'Trade fair' } }))).toMatchObject({ ok: true });
      expect((await findSalesChannel(db, { sellerId: seller.sellerId, channelId: created.data.id }))?.name).toBe('Trade fair');

      await addOrder(db, seller, { channel: 'Email', status: 'Confirmed' });
      expect(await asResult(deleteSalesChannel(db, { ...ctx(), channelId: seller.channel('Email').id }))).toMatchObject({
        ok: false,
        error: "Sales channel Email is used by 1 order, so it can't be deleted.",
      });
      expect(await asResult(deleteSalesChannel(db, { ...ctx(), channelId: seller.channel('B2B Portal').id }))).toMatchObject({
        ok: false,
        error: "Sales channel B2B Portal is chosen in Customer Portal settings, so it can't be deleted.",
      });
      expect(await findSalesChannel(db, { sellerId: seller.sellerId, channelId: seller.channel('Email').id })).not.toBeNull();
      expect(await asResult(deleteSalesChannel(db, { ...ctx(), channelId: created.data.id }))).toMatchObject({ ok: true });
    });
  });

  describe('payment methods', () => {
    it('creates with instructions, refuses duplicates, edits', async () => {
      const { db } = database;
      const created = await asResult(createPaymentMethod(db, { ...ctx(), input: { name: 'Card', instructions: 'Pay by card on pickup.' } }));
      expect(created).toMatchObject({ ok: true, data: { name: 'Card', instructions: 'Pay by card on pickup.' } });
      if (!created.ok) return;
      expect(await asResult(createPaymentMethod(db, { ...ctx(), input: { name: 'net 30' } }))).toMatchObject({
        ok: false,
        error: 'A payment method named "net 30" already exists.',
      });
      expect(await asResult(updatePaymentMethod(db, { ...ctx(), methodId: created.data.id, input: { name: 'Card', instructions: 'Visa or Mastercard.' } }))).toMatchObject({
        ok: true,
      });
      expect((await findPaymentMethod(db, { sellerId: seller.sellerId, methodId: created.data.id }))?.instructions).toBe('Visa or Mastercard.');
    });

    it('refuses to delete a method offered in the portal, used on orders or on invoices', async () => {
      const { db } = database;
      const offeredAndUsed = await addOrder(db, seller, { paymentMethod: 'Net 30' });
      await createInvoiceForOrder(db, { sellerId: seller.sellerId, orderId: offeredAndUsed.id });
      expect(await asResult(deletePaymentMethod(db, { ...ctx(), methodId: seller.paymentMethod('Net 30').id }))).toMatchObject({
        ok: false,
        error: "Payment method Net 30 is offered at checkout in Customer Portal settings, is used by 1 order and appears on 1 invoice, so it can't be deleted.",
      });

      // Only on an invoice: the order later moved to another method, the issued invoice keeps it.
      const cash = await asResult(createPaymentMethod(db, { ...ctx(), input: { name: 'Cash' } }));
      if (!cash.ok) throw new Error(cash.error);
      const order = await addOrder(db, seller, { paymentMethod: null });
      await db.update(s.salesOrders).set({ paymentMethodId: cash.data.id }).where(eq(s.salesOrders.id, order.id));
      await createInvoiceForOrder(db, { sellerId: seller.sellerId, orderId: order.id });
      await db.update(s.salesOrders).set({ paymentMethodId: null }).where(eq(s.salesOrders.id, order.id));
      expect(await asResult(deletePaymentMethod(db, { ...ctx(), methodId: cash.data.id }))).toMatchObject({
        ok: false,
        error: "Payment method Cash appears on 1 invoice, so it can't be deleted.",
      });
      expect(await findPaymentMethod(db, { sellerId: seller.sellerId, methodId: cash.data.id })).not.toBeNull();
    });
  });

  describe('the staff role', () => {
    it('is refused by every catalogue write, and nothing is written', async () => {
      const { db } = database;
      const before = await auditCount(db, seller.sellerId);
      const as = { sellerId: seller.sellerId, actor: staff };
      const results = [
        await asResult(createWarehouse(db, { ...as, input: { name: 'Staff WH', code: 'SWH' } })),
        await asResult(updateWarehouse(db, { ...as, warehouseId: seller.warehouse('RC').id, input: { name: 'Renamed', code: 'RC' } })),
        await asResult(deleteWarehouse(db, { ...as, warehouseId: seller.warehouse('RC').id })),
        await asResult(createInventoryStatus(db, { ...as, input: { name: 'Staff status' } })),
        await asResult(updateInventoryStatus(db, { ...as, statusId: seller.status('Reserved').id, input: { name: 'Held' } })),
        await asResult(deleteInventoryStatus(db, { ...as, statusId: seller.status('Reserved').id })),
        await asResult(createOrderStatus(db, { ...as, input: { name: 'Staff', color: '#000000' } })),
        await asResult(updateOrderStatus(db, { ...as, statusId: seller.orderStatus('Confirmed').id, input: { name: 'OK', color: '#000000' } })),
        await asResult(deleteOrderStatus(db, { ...as, statusId: seller.orderStatus('Confirmed').id })),
        await asResult(createSalesChannel(db, { ...as, input: { name: 'Staff channel' } })),
        await asResult(updateSalesChannel(db, { ...as, channelId: seller.channel('Phone').id, input: { name: 'Tel' } })),
        await asResult(deleteSalesChannel(db, { ...as, channelId: seller.channel('Phone').id })),
        await asResult(createPaymentMethod(db, { ...as, input: { name: 'Staff pay' } })),
        await asResult(updatePaymentMethod(db, { ...as, methodId: seller.paymentMethod('Wire transfer').id, input: { name: 'Wire' } })),
        await asResult(deletePaymentMethod(db, { ...as, methodId: seller.paymentMethod('Wire transfer').id })),
      ];
      for (const result of results) expect(result).toMatchObject({ ok: false, error: SETTINGS_FORBIDDEN });
      expect(await auditCount(db, seller.sellerId)).toBe(before);
      expect((await findWarehouse(db, { sellerId: seller.sellerId, warehouseId: seller.warehouse('RC').id }))?.name).toBe('Repair');
      expect((await findInventoryStatus(db, { sellerId: seller.sellerId, statusId: seller.status('Reserved').id }))?.name).toBe('Reserved');
      expect((await findSalesChannel(db, { sellerId: seller.sellerId, channelId: seller.channel('Phone').id }))?.name).toBe('Phone');
    });

    it('lets an admin change settings', async () => {
      const admin = await addStaffActor(database.db, seller, 'admin');
      expect(await asResult(createSalesChannel(database.db, { sellerId: seller.sellerId, actor: admin, input: { name: 'Admin channel' } }))).toMatchObject({
        ok: true,
      });
    });
  });
});
