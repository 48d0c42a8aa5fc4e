import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { callAction, serverActions, sessionCookie } from './support/client';
import { addBuyers, addSellableDevices, closeClusterDb, rows, sellerScene } from './support/database';
import { recordFigure } from './support/report';
import { addDevicesSchema, moveDevicesSchema, previewDeviceMoveSchema } from '@/lib/validation/inventory';
import { importBatchRef, previewImportRangeSchema, uploadImportRowsSchema } from '@/lib/validation/imports';
import * as orders from '@/lib/validation/orders';
import { createRmaSchema, changeRmaStatusSchema, checkRmaDevicesSchema, decideRmaLineSchema } from '@/lib/validation/rmas';
import { catalogueEntry } from '@/lib/validation/catalogues';
import { portalSettingsSchema } from '@/lib/validation/portal-settings';
import { changeStaffRoleSchema, inviteCustomer, portalAccountRef, setPortalAccountEnabledSchema, setStaffUserEnabledSchema, staffUserRef } from '@/lib/validation/accounts';
import { priceUpdateSchema, updateProductSchema } from '@/lib/validation/products';
import { updateOrganizationForm } from '@/lib/validation/organization';
import { addShipToAddressSchema, shipToAddressRef, updateShipToAddressSchema } from '@/lib/validation/ship-to-address';
import {
  assignPriceListSchema,
  deletePriceListSchema,
  priceListImportSchema,
  removePriceListPriceSchema,
  setPriceListPriceSchema,
  updatePriceListSchema,
} from '@/lib/validation/price-lists';
import { answerQuoteSchema, quoteRefSchema } from '@/lib/validation/quotes';
import {
  conditionPasteSchema,
  importConditionUploadSchema,
  previewConditionPasteSchema,
  stageConditionChunkSchema,
  updateDeviceConditionSchema,
} from '@/lib/validation/device-condition';
import { addDevicePhotoSchema, addProductPhotoSchema, movePhotoSchema, photoRefSchema, updatePhotoSchema } from '@/lib/validation/photos';

/**
 * Who may call what, as a table built from the build itself: every server
 * action in the build's manifest and every portal route with an id in its
 * path must have a row here (a new one without a row fails the first test).
 * Each staff action is called without a session, as a customer, and below its
 * role; each customer action without a session and with another seller's
 * customer session; customer pages and downloads with ids of another
 * organization of the same seller and of another seller. Every call must be
 * refused (or answer 404), and a snapshot of the database must not change.
 */
const { instances } = inject('reliability');
const origin = instances[1]!.origin;

type Area = 'staff' | 'customer' | 'public';
type Row = { area: Area; minRole?: 'admin' | 'owner' };
const staff: Row = { area: 'staff' };
const admin: Row = { area: 'staff', minRole: 'admin' };
const owner: Row = { area: 'staff', minRole: 'owner' };
const customer: Row = { area: 'customer' };
/** Sign-in, sign-out and link pages: anyone may call them, their limits are tested by the auth suites. */
const open: Row = { area: 'public' };

