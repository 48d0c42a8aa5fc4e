import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { callAction, serverActions, sessionCookie } from './support/client';
import { addBuyers, closeClusterDb, rows, sellerScene } from './support/database';
import { recordFigure } from './support/report';

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
  'lib/actions/auth/complete-link.ts#completeLinkAction': open,
  'lib/actions/auth/customer-sign-in.ts#customerSignInAction': open,
  'lib/actions/auth/customer-sign-out.ts#customerSignOutAction': open,
  'lib/actions/auth/request-link.ts#requestLinkAction': open,
  'lib/actions/auth/send-fresh-link.ts#sendFreshLinkAction': open,
  'lib/actions/auth/staff-sign-in.ts#staffSignInAction': open,
  'lib/actions/auth/staff-sign-out.ts#staffSignOutAction': open,
  'lib/actions/inventory/add-devices.ts#addDevicesAction': staff,
  'lib/actions/inventory/import-devices.ts#importDevicesAction': staff,
  'lib/actions/inventory/move-devices.ts#moveDevicesAction': staff,
  'lib/actions/inventory/preview-device-move.ts#previewDeviceMoveAction': staff,
  'lib/actions/inventory/validate-device-import.ts#validateDeviceImportAction': staff,
  'lib/actions/orders/add-order-line.ts#addOrderLineAction': staff,
  'lib/actions/orders/change-order-status.ts#changeOrderStatusAction': staff,
  'lib/actions/orders/commit-devices.ts#commitDevicesAction': staff,
  'lib/actions/orders/create-invoice.ts#createInvoiceAction': staff,
  'lib/actions/orders/create-order.ts#createOrderAction': staff,
  'lib/actions/orders/email-invoice.ts#emailInvoiceAction': staff,
  'lib/actions/orders/find-products-for-order.ts#findProductsForOrderAction': staff,
  'lib/actions/orders/remove-order-line.ts#removeOrderLineAction': staff,
  'lib/actions/orders/set-invoice-paid.ts#setInvoicePaidAction': staff,
  'lib/actions/orders/uncommit-devices.ts#uncommitDevicesAction': staff,
  'lib/actions/orders/update-order-details.ts#updateOrderDetailsAction': staff,
  'lib/actions/orders/update-order-line.ts#updateOrderLineAction': staff,
  'lib/actions/organizations/create-organization.ts#createOrganizationAction': staff,
  'lib/actions/organizations/invite-portal-account.ts#invitePortalAccountAction': staff,
  'lib/actions/organizations/resend-portal-invite.ts#resendPortalInviteAction': staff,
  'lib/actions/organizations/set-portal-account-enabled.ts#setPortalAccountEnabledAction': staff,
  'lib/actions/organizations/update-organization.ts#updateOrganizationAction': staff,
  'lib/actions/portal/add-to-cart.ts#addToCartAction': customer,
  'lib/actions/portal/change-cart-quantity.ts#changeCartQuantityAction': customer,
  'lib/actions/portal/check-rma-devices.ts#checkRmaDevicesAction': customer,
  'lib/actions/portal/order-again.ts#orderAgainAction': customer,
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
  'lib/actions/settings/check-custom-domain.ts#checkCustomDomainAction': admin,
  'lib/actions/settings/create-catalogue-entry.ts#createCatalogueEntryAction': admin,
  'lib/actions/settings/delete-catalogue-entry.ts#deleteCatalogueEntryAction': admin,
  'lib/actions/settings/save-portal-settings.ts#savePortalSettingsAction': admin,
  'lib/actions/settings/update-catalogue-entry.ts#updateCatalogueEntryAction': admin,
  'lib/actions/staff-users/change-staff-role.ts#changeStaffRoleAction': owner,
  'lib/actions/staff-users/invite-staff-user.ts#inviteStaffUserAction': admin,
  'lib/actions/staff-users/resend-staff-invite.ts#resendStaffInviteAction': admin,
  'lib/actions/staff-users/set-staff-user-enabled.ts#setStaffUserEnabledAction': admin,
};

/** Customer routes with an id in the path, and how to fill it with someone else's document. */
type Foreign = { order: number; invoice: number; rma: number };
const idRoutes: Record<string, ((f: Foreign) => string) | 'no ids'> = {
  '/(portal)/p/[slug]/(shop)/orders/[number]/page': (f) => `/orders/${f.order}`,
  '/(portal)/p/[slug]/(shop)/orders/[number]/imeis.csv/route': (f) => `/orders/${f.order}/imeis.csv`,
  '/(portal)/p/[slug]/(shop)/orders/[number]/invoices/[invoiceNumber]/page': (f) => `/orders/${f.order}/invoices/${f.invoice}`,
  '/(portal)/p/[slug]/(shop)/orders/[number]/invoices/[invoiceNumber]/pdf/route': (f) => `/orders/${f.order}/invoices/${f.invoice}/pdf`,
  '/(portal)/p/[slug]/(shop)/checkout/confirmation/[number]/page': (f) => `/checkout/confirmation/${f.order}`,
  '/(portal)/p/[slug]/(shop)/rmas/[number]/page': (f) => `/rmas/${f.rma}`,
  // A logo is public by design (it is on the sign-in page); its name is a content hash.
  '/(portal)/p/[slug]/logo/[file]/route': 'no ids',
};

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

describe('isolation matrix', () => {
  let acme: Awaited<ReturnType<typeof sellerScene>>;
  let cookies: { customer: string; rivalCustomer: string; staffOfAcme: string; plainStaff: string; admin: string };
  let foreign: { sameSeller: Foreign; otherSeller: Foreign };

  beforeAll(async () => {
    acme = await sellerScene('acme');
    const bolt = await sellerScene('bolt');
    const [mine] = await addBuyers(acme.sellerId, 1, 'Matrix');
    const [rivalBuyer] = await addBuyers(bolt.sellerId, 1, 'Rival');
    const staffIds = await rows<{ id: number; role: string }>(sql`
      select id, role from staff_users where seller_id = ${acme.sellerId} and status = 'active' order by id`);
    cookies = {
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
      return { order: doc!.order, invoice: doc!.invoice, rma: rma!.number };
    };
    foreign = { sameSeller: await pick(acme.sellerId), otherSeller: await pick(bolt.sellerId) };
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
  });

  it('refuses every action to the wrong caller and every foreign document, and writes nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    let cells = 0;
    for (const action of serverActions().values()) {
      const row = actionRows[`${action.filename}#${action.exportedName}`]!;
      if (row.area === 'public') continue;
      const page = row.area === 'staff' ? '/admin' : '/p/acme/cart';
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
    // The customer's own actions with ids of someone else.
    const foreignIdCalls: [string, unknown[]][] = [
      ['lib/actions/portal/order-again.ts#orderAgainAction', ['acme', { orderNumber: foreign.sameSeller.order }]],
      ['lib/actions/portal/order-again.ts#orderAgainAction', ['acme', { orderNumber: foreign.otherSeller.order }]],
    ];
    for (const [key, args] of foreignIdCalls) {
      cells++;
      const answer = await callAction(origin, { action: serverActions().get(key)!.id, page: '/p/acme/orders', cookie: cookies.customer, args });
      if (!refused(answer)) failures.push(`${key} with ${JSON.stringify(args)}: ${answer.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    recordFigure('isolation matrix', { cells, actions: serverActions().size, refusedOrNotFound: cells - failures.length });
  });
});