const actionRows: Record<string, Row> = {
  // The link is the authority (it works signed out, in another browser); its token is tested by test/integration/my-account.test.ts.
  'lib/actions/account/confirm-email-change.ts#confirmEmailChangeAction': open,
  'lib/actions/account/change-buyer-password.ts#changeBuyerPasswordAction': customer,
  'lib/actions/account/request-buyer-email-change.ts#requestBuyerEmailChangeAction': customer,
  'lib/actions/account/sign-out-buyer-everywhere.ts#signOutBuyerEverywhereAction': customer,
  'lib/actions/account/update-buyer-name.ts#updateBuyerNameAction': customer,
  'lib/actions/account/change-staff-password.ts#changeStaffPasswordAction': staff,
  'lib/actions/account/request-staff-email-change.ts#requestStaffEmailChangeAction': staff,
  'lib/actions/account/sign-out-staff-everywhere.ts#signOutStaffEverywhereAction': staff,
  'lib/actions/account/update-staff-name.ts#updateStaffNameAction': staff,
  'lib/actions/auth/complete-link.ts#completeLinkAction': open,
  'lib/actions/auth/customer-sign-in.ts#customerSignInAction': open,
  'lib/actions/auth/customer-sign-out.ts#customerSignOutAction': open,
  'lib/actions/auth/request-link.ts#requestLinkAction': open,
  'lib/actions/auth/send-fresh-link.ts#sendFreshLinkAction': open,
  'lib/actions/auth/staff-sign-in.ts#staffSignInAction': open,
  'lib/actions/auth/staff-sign-out.ts#staffSignOutAction': open,
  'lib/actions/inventory/add-devices.ts#addDevicesAction': staff,
  'lib/actions/inventory/apply-condition-paste.ts#applyConditionPasteAction': staff,
  'lib/actions/inventory/import-device-condition.ts#importDeviceConditionAction': staff,
  'lib/actions/inventory/preview-condition-paste.ts#previewConditionPasteAction': staff,
  'lib/actions/inventory/stage-device-condition-chunk.ts#stageDeviceConditionChunkAction': staff,
  'lib/actions/inventory/update-device-condition.ts#updateDeviceConditionAction': staff,
  'lib/actions/inventory/import-devices.ts#importDevicesAction': staff,
  'lib/actions/inventory/move-devices.ts#moveDevicesAction': staff,
  'lib/actions/inventory/preview-device-move.ts#previewDeviceMoveAction': staff,
  'lib/actions/inventory/preview-device-import.ts#previewDeviceImportAction': staff,
  'lib/actions/imports/start-product-import.ts#startProductImportAction': staff,
  'lib/actions/imports/start-device-import.ts#startDeviceImportAction': staff,
  'lib/actions/imports/upload-import-rows.ts#uploadImportRowsAction': staff,
  'lib/actions/products/preview-product-import.ts#previewProductImportAction': staff,
  'lib/actions/products/apply-product-import.ts#applyProductImportAction': staff,
  'lib/actions/orders/add-order-line.ts#addOrderLineAction': staff,
  'lib/actions/orders/add-shipment.ts#addShipmentAction': staff,
  'lib/actions/orders/change-order-status.ts#changeOrderStatusAction': staff,
  'lib/actions/orders/commit-devices.ts#commitDevicesAction': staff,
  'lib/actions/orders/create-invoice.ts#createInvoiceAction': staff,
  'lib/actions/orders/create-order.ts#createOrderAction': staff,
  'lib/actions/orders/email-invoice.ts#emailInvoiceAction': staff,
  'lib/actions/orders/find-products-for-order.ts#findProductsForOrderAction': staff,
  'lib/actions/orders/issue-credit-note.ts#issueCreditNoteAction': staff,
  'lib/actions/orders/remove-order-line.ts#removeOrderLineAction': staff,
  'lib/actions/orders/remove-shipment.ts#removeShipmentAction': staff,
  'lib/actions/orders/set-invoice-paid.ts#setInvoicePaidAction': staff,
  'lib/actions/orders/uncommit-devices.ts#uncommitDevicesAction': staff,
  'lib/actions/orders/update-order-details.ts#updateOrderDetailsAction': staff,
  'lib/actions/orders/update-order-line.ts#updateOrderLineAction': staff,
  'lib/actions/orders/void-invoice.ts#voidInvoiceAction': staff,
  'lib/actions/organizations/add-ship-to-address.ts#addShipToAddressAction': staff,
  'lib/actions/organizations/create-organization.ts#createOrganizationAction': staff,
  'lib/actions/organizations/delete-ship-to-address.ts#deleteShipToAddressAction': staff,
  'lib/actions/organizations/invite-portal-account.ts#invitePortalAccountAction': staff,
  'lib/actions/organizations/make-default-ship-to-address.ts#makeDefaultShipToAddressAction': staff,
  'lib/actions/organizations/resend-portal-invite.ts#resendPortalInviteAction': staff,
  'lib/actions/organizations/set-portal-account-enabled.ts#setPortalAccountEnabledAction': staff,
  'lib/actions/organizations/update-organization.ts#updateOrganizationAction': staff,
  'lib/actions/organizations/update-ship-to-address.ts#updateShipToAddressAction': staff,
  'lib/actions/portal/add-buyer-ship-to-address.ts#addBuyerShipToAddressAction': customer,
  'lib/actions/portal/add-to-cart.ts#addToCartAction': customer,
  'lib/actions/portal/cancel-rma.ts#cancelRmaAction': customer,
  'lib/actions/portal/change-cart-quantity.ts#changeCartQuantityAction': customer,
  'lib/actions/portal/check-rma-devices.ts#checkRmaDevicesAction': customer,
  'lib/actions/portal/order-again.ts#orderAgainAction': customer,
  'lib/actions/portal/pick-units.ts#pickUnitsAction': customer,
  'lib/actions/portal/unpick-unit.ts#unpickUnitAction': customer,
  'lib/actions/portal/place-order.ts#placeOrderAction': customer,
  'lib/actions/portal/remove-from-cart.ts#removeFromCartAction': customer,
  'lib/actions/portal/request-rma.ts#requestRmaAction': customer,
  'lib/actions/products/apply-price-update.ts#applyPriceUpdateAction': staff,
  'lib/actions/products/create-product.ts#createProductAction': staff,
  'lib/actions/products/preview-price-update.ts#previewPriceUpdateAction': staff,
  'lib/actions/products/update-product.ts#updateProductAction': staff,
  'lib/actions/rmas/change-rma-status.ts#changeRmaStatusAction': staff,
  'lib/actions/rmas/check-rma-devices.ts#checkRmaDevicesAction': staff,
  'lib/actions/rmas/create-rma.ts#createRmaAction': staff,
  'lib/actions/rmas/decide-rma-line.ts#decideRmaLineAction': staff,
  'lib/actions/settings/check-custom-domain.ts#checkCustomDomainAction': admin,
  'lib/actions/settings/create-catalogue-entry.ts#createCatalogueEntryAction': admin,
  'lib/actions/settings/delete-catalogue-entry.ts#deleteCatalogueEntryAction': admin,
  'lib/actions/settings/save-portal-settings.ts#savePortalSettingsAction': admin,
  'lib/actions/settings/save-company-profile.ts#saveCompanyProfileAction': admin,
  'lib/actions/settings/update-catalogue-entry.ts#updateCatalogueEntryAction': admin,
  'lib/actions/staff-users/change-staff-role.ts#changeStaffRoleAction': owner,
  'lib/actions/staff-users/invite-staff-user.ts#inviteStaffUserAction': admin,
  'lib/actions/staff-users/resend-staff-invite.ts#resendStaffInviteAction': admin,
  'lib/actions/staff-users/set-staff-user-enabled.ts#setStaffUserEnabledAction': admin,
  'lib/actions/price-lists/apply-price-list-import.ts#applyPriceListImportAction': admin,
  'lib/actions/price-lists/assign-price-list.ts#assignPriceListAction': admin,
  'lib/actions/price-lists/create-price-list.ts#createPriceListAction': admin,
  'lib/actions/price-lists/delete-price-list.ts#deletePriceListAction': admin,
  'lib/actions/price-lists/preview-price-list-import.ts#previewPriceListImportAction': admin,
  'lib/actions/price-lists/remove-price-list-price.ts#removePriceListPriceAction': admin,
  'lib/actions/price-lists/set-price-list-price.ts#setPriceListPriceAction': admin,
  'lib/actions/price-lists/update-price-list.ts#updatePriceListAction': admin,
  'lib/actions/organizations/apply-organization-import.ts#applyOrganizationImportAction': admin,
  'lib/actions/organizations/invite-imported-buyers.ts#inviteImportedBuyersAction': admin,
  'lib/actions/organizations/preview-organization-import.ts#previewOrganizationImportAction': admin,
  'lib/actions/quotes/answer-quote.ts#answerQuoteAction': staff,
  'lib/actions/quotes/withdraw-quote.ts#withdrawQuoteAction': staff,
  'lib/actions/portal/accept-quote.ts#acceptQuoteAction': customer,
  'lib/actions/portal/decline-quote.ts#declineQuoteAction': customer,
  'lib/actions/portal/request-quote.ts#requestQuoteAction': customer,
  'lib/actions/portal/add-bulk-order.ts#addBulkOrderAction': customer,
  'lib/actions/portal/preview-bulk-order.ts#previewBulkOrderAction': customer,
  'lib/actions/photos/add-product-photo.ts#addProductPhotoAction': staff,
  'lib/actions/photos/add-device-photo.ts#addDevicePhotoAction': staff,
  'lib/actions/photos/add-grade-photo.ts#addGradePhotoAction': staff,
  'lib/actions/photos/update-photo.ts#updatePhotoAction': staff,
  'lib/actions/photos/move-photo.ts#movePhotoAction': staff,
  'lib/actions/photos/remove-photo.ts#removePhotoAction': staff,
  'lib/actions/grades/save-grade-description.ts#saveGradeDescriptionAction': staff,
  'lib/actions/grades/remove-grade-description.ts#removeGradeDescriptionAction': staff,
};

/** Customer routes with an id in the path, and how to fill it with someone else's document. */
type Foreign = { order: number; invoice: number; rma: number; quote: number; sku: string };
const idRoutes: Record<string, ((f: Foreign) => string) | 'no ids'> = {
  '/(portal)/p/[slug]/(shop)/orders/[number]/page': (f) => `/orders/${f.order}`,
  '/(portal)/p/[slug]/(shop)/orders/[number]/imeis.csv/route': (f) => `/orders/${f.order}/imeis.csv`,
  '/(portal)/p/[slug]/(shop)/orders/[number]/invoices/[invoiceNumber]/page': (f) => `/orders/${f.order}/invoices/${f.invoice}`,
  '/(portal)/p/[slug]/(shop)/orders/[number]/invoices/[invoiceNumber]/pdf/route': (f) => `/orders/${f.order}/invoices/${f.invoice}/pdf`,
  '/(portal)/p/[slug]/(shop)/checkout/confirmation/[number]/page': (f) => `/checkout/confirmation/${f.order}`,
  '/(portal)/p/[slug]/(shop)/rmas/[number]/page': (f) => `/rmas/${f.rma}`,
  '/(portal)/p/[slug]/(shop)/quotes/[number]/page': (f) => `/quotes/${f.quote}`,
  // A product page: the same seller's SKU that is not for sale, and another seller's SKU that acme does not have.
  '/(portal)/p/[slug]/(shop)/products/[sku]/page': (f) => `/products/${encodeURIComponent(f.sku)}`,
  // A logo is public by design (it is on the sign-in page); its name is a content hash.
  '/(portal)/p/[slug]/logo/[file]/route': 'no ids',
  // Any path the portal has no page for: always the portal's not-found page, whatever it names.
  '/(portal)/p/[slug]/(shop)/[...missing]/page': 'no ids',
  // A photo is the seller's, not an organization's (every buyer of the portal sees For Sale's photos);
  // another seller's photo hash is checked below ("photos of another seller").
  '/(portal)/p/[slug]/photos/[file]/route': 'no ids',
};

/** Acme's first price list, and an answered quote of acme with one line, numbered past every quote of bolt. */
async function acmeQuoteAndList(sellerId: number, organizationId: number, portalAccountId: number, productId: number, rivalId: number) {
  const [list] = await rows<{ id: number }>(sql`select id from price_lists where seller_id = ${sellerId} order by id limit 1`);
  const [quote] = await rows<{ id: number; number: number }>(sql`
    insert into quotes (seller_id, number, organization_id, portal_account_id, status, valid_until, answered_at)
    values (${sellerId}, (select coalesce(max(number), 700) + 1000 from quotes where seller_id in (${sellerId}, ${rivalId})),
      ${organizationId}, ${portalAccountId}, 'answered', current_date + 30, now())
    returning id, number`);
  const [line] = await rows<{ id: number }>(sql`
    insert into quote_lines (seller_id, quote_id, product_id, quantity, quoted_unit_price, position)
    values (${sellerId}, ${quote!.id}, ${productId}, 1, 1000, 0) returning id`);
  return { priceListId: list!.id, quoteNumber: Number(quote!.number), quoteLineId: line!.id };
}

/**
 * A SKU acme's buyer must not open: for acme itself a product with nothing for sale, for another seller a
 * product for sale there whose SKU acme does not have (made when the demo has none).
 */
async function foreignSku(sellerId: number, acmeId: number): Promise<string> {
  if (sellerId === acmeId) {
    const sku = `MATRIX-UNAVAILABLE-${process.pid}`;
    await rows(sql`insert into products (seller_id, sku, manufacturer, model, list_price) values (${acmeId}, ${sku}, 'Matrix', 'Unavailable', 1000)`);
    return sku;
  }
  const [theirs] = await rows<{ sku: string }>(sql`
    select p.sku from products p join product_availability a on a.product_id = p.id and a.quantity > 0
    where p.seller_id = ${sellerId} and not exists (select 1 from products q where q.seller_id = ${acmeId} and lower(q.sku) = lower(p.sku))
    order by p.id limit 1`);
  if (theirs) return theirs.sku;
  const sku = `MATRIX-RIVAL-ONLY-${process.pid}`;
  const [product] = await rows<{ id: number }>(sql`
    insert into products (seller_id, sku, manufacturer, model, list_price) values (${sellerId}, ${sku}, 'Matrix', 'Rival', 1000) returning id`);
  await addSellableDevices(sellerId, product!.id, 1);
  return sku;
}

/** A photo of acme's (the demo gives every product one). */
async function acmePhoto(sellerId: number): Promise<{ photoId: number; photoSha256: string }> {
  const [photo] = await rows<{ id: number; sha256: string }>(sql`
    select p.id, i.sha256 from photos p join photo_images i on i.id = p.image_id where p.seller_id = ${sellerId} and p.product_id is not null order by p.id limit 1`);
  if (!photo) throw new Error('acme has no product photo: the demo seed gives every product one');
  return { photoId: photo.id, photoSha256: photo.sha256 };
}

/** Documents and records of acme that bolt's staff must not reach, made for this test (numbers bolt does not have). */
type AcmeIds = {
  productId: number; sku: string; statusId: number; warehouseId: number; orderStatusId: number; channelId: number;
  paymentMethodId: number; organizationId: number; portalAccountId: number; staffUserId: number;
  orderNumber: number; lineId: number; deviceId: number; committedImei: string; freeImei: string; invoiceNumber: number; rmaNumber: number;
  rmaLineId: number;
  /** A second (not default) shipping address of acme's organization. */
  shipToAddressId: number;
  /** A status of the rival's own, so a move is refused for acme's device, not for the status. */
  rivalStatusId: number;
  /** Acme's price list, and a quote of acme (answered, with a line) numbered past bolt's quotes. */
  priceListId: number;
  quoteNumber: number;
  quoteLineId: number;
  /** Staged (not applied) import batches of acme's owner: a products file and a device file of one row each. */
  productBatchId: number;
  deviceBatchId: number;
  /** A photo of acme's gallery (the demo's product photos) and its image hash. */
  photoId: number;
  photoSha256: string;
};
type Cell = { args: (ids: AcmeIds) => unknown; schema: z.ZodType; refused?: (result: { ok?: boolean; data?: unknown }) => boolean };
const noAddress = { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' };

/**
 * Every staff action that takes an id, called by the owner of another seller
 * (bolt) with acme's ids: each must be refused (or, for a search or a preview,
 * find nothing). The arguments are checked against the action's own schema
 * first, so the refusal comes from the data layer's scoping, not from a typo.
 */
const crossSeller: Record<string, Cell> = {
  'lib/actions/inventory/add-devices.ts#addDevicesAction': {
    schema: addDevicesSchema,
    args: (i) => ({ kind: 'imei', identifiers: '356938035643809', productId: i.productId, warehouseId: i.warehouseId, statusId: i.statusId, cost: '' }),
  },
  // Import batches belong to one seller and one staff user: acme's batch ids are "not found" to anyone else.
  'lib/actions/inventory/import-devices.ts#importDevicesAction': { schema: importBatchRef, args: (i) => ({ batchId: i.deviceBatchId }) },
  'lib/actions/inventory/preview-device-import.ts#previewDeviceImportAction': { schema: previewImportRangeSchema, args: (i) => ({ batchId: i.deviceBatchId, fromRow: 2, toRow: 2 }) },
  'lib/actions/imports/upload-import-rows.ts#uploadImportRowsAction': {
    schema: uploadImportRowsSchema,
    args: (i) => ({ batchId: i.productBatchId, rows: [{ row: 2, cells: [`${i.sku}-HIJACK`, 'Rival', 'Hijack'] }] }),
  },
  'lib/actions/products/preview-product-import.ts#previewProductImportAction': { schema: previewImportRangeSchema, args: (i) => ({ batchId: i.productBatchId, fromRow: 2, toRow: 2 }) },
  'lib/actions/products/apply-product-import.ts#applyProductImportAction': { schema: importBatchRef, args: (i) => ({ batchId: i.productBatchId }) },
  'lib/actions/inventory/move-devices.ts#moveDevicesAction': {
    schema: moveDevicesSchema,
    args: (i) => ({ selection: 'selected', deviceIds: [i.deviceId], statusId: i.rivalStatusId }),
  },
  'lib/actions/inventory/preview-device-move.ts#previewDeviceMoveAction': {
    schema: previewDeviceMoveSchema,
    args: (i) => ({ selection: 'selected', deviceIds: [i.deviceId] }),
  },
  'lib/actions/inventory/update-device-condition.ts#updateDeviceConditionAction': {
    schema: updateDeviceConditionSchema,
    args: (i) => ({
      deviceId: i.deviceId, batteryHealth: '1', batteryCycles: '', carrierLock: 'locked', carrier: 'Rival', blacklistStatus: 'blacklisted',
      activationLock: 'on', mdmLock: 'on', frpLock: 'on', functionalTest: 'fail', failedChecks: 'Everything', cosmeticNotes: '', testedAt: '', testSource: '',
    }),
  },
  // Acme's IMEI reads as unknown to bolt: the chunk has a problem, so it is not kept.
  'lib/actions/inventory/stage-device-condition-chunk.ts#stageDeviceConditionChunkAction': {
    schema: stageConditionChunkSchema,
    args: (i) => ({ uploadKey: 'rival-upload-0001', position: 0, rows: [{ row: 2, imei: i.freeImei, batteryHealth: '1' }] }),
    refused: (r) => r.ok !== true || ((r.data as { problems?: unknown[] })?.problems?.length ?? 0) > 0,
  },
  'lib/actions/inventory/import-device-condition.ts#importDeviceConditionAction': {
    schema: importConditionUploadSchema,
    args: () => ({ uploadKey: 'rival-upload-0001', chunks: 1 }),
  },
  'lib/actions/inventory/preview-condition-paste.ts#previewConditionPasteAction': {
    schema: previewConditionPasteSchema,
    args: (i) => ({ text: `${i.freeImei}\n${i.committedImei}` }),
    refused: (r) => r.ok !== true || (r.data as { matched?: number })?.matched === 0,
  },
  'lib/actions/inventory/apply-condition-paste.ts#applyConditionPasteAction': {
    schema: conditionPasteSchema,
    args: (i) => ({ text: i.freeImei, blacklistStatus: 'blacklisted' }),
  },
  'lib/actions/orders/add-order-line.ts#addOrderLineAction': { schema: orders.addOrderLineSchema, args: (i) => ({ orderNumber: i.orderNumber, productId: i.productId, quantity: 1 }) },
  'lib/actions/orders/change-order-status.ts#changeOrderStatusAction': { schema: orders.changeOrderStatusSchema, args: (i) => ({ orderNumber: i.orderNumber, statusId: i.orderStatusId }) },
  'lib/actions/orders/add-shipment.ts#addShipmentAction': { schema: orders.addShipmentSchema, args: (i) => ({ orderNumber: i.orderNumber, carrier: 'ups', trackingNumber: '1Z999AA10123456784' }) },
  // Any id: acme's order number is not bolt's, so the order is not found before the shipment is looked at.
  'lib/actions/orders/remove-shipment.ts#removeShipmentAction': { schema: orders.removeShipmentSchema, args: (i) => ({ orderNumber: i.orderNumber, shipmentId: i.lineId }) },
  'lib/actions/orders/commit-devices.ts#commitDevicesAction': { schema: orders.commitDevicesSchema, args: (i) => ({ orderNumber: i.orderNumber, imeis: i.freeImei }) },
  'lib/actions/orders/create-invoice.ts#createInvoiceAction': { schema: orders.createInvoiceSchema, args: (i) => ({ orderNumber: i.orderNumber, email: false }) },
  'lib/actions/orders/create-order.ts#createOrderAction': {
    schema: orders.createOrderSchema,
    args: (i) => ({ organizationId: i.organizationId, statusId: i.orderStatusId, channelId: i.channelId, paymentMethodId: i.paymentMethodId, lines: [{ productId: i.productId, quantity: 1 }] }),
  },
  'lib/actions/orders/email-invoice.ts#emailInvoiceAction': { schema: orders.invoiceRef, args: (i) => ({ orderNumber: i.orderNumber, invoiceNumber: i.invoiceNumber }) },
  'lib/actions/orders/find-products-for-order.ts#findProductsForOrderAction': {
    schema: orders.findProductsSchema,
    args: (i) => ({ query: i.sku }),
    refused: (r) => r.ok !== true || (Array.isArray(r.data) && r.data.length === 0),
  },
  'lib/actions/orders/issue-credit-note.ts#issueCreditNoteAction': {
    schema: orders.issueCreditNoteSchema,
    args: (i) => ({ orderNumber: i.orderNumber, invoiceNumber: i.invoiceNumber, amount: '1.00', reason: 'Taken over' }),
  },
  'lib/actions/orders/remove-order-line.ts#removeOrderLineAction': { schema: orders.removeOrderLineSchema, args: (i) => ({ orderNumber: i.orderNumber, lineId: i.lineId }) },
  'lib/actions/orders/set-invoice-paid.ts#setInvoicePaidAction': { schema: orders.setInvoicePaidSchema, args: (i) => ({ orderNumber: i.orderNumber, invoiceNumber: i.invoiceNumber, paid: true }) },
  'lib/actions/orders/uncommit-devices.ts#uncommitDevicesAction': { schema: orders.uncommitDevicesSchema, args: (i) => ({ orderNumber: i.orderNumber, lineId: i.lineId }) },
  'lib/actions/orders/update-order-details.ts#updateOrderDetailsAction': { schema: orders.updateOrderDetailsSchema, args: (i) => ({ orderNumber: i.orderNumber, poNumber: 'TAKEN' }) },
  'lib/actions/orders/update-order-line.ts#updateOrderLineAction': { schema: orders.updateOrderLineSchema, args: (i) => ({ orderNumber: i.orderNumber, lineId: i.lineId, quantity: 1 }) },
  'lib/actions/orders/void-invoice.ts#voidInvoiceAction': {
    schema: orders.voidInvoiceSchema,
    args: (i) => ({ orderNumber: i.orderNumber, invoiceNumber: i.invoiceNumber, reason: 'Taken over' }),
  },
  'lib/actions/organizations/add-ship-to-address.ts#addShipToAddressAction': {
    schema: addShipToAddressSchema,
    args: (i) => ({ organizationId: i.organizationId, label: 'Intruder', line1: '1 Rival Road', city: 'Rivaltown', country: 'US', isDefault: true }),
  },
  'lib/actions/organizations/delete-ship-to-address.ts#deleteShipToAddressAction': {
    schema: shipToAddressRef,
    args: (i) => ({ organizationId: i.organizationId, addressId: i.shipToAddressId }),
  },
  'lib/actions/organizations/make-default-ship-to-address.ts#makeDefaultShipToAddressAction': {
    schema: shipToAddressRef,
    args: (i) => ({ organizationId: i.organizationId, addressId: i.shipToAddressId }),
  },
  'lib/actions/organizations/update-ship-to-address.ts#updateShipToAddressAction': {
    schema: updateShipToAddressSchema,
    args: (i) => ({ organizationId: i.organizationId, addressId: i.shipToAddressId, label: 'Taken over', line1: '1 Rival Road', city: 'Rivaltown', country: 'US' }),
  },
  'lib/actions/organizations/invite-portal-account.ts#invitePortalAccountAction': {
    schema: inviteCustomer,
    args: (i) => ({ organizationId: i.organizationId, name: 'Intruder', email: 'intruder@rival.example' }),
  },
  'lib/actions/organizations/resend-portal-invite.ts#resendPortalInviteAction': { schema: portalAccountRef, args: (i) => ({ portalAccountId: i.portalAccountId, organizationId: i.organizationId }) },
  'lib/actions/organizations/set-portal-account-enabled.ts#setPortalAccountEnabledAction': {
    schema: setPortalAccountEnabledSchema,
    args: (i) => ({ portalAccountId: i.portalAccountId, organizationId: i.organizationId, enabled: false }),
  },
  'lib/actions/organizations/update-organization.ts#updateOrganizationAction': {
    schema: updateOrganizationForm,
    args: (i) => ({ organizationId: i.organizationId, name: 'Taken over', email: '', phone: '', billingAddress: noAddress }),
  },
  'lib/actions/products/apply-price-update.ts#applyPriceUpdateAction': { schema: priceUpdateSchema, args: (i) => ({ rows: [{ row: 2, sku: i.sku, listPrice: '1.00' }] }) },
  'lib/actions/products/preview-price-update.ts#previewPriceUpdateAction': {
    schema: priceUpdateSchema,
    args: (i) => ({ rows: [{ row: 2, sku: i.sku, listPrice: '1.00' }] }),
    refused: (r) => r.ok !== true || ((r.data as { problems?: unknown[] })?.problems?.length ?? 0) > 0,
  },
  'lib/actions/products/update-product.ts#updateProductAction': {
    schema: updateProductSchema,
    args: (i) => ({ id: i.productId, sku: i.sku, manufacturer: 'Taken', model: 'Over', listPrice: '1.00' }),
  },
  'lib/actions/rmas/change-rma-status.ts#changeRmaStatusAction': { schema: changeRmaStatusSchema, args: (i) => ({ rmaNumber: i.rmaNumber, to: 'rejected', reason: 'Taken over' }) },
  'lib/actions/rmas/check-rma-devices.ts#checkRmaDevicesAction': { schema: checkRmaDevicesSchema, args: (i) => ({ organizationId: i.organizationId, imeis: i.committedImei }) },
  'lib/actions/rmas/create-rma.ts#createRmaAction': {
    schema: createRmaSchema,
    args: (i) => ({ organizationId: i.organizationId, lines: [{ imei: i.committedImei, reason: 'x', disposition: 'return', refund: '' }] }),
  },
  'lib/actions/rmas/decide-rma-line.ts#decideRmaLineAction': {
    schema: decideRmaLineSchema,
    args: (i) => ({ decision: 'reject', rmaNumber: i.rmaNumber, lineId: i.rmaLineId, reason: 'Taken over' }),
  },
  'lib/actions/settings/delete-catalogue-entry.ts#deleteCatalogueEntryAction': { schema: catalogueEntry, args: (i) => ({ catalogue: 'warehouses', id: i.warehouseId }) },
  'lib/actions/settings/update-catalogue-entry.ts#updateCatalogueEntryAction': {
    schema: catalogueEntry,
    args: (i) => ({ catalogue: 'warehouses', id: i.warehouseId, name: 'Taken', code: 'TAKEN' }),
  },
  'lib/actions/settings/save-portal-settings.ts#savePortalSettingsAction': {
    schema: portalSettingsSchema,
    args: (i) => ({
      enabled: true, statusIds: [i.statusId], warehouseIds: [i.warehouseId], initialOrderStatusId: i.orderStatusId, salesChannelId: i.channelId,
      autoInvoice: false, paymentMethodIds: [i.paymentMethodId], hideUnpriced: false, displayName: '', brandColor: '#1d4ed8',
      returnWindowDays: '', invoiceDueDays: '30', customDomain: '',
    }),
  },
  'lib/actions/staff-users/change-staff-role.ts#changeStaffRoleAction': { schema: changeStaffRoleSchema, args: (i) => ({ staffUserId: i.staffUserId, role: 'owner' }) },
  'lib/actions/staff-users/resend-staff-invite.ts#resendStaffInviteAction': { schema: staffUserRef, args: (i) => ({ staffUserId: i.staffUserId }) },
  'lib/actions/staff-users/set-staff-user-enabled.ts#setStaffUserEnabledAction': { schema: setStaffUserEnabledSchema, args: (i) => ({ staffUserId: i.staffUserId, enabled: false }) },
  'lib/actions/price-lists/update-price-list.ts#updatePriceListAction': { schema: updatePriceListSchema, args: (i) => ({ id: i.priceListId, name: 'Taken over', rule: 'fixed', percentOff: '' }) },
  'lib/actions/price-lists/delete-price-list.ts#deletePriceListAction': { schema: deletePriceListSchema, args: (i) => ({ id: i.priceListId }) },
  'lib/actions/price-lists/assign-price-list.ts#assignPriceListAction': { schema: assignPriceListSchema, args: (i) => ({ priceListId: i.priceListId, organizationIds: [i.organizationId] }) },
  'lib/actions/price-lists/set-price-list-price.ts#setPriceListPriceAction': { schema: setPriceListPriceSchema, args: (i) => ({ id: i.priceListId, sku: i.sku, minQuantity: 1, price: '1.00' }) },
  'lib/actions/price-lists/remove-price-list-price.ts#removePriceListPriceAction': { schema: removePriceListPriceSchema, args: (i) => ({ id: i.priceListId, productId: i.productId, minQuantity: 1 }) },
  'lib/actions/price-lists/preview-price-list-import.ts#previewPriceListImportAction': { schema: priceListImportSchema, args: (i) => ({ id: i.priceListId, rows: [{ row: 2, sku: i.sku, minQuantity: '1', price: '1.00' }] }) },
  'lib/actions/price-lists/apply-price-list-import.ts#applyPriceListImportAction': { schema: priceListImportSchema, args: (i) => ({ id: i.priceListId, rows: [{ row: 2, sku: i.sku, minQuantity: '1', price: '1.00' }] }) },
  'lib/actions/quotes/answer-quote.ts#answerQuoteAction': {
    schema: answerQuoteSchema,
    args: (i) => ({ number: i.quoteNumber, validUntil: '2099-12-31', note: '', lineId: [i.quoteLineId], price: ['1.00'] }),
  },
  'lib/actions/quotes/withdraw-quote.ts#withdrawQuoteAction': { schema: quoteRefSchema, args: (i) => ({ number: i.quoteNumber }) },
  // No file: the product or device is looked up for the caller's seller before any file is read.
  'lib/actions/photos/add-product-photo.ts#addProductPhotoAction': { schema: addProductPhotoSchema, args: (i) => ({ productId: i.productId, alt: 'Taken over' }) },
  'lib/actions/photos/add-device-photo.ts#addDevicePhotoAction': { schema: addDevicePhotoSchema, args: (i) => ({ deviceId: i.deviceId, alt: 'Taken over' }) },
  'lib/actions/photos/update-photo.ts#updatePhotoAction': { schema: updatePhotoSchema, args: (i) => ({ photoId: i.photoId, alt: 'Taken over' }) },
  'lib/actions/photos/move-photo.ts#movePhotoAction': { schema: movePhotoSchema, args: (i) => ({ photoId: i.photoId, direction: 'later' }) },
  'lib/actions/photos/remove-photo.ts#removePhotoAction': { schema: photoRefSchema, args: (i) => ({ photoId: i.photoId }) },
};

/** Staff actions that take no id of anything: they act on the caller's own seller only. */
const ownSellerOnly = new Set([
  'lib/actions/organizations/create-organization.ts#createOrganizationAction',
  'lib/actions/products/create-product.ts#createProductAction',
  'lib/actions/settings/check-custom-domain.ts#checkCustomDomainAction',
  'lib/actions/settings/create-catalogue-entry.ts#createCatalogueEntryAction',
  'lib/actions/staff-users/invite-staff-user.ts#inviteStaffUserAction',
  'lib/actions/price-lists/create-price-list.ts#createPriceListAction',
  // Starting an import opens a batch of the caller's own seller and staff user; it names nothing else.
  'lib/actions/imports/start-product-import.ts#startProductImportAction',
  'lib/actions/imports/start-device-import.ts#startDeviceImportAction',
  // An import names organizations by the importing seller's own account codes and price lists by name; no ids.
  'lib/actions/organizations/preview-organization-import.ts#previewOrganizationImportAction',
  'lib/actions/organizations/apply-organization-import.ts#applyOrganizationImportAction',
  'lib/actions/organizations/invite-imported-buyers.ts#inviteImportedBuyersAction',
  // The grade guide names grades by value, within the caller's own seller; no ids.
  'lib/actions/grades/save-grade-description.ts#saveGradeDescriptionAction',
  'lib/actions/grades/remove-grade-description.ts#removeGradeDescriptionAction',
  'lib/actions/photos/add-grade-photo.ts#addGradePhotoAction',
  // The company profile is the caller's own seller's; it names no id.
  'lib/actions/settings/save-company-profile.ts#saveCompanyProfileAction',
  // My account acts on the caller's own account (taken from the session); it names no id.
  'lib/actions/account/change-staff-password.ts#changeStaffPasswordAction',
  'lib/actions/account/request-staff-email-change.ts#requestStaffEmailChangeAction',
  'lib/actions/account/sign-out-staff-everywhere.ts#signOutStaffEverywhereAction',
  'lib/actions/account/update-staff-name.ts#updateStaffNameAction',
]);

/** The database as a fingerprint per table (counters of abuse limits and the outbox's bookkeeping left out). */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('rate_limits', '__drizzle_migrations')
    order by table_name`);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await rows<{ h: string | null }>(sql.raw(`select md5(string_agg(t::text, '|' order by t::text)) as h from "${name}" t`));
    out[name] = row?.h ?? 'empty';
  }
  return out;
}

function refused(answer: { status: number; result: unknown; body: string }): boolean {
  const result = answer.result as { ok?: boolean } | undefined;
  if (result?.ok === true) return false;
  // Signed out: the wrapper redirects to sign-in (an action redirect), or the request is answered with an error status.
  return result?.ok === false || answer.status >= 300 || /NEXT_REDIRECT|sign-in/.test(answer.body);
}

/**
 * Acme documents whose numbers bolt does not have (order, invoice and RMA
 * numbers count per seller): made through acme's own staff actions, with a
 * product whose SKU only acme has.
 */
async function acmeDocuments(sellerId: number, organizationId: number, portalAccountId: number, staffUserId: number, owner: string, rivalId: number): Promise<AcmeIds> {
  const act = async (name: string, input: unknown) => {
    const key = [...serverActions().keys()].find((k) => k.endsWith(`#${name}`))!;
    const answer = await callAction(origin, { action: serverActions().get(key)!.id, page: '/admin', cookie: owner, args: [input] });
    const result = answer.result as { ok?: boolean; data?: Record<string, unknown>; error?: string } | undefined;
    if (!result?.ok) throw new Error(`${name} as acme's owner failed: ${answer.body.slice(0, 300)}`);
    return result.data ?? {};
  };
  const [place] = await rows<{ status_id: number; warehouse_id: number; order_status_id: number; channel_id: number; payment_method_id: number }>(sql`
    select (select status_id from portal_for_sale_statuses where seller_id = ${sellerId} order by status_id limit 1) as status_id,
           (select warehouse_id from portal_for_sale_warehouses where seller_id = ${sellerId} order by warehouse_id limit 1) as warehouse_id,
           (select id from order_statuses where seller_id = ${sellerId} and allows_committing order by id limit 1) as order_status_id,
           (select id from sales_channels where seller_id = ${sellerId} order by id limit 1) as channel_id,
           (select payment_method_id from portal_payment_methods where seller_id = ${sellerId} order by payment_method_id limit 1) as payment_method_id`);
  const sku = `MATRIX-ACME-ONLY-${process.pid}`;
  const product = await act('createProductAction', { sku, manufacturer: 'Matrix', model: 'Probe', listPrice: '10.00' });
  const productId = Number(product.id);
  const [committedImei, freeImei] = await addSellableDevices(sellerId, productId, 2);
  const order = await act('createOrderAction', {
    organizationId, statusId: place!.order_status_id, channelId: place!.channel_id, paymentMethodId: null, lines: [{ productId, quantity: 1 }],
  });
  const orderNumber = Number(order.number);
  await act('addShipToAddressAction', { organizationId, label: 'Matrix main', line1: '1 Probe Street', city: 'Springfield', country: 'US', isDefault: true });
  const second = await act('addShipToAddressAction', { organizationId, label: 'Matrix second', line1: '2 Probe Street', city: 'Springfield', country: 'US' });
  await act('commitDevicesAction', { orderNumber, imeis: committedImei });
  const invoice = await act('createInvoiceAction', { orderNumber, email: false });
  const rma = await act('createRmaAction', { organizationId, lines: [{ imei: committedImei, reason: 'Matrix probe', disposition: 'return', refund: '' }] });
  const [line] = await rows<{ line_id: number; device_id: number }>(sql`
    select l.id as line_id, d.id as device_id from sales_order_lines l
    join sales_orders o on o.id = l.order_id join devices d on d.order_line_id = l.id
    where o.seller_id = ${sellerId} and o.number = ${orderNumber}`);
  const productBatch = await act('startProductImportAction', { columns: ['sku', 'manufacturer', 'model'], rowCount: 1, fileName: 'matrix.csv' });
  await act('uploadImportRowsAction', { batchId: Number(productBatch.batchId), rows: [{ row: 2, cells: [`${sku}-STAGED`, 'Matrix', 'Staged'] }] });
  const deviceBatch = await act('startDeviceImportAction', { rowCount: 1, fileName: 'matrix.csv', createMissingProducts: true });
  await act('uploadImportRowsAction', {
    batchId: Number(deviceBatch.batchId),
    rows: [{ row: 2, cells: ['356938035643809', '', `${sku}-DEVICE`, 'MAIN', 'Available', '', '', 'Matrix', 'Staged', '', '', '', ''] }],
  });
  const ids: AcmeIds = {
    productBatchId: Number(productBatch.batchId),
    deviceBatchId: Number(deviceBatch.batchId),
    productId, sku, statusId: place!.status_id, warehouseId: place!.warehouse_id, orderStatusId: place!.order_status_id,
    channelId: place!.channel_id, paymentMethodId: place!.payment_method_id, organizationId, portalAccountId, staffUserId,
    orderNumber, lineId: line!.line_id, deviceId: line!.device_id, committedImei: committedImei!, freeImei: freeImei!,
    invoiceNumber: Number(invoice.number), rmaNumber: Number(rma.number),
    rmaLineId: (await rows<{ id: number }>(sql`select l.id from rma_lines l join rmas r on r.id = l.rma_id where r.seller_id = ${sellerId} and r.number = ${Number(rma.number)}`))[0]!.id,
    shipToAddressId: Number(second.addressId),
    ...(await acmeQuoteAndList(sellerId, organizationId, portalAccountId, productId, rivalId)),
    rivalStatusId: (await rows<{ id: number }>(sql`select id from inventory_statuses where seller_id = ${rivalId} order by id limit 1`))[0]!.id,
    ...(await acmePhoto(sellerId)),
  };
  // The rival must not have documents of those numbers, or its owner would be acting on its own.
  const [clash] = await rows<{ n: number }>(sql`
    select (select count(*) from sales_orders where seller_id = ${rivalId} and number = ${ids.orderNumber})
         + (select count(*) from invoices where seller_id = ${rivalId} and number = ${ids.invoiceNumber})
         + (select count(*) from rmas where seller_id = ${rivalId} and number = ${ids.rmaNumber}) as n`);
  if (Number(clash!.n) > 0) throw new Error(`bolt already has a document numbered like acme's probe documents: ${JSON.stringify(ids)}`);
  return ids;
}

describe('isolation matrix', () => {
  let acme: Awaited<ReturnType<typeof sellerScene>>;
  let cookies: { customer: string; rivalCustomer: string; staffOfAcme: string; plainStaff: string; admin: string; rivalOwner: string };
  let foreign: { sameSeller: Foreign; otherSeller: Foreign };
  let acmeIds: AcmeIds;

  beforeAll(async () => {
    acme = await sellerScene('acme');
    const bolt = await sellerScene('bolt');
    const [mine] = await addBuyers(acme.sellerId, 1, 'Matrix');
    const [rivalBuyer] = await addBuyers(bolt.sellerId, 1, 'Rival');
    const staffIds = await rows<{ id: number; role: string }>(sql`
      select id, role from staff_users where seller_id = ${acme.sellerId} and status = 'active' order by id`);
    const [boltOwner] = await rows<{ id: number }>(sql`
      select id from staff_users where seller_id = ${bolt.sellerId} and role = 'owner' and status = 'active' order by id limit 1`);
    cookies = {
      rivalOwner: await sessionCookie({ area: 'staff', staffUserId: boltOwner!.id }),
      customer: await sessionCookie({ area: 'customer', portalAccountId: mine!.portalAccountId, sellerId: acme.sellerId }),
      rivalCustomer: await sessionCookie({ area: 'customer', portalAccountId: rivalBuyer!.portalAccountId, sellerId: bolt.sellerId }),
      staffOfAcme: await sessionCookie({ area: 'staff', staffUserId: acme.ownerId }),
      plainStaff: await sessionCookie({ area: 'staff', staffUserId: staffIds.find((s) => s.role === 'staff')!.id }),
      admin: await sessionCookie({ area: 'staff', staffUserId: staffIds.find((s) => s.role === 'admin')!.id }),
    };
    // Documents of another organization of acme, and of bolt, that have an invoice and an RMA.
    const pick = async (sellerId: number): Promise<Foreign> => {
      const [doc] = await rows<{ order: number; invoice: number }>(sql`
        select o.number as order, i.number as invoice from sales_orders o join invoices i on i.order_id = o.id
        where o.seller_id = ${sellerId} order by o.id limit 1`);
      const [rma] = await rows<{ number: number }>(sql`select number from rmas where seller_id = ${sellerId} order by id limit 1`);
      const [quote] = await rows<{ number: number }>(sql`select number from quotes where seller_id = ${sellerId} order by id limit 1`);
      return { order: doc!.order, invoice: doc!.invoice, rma: rma!.number, quote: quote!.number, sku: await foreignSku(sellerId, acme.sellerId) };
    };
    foreign = { sameSeller: await pick(acme.sellerId), otherSeller: await pick(bolt.sellerId) };
    acmeIds = await acmeDocuments(acme.sellerId, mine!.organizationId, mine!.portalAccountId, staffIds.find((s) => s.role === 'staff')!.id, cookies.staffOfAcme, bolt.sellerId);
    // Let the outbox settle, so the snapshot only moves if a call wrote something.
    for (let i = 0; i < 120; i++) {
      const [q] = await rows<{ n: number }>(sql`select count(*)::int as n from email_messages where status = 'queued'`);
      if (q!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
  afterAll(() => closeClusterDb());

  it('has a row for every server action of the build and every customer route with an id', () => {
    const built = [...serverActions().keys()].sort();
    expect(Object.keys(actionRows).sort()).toEqual(built);
    const routes = Object.keys(JSON.parse(fs.readFileSync('.next/server/app-paths-manifest.json', 'utf8')) as Record<string, string>)
      .filter((r) => r.startsWith('/(portal)/') && r.includes('/['))
      .filter((r) => r.replace('/(portal)/p/[slug]', '').includes('['))
      .sort();
    expect(Object.keys(idRoutes).sort()).toEqual(routes);
    // Every staff action is called by another seller's owner with acme's ids, or takes no id at all.
    const staffActions = Object.entries(actionRows).filter(([, row]) => row.area === 'staff').map(([key]) => key).sort();
    expect([...Object.keys(crossSeller), ...ownSellerOnly].sort()).toEqual(staffActions);
  });

  it('refuses every action to the wrong caller and every foreign document, and writes nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    let cells = 0;
    let crossSellerCells = 0;
    for (const action of serverActions().values()) {
      const row = actionRows[`${action.filename}#${action.exportedName}`]!;
      if (row.area === 'public') continue;
      // Posted where the action is used: Next forwards an action its page does not hold to a page that does,
      // and My account's actions are held by both account pages (a buyer's call forwarded to /admin/account
      // would meet the back office's sign-in redirect, never the action).
      const ownAccount = action.filename.startsWith('lib/actions/account/');
      const page = row.area === 'staff' ? (ownAccount ? '/admin/account' : '/admin') : ownAccount ? '/p/acme/account' : '/p/acme/cart';
      const args = row.area === 'staff' ? [{}] : ['acme', {}];
      const callers: [string, string | undefined][] =
        row.area === 'staff'
          ? [
              ['no session', undefined],
              ['a customer', cookies.customer],
              ...(row.minRole ? ([[`below ${row.minRole}`, row.minRole === 'owner' ? cookies.admin : cookies.plainStaff]] as [string, string][]) : []),
            ]
          : [
              ['no session', undefined],
              ["another seller's customer", cookies.rivalCustomer],
              ['a staff member', cookies.staffOfAcme],
            ];
      for (const [who, cookie] of callers) {
        cells++;
        const answer = await callAction(origin, { action: action.id, page, cookie, args });
        if (!refused(answer)) failures.push(`${action.exportedName} as ${who}: ${answer.status} ${answer.body.slice(0, 120)}`);
      }
    }
    for (const [route, fill] of Object.entries(idRoutes)) {
      if (fill === 'no ids') continue;
      for (const [whose, ids] of Object.entries(foreign)) {
        cells++;
        const response = await fetch(`${origin}/p/acme${fill(ids)}`, { headers: { Cookie: cookies.customer }, redirect: 'manual' });
        if (response.status !== 404) failures.push(`${route} with ${whose} ids: ${response.status}`);
      }
    }
    // Photos of another seller: acme's photo through bolt's portal and bolt's back office, bolt's through acme's portal;
    // and acme's staff downloads asked for by bolt's owner.
    const [boltPhoto] = await rows<{ sha256: string }>(sql`
      select i.sha256 from photo_images i join sellers s on s.id = i.seller_id where s.slug = 'bolt' order by i.id limit 1`);
    const photoCalls: [string, string, number][] = [
      [`/p/bolt/photos/${acmeIds.photoSha256}-96.webp`, cookies.rivalCustomer, 404],
      [`/admin/photos/${acmeIds.photoSha256}-640.webp`, cookies.rivalOwner, 404],
      [`/p/acme/photos/${boltPhoto!.sha256}-96.webp`, cookies.customer, 404],
      // The control: acme's own buyer and staff see it, and acme's buyer opens acme's product page.
      [`/p/acme/products/${encodeURIComponent(acmeIds.sku)}`, cookies.customer, 200],
      [`/p/acme/photos/${acmeIds.photoSha256}-96.webp`, cookies.customer, 200],
      [`/admin/photos/${acmeIds.photoSha256}-640.webp`, cookies.staffOfAcme, 200],
      // Staff downloads: acme's packing slip is not found for bolt's owner, and found for acme's staff.
      [`/admin/orders/${acmeIds.orderNumber}/packing-slip`, cookies.rivalOwner, 404],
      [`/admin/orders/${acmeIds.orderNumber}/packing-slip`, cookies.staffOfAcme, 200],
    ];
    for (const [url, cookie, status] of photoCalls) {
      cells++;
      const response = await fetch(`${origin}${url}`, { headers: { Cookie: cookie }, redirect: 'manual' });
      if (response.status !== status) failures.push(`photos and staff downloads of another seller, own product page: ${url} answered ${response.status}, not ${status}`);
    }
    // Staff actions of another seller's owner, with acme's ids.
    for (const [key, cell] of Object.entries(crossSeller)) {
      const action = serverActions().get(key);
      if (!action) {
        failures.push(`${key}: not in the build`);
        continue;
      }
      cells++;
      crossSellerCells++;
      const args = cell.args(acmeIds);
      const parsed = cell.schema.safeParse(args);
      if (!parsed.success) {
        failures.push(`${action.exportedName}: the matrix's arguments no longer fit its schema: ${parsed.error.message.slice(0, 200)}`);
        continue;
      }
      const answer = await callAction(origin, { action: action.id, page: '/admin', cookie: cookies.rivalOwner, args: [args] });
      const result = (answer.result ?? {}) as { ok?: boolean; data?: unknown };
      const refusedHere = cell.refused ? cell.refused(result) : result.ok === false;
      if (!refusedHere) failures.push(`${action.exportedName} by another seller's owner with acme's ids: ${answer.status} ${answer.body.slice(0, 160)}`);
    }
    // The customer's own actions with ids of someone else.
    const [rivalDevice] = await rows<{ id: number }>(sql`select d.id from devices d join sellers s on s.id = d.seller_id where s.slug = 'bolt' order by d.id limit 1`);
    const rivalDeviceId = rivalDevice!.id;
    const foreignIdCalls: [string, unknown[]][] = [
      ['lib/actions/portal/order-again.ts#orderAgainAction', ['acme', { orderNumber: foreign.sameSeller.order }]],
      ['lib/actions/portal/order-again.ts#orderAgainAction', ['acme', { orderNumber: foreign.otherSeller.order }]],
      ['lib/actions/portal/cancel-rma.ts#cancelRmaAction', ['acme', { rmaNumber: foreign.sameSeller.rma }]],
      ['lib/actions/portal/cancel-rma.ts#cancelRmaAction', ['acme', { rmaNumber: foreign.otherSeller.rma }]],
      ['lib/actions/portal/decline-quote.ts#declineQuoteAction', ['acme', { number: foreign.sameSeller.quote }]],
      ['lib/actions/portal/decline-quote.ts#declineQuoteAction', ['acme', { number: foreign.otherSeller.quote }]],
      ['lib/actions/portal/accept-quote.ts#acceptQuoteAction', ['acme', { number: foreign.sameSeller.quote, paymentMethodId: acmeIds.paymentMethodId }]],
      ['lib/actions/portal/accept-quote.ts#acceptQuoteAction', ['acme', { number: foreign.otherSeller.quote, paymentMethodId: acmeIds.paymentMethodId }]],
      // Another seller's device id, picked through acme's portal (refused whether or not acme lets buyers pick units).
      ['lib/actions/portal/pick-units.ts#pickUnitsAction', ['acme', { deviceIds: [rivalDeviceId] }]],
    ];
    for (const [key, args] of foreignIdCalls) {
      cells++;
      const answer = await callAction(origin, { action: serverActions().get(key)!.id, page: '/p/acme/orders', cookie: cookies.customer, args });
      if (!refused(answer)) failures.push(`${key} with ${JSON.stringify(args)}: ${answer.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    recordFigure('isolation matrix', { cells, crossSellerCells, actions: serverActions().size, refusedOrNotFound: cells - failures.length });
  });
});
