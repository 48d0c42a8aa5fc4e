import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db';
import {
  inventoryStatuses,
  orderStatuses,
  paymentMethods,
  portalForSaleStatuses,
  portalForSaleWarehouses,
  portalLogos,
  portalPaymentMethods,
  portalSettings,
  salesChannels,
  sellers,
  staffUsers,
  warehouses,
  type PortalSettings,
} from '@/db/schema';
import { recordAudit } from '@/db/queries/audit';
import { portalSettingsSchema, type PortalSettingsInput, type PortalSettingsValues } from '@/lib/validation/portal-settings';
import { describeLogo, prepareLogo, type LogoChange, type PreparedLogo } from '@/lib/settings/logo';
import { portalLogoPath } from '@/lib/portal/logo-path';
import { newVerificationToken, verificationRecord } from '@/lib/portal/domain-verification';
import type { SettingsActor } from './access';
import { Refusal } from '@/lib/refusal';
import { joinWithAnd } from '@/lib/settings/words';
import { changedFields, settingsWrite } from './write';
import { chosenRecipientIds, writePortalOrderRecipients } from './portal-order-recipients';
import { DEFAULT_BRAND_COLOR } from '@/lib/brand';
import { DEFAULT_RETURN_SHIP_DAYS } from '@/lib/rmas/return-instructions';
import { formatMoney, readMoney } from '@/lib/money';

/** The values as saved: the minimum order value read into minor units of the seller's currency. */
type SavedValues = Omit<PortalSettingsValues, 'minOrderValue' | 'quantityCap'> & { minOrderValue: number | null; quantityCap: number };

/** The typed minimum order value in minor units (null: none), or a refusal at its field. */
function readMinOrderValue(text: string | null, currency: string): number | null {
  if (!text) return null;
  const reading = readMoney(text, currency);
  if (reading.ok && reading.minor > 0) return reading.minor;
  const message = reading.ok ? 'The minimum order value must be above zero, or leave it empty.' : reading.message;
  throw new Refusal(message, { code: 'invalid', fieldErrors: { minOrderValue: [message] } });
}

/** The settings a working portal needs, in the order the page shows them. */
export const portalRequirements = [
  { key: 'statusIds', label: 'inventory statuses' },
  { key: 'warehouseIds', label: 'warehouses' },
  { key: 'initialOrderStatusId', label: 'initial order status' },
  { key: 'salesChannelId', label: 'sales channel' },
  { key: 'paymentMethodIds', label: 'payment methods' },
] as const;

export type PortalChoices = {
  statusIds: number[];
  warehouseIds: number[];
  initialOrderStatusId: number | null;
  salesChannelId: number | null;
  paymentMethodIds: number[];
};

/** Labels of every required setting that is not chosen. */
export function missingPortalSettings(choices: PortalChoices): (typeof portalRequirements)[number][] {
  return portalRequirements.filter(({ key }) => {
    const value = choices[key];
    return Array.isArray(value) ? value.length === 0 : value == null;
  });
}

const defaults = {
  enabled: false,
  initialOrderStatusId: null,
  salesChannelId: null,
  autoInvoice: false,
  hideUnpriced: false,
  buyersMayAddAddresses: false,
  buyersMayPickUnits: false,
  displayName: null,
  logoDataUrl: null,
  brandColor: DEFAULT_BRAND_COLOR,
  returnWindowDays: null,
  returnAddress: null,
  returnShipDays: DEFAULT_RETURN_SHIP_DAYS,
  invoiceDueDays: 30,
  minOrderValue: null,
  quantityDisplay: 'exact',
  quantityCap: 50,
  hideBlacklisted: false,
  hideUnknownBlacklist: false,
  hideActivationLocked: false,
  hideFailedTest: false,
} satisfies Omit<PortalSettings, 'sellerId' | 'updatedAt'>;

const OPTION_LIMIT = 500;

/** The catalogues the settings choose from; small per seller, capped anyway. */
async function portalOptions(db: DbOrTx, sellerId: number) {
  const [statuses, warehouseRows, orderStatusRows, channels, methods, staff] = await Promise.all([
    db
      .select({ id: inventoryStatuses.id, name: inventoryStatuses.name })
      .from(inventoryStatuses)
      .where(eq(inventoryStatuses.sellerId, sellerId))
      .orderBy(asc(inventoryStatuses.position), asc(inventoryStatuses.name))
      .limit(OPTION_LIMIT),
    db
      .select({ id: warehouses.id, name: warehouses.name, code: warehouses.code })
      .from(warehouses)
      .where(eq(warehouses.sellerId, sellerId))
      .orderBy(asc(warehouses.code))
      .limit(OPTION_LIMIT),
    db
      .select({ id: orderStatuses.id, name: orderStatuses.name })
      .from(orderStatuses)
      .where(eq(orderStatuses.sellerId, sellerId))
      .orderBy(asc(orderStatuses.position), asc(orderStatuses.name))
      .limit(OPTION_LIMIT),
    db
      .select({ id: salesChannels.id, name: salesChannels.name })
      .from(salesChannels)
      .where(eq(salesChannels.sellerId, sellerId))
      .orderBy(asc(salesChannels.name))
      .limit(OPTION_LIMIT),
    db
      .select({ id: paymentMethods.id, name: paymentMethods.name })
      .from(paymentMethods)
      .where(eq(paymentMethods.sellerId, sellerId))
      .orderBy(asc(paymentMethods.name))
      .limit(OPTION_LIMIT),
    db
      .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, role: staffUsers.role, status: staffUsers.status })
      .from(staffUsers)
      .where(eq(staffUsers.sellerId, sellerId))
      .orderBy(asc(staffUsers.name), asc(staffUsers.id))
      .limit(OPTION_LIMIT),
  ]);
  return { statuses, warehouses: warehouseRows, orderStatuses: orderStatusRows, channels, paymentMethods: methods, staff };
}

async function chosenIds(db: DbOrTx, sellerId: number) {
  const [statuses, warehouseRows, methods, recipients] = await Promise.all([
    db.select({ id: portalForSaleStatuses.statusId }).from(portalForSaleStatuses).where(eq(portalForSaleStatuses.sellerId, sellerId)),
    db
      .select({ id: portalForSaleWarehouses.warehouseId })
      .from(portalForSaleWarehouses)
      .where(eq(portalForSaleWarehouses.sellerId, sellerId)),
    db
      .select({ id: portalPaymentMethods.paymentMethodId })
      .from(portalPaymentMethods)
      .where(eq(portalPaymentMethods.sellerId, sellerId)),
    chosenRecipientIds(db, sellerId),
  ]);
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  return { statusIds: ids(statuses), warehouseIds: ids(warehouseRows), paymentMethodIds: ids(methods), newOrderRecipientIds: recipients };
}

/** Everything the Customer Portal settings page shows, for one seller. */
export async function loadPortalSettings(db: DbOrTx, params: { sellerId: number }) {
  const [[seller], [row], [logo], chosen, options] = await Promise.all([
    db
      .select({
        id: sellers.id,
        slug: sellers.slug,
        name: sellers.name,
        currency: sellers.currency,
        customDomain: sellers.customDomain,
        customDomainToken: sellers.customDomainToken,
        customDomainVerifiedAt: sellers.customDomainVerifiedAt,
      })
      .from(sellers)
      .where(eq(sellers.id, params.sellerId))
      .limit(1),
    db.select().from(portalSettings).where(eq(portalSettings.sellerId, params.sellerId)).limit(1),
    storedLogo(db, params.sellerId),
    chosenIds(db, params.sellerId),
    portalOptions(db, params.sellerId),
  ]);
  if (!seller) throw new Error(`Seller ${params.sellerId} not found`);
  const settings = row ?? { ...defaults, sellerId: params.sellerId, updatedAt: null };
  const { newOrderRecipientIds: storedRecipients, ...chosenLists } = chosen;
  const choices: PortalChoices = {
    ...chosenLists,
    initialOrderStatusId: settings.initialOrderStatusId,
    salesChannelId: settings.salesChannelId,
  };
  const { customDomainToken, customDomainVerifiedAt, ...sellerFields } = seller;
  return {
    seller: sellerFields,
    /** The saved custom domain: pending (with the TXT record that proves it) until verified. */
    customDomain: seller.customDomain
      ? {
          name: seller.customDomain,
          verifiedAt: customDomainVerifiedAt,
          record: customDomainToken ? verificationRecord({ domain: seller.customDomain, token: customDomainToken }) : null,
        }
      : null,
    settings,
    /** The stored logo and where it is served (the preview shows that URL). */
    logo: logo ? { ...logo, path: portalLogoPath({ slug: seller.slug, sha256: logo.sha256 }) } : null,
    choices,
    options,
    /** Who gets the "new portal order" email, as the page ticks them: the chosen staff, or the owners by default. */
    newOrderRecipientIds: storedRecipients.length ? storedRecipients : ownerIds(options),
    missing: missingPortalSettings(choices).map((r) => r.label),
    /** On, but no payment method to check out with: the page warns, the portal says ordering is unavailable. */
    checkoutUnavailable: settings.enabled && chosen.paymentMethodIds.length === 0,
  };
}

export type PortalSettingsPage = Awaited<ReturnType<typeof loadPortalSettings>>;

/** The seller's stored logo without its bytes: what pages and the audit log need. */
async function storedLogo(db: DbOrTx, sellerId: number) {
  return db
    .select({
      sha256: portalLogos.sha256,
      width: portalLogos.width,
      height: portalLogos.height,
      bytes: sql<number>`octet_length(${portalLogos.png})`.mapWith(Number),
    })
    .from(portalLogos)
    .where(eq(portalLogos.sellerId, sellerId))
    .limit(1);
}

type LogoFacts = { sha256: string; width: number; height: number; bytes: number };

const factsOf = (logo: PreparedLogo): LogoFacts => ({ sha256: logo.sha256, width: logo.width, height: logo.height, bytes: logo.png.length });

function namesOf(ids: number[], rows: { id: number; name: string }[]): string[] {
  return rows.filter((r) => ids.includes(r.id)).map((r) => r.name);
}

/** Rows of a chosen list that a save adds and removes. */
function diffIds(before: number[], after: number[]) {
  return {
    added: after.filter((id) => !before.includes(id)),
    removed: before.filter((id) => !after.includes(id)),
  };
}

/**
 * Writes only the rows that changed: each statement on the For Sale choices
 * fires a rebuild of product_availability, so delete-all-then-insert would
 * rebuild it twice even when nothing changed.
 */
async function syncChoice(
  tx: Tx,
  sellerId: number,
  table: typeof portalForSaleStatuses | typeof portalForSaleWarehouses | typeof portalPaymentMethods,
  before: number[],
  after: number[],
) {
  const { added, removed } = diffIds(before, after);
  if (table === portalForSaleStatuses) {
    if (removed.length)
      await tx.delete(table).where(and(eq(table.sellerId, sellerId), inArray(table.statusId, removed)));
    if (added.length) await tx.insert(table).values(added.map((statusId) => ({ sellerId, statusId })));
  } else if (table === portalForSaleWarehouses) {
    if (removed.length)
      await tx.delete(table).where(and(eq(table.sellerId, sellerId), inArray(table.warehouseId, removed)));
    if (added.length) await tx.insert(table).values(added.map((warehouseId) => ({ sellerId, warehouseId })));
  } else {
    const methods = table as typeof portalPaymentMethods;
    if (removed.length)
      await tx.delete(methods).where(and(eq(methods.sellerId, sellerId), inArray(methods.paymentMethodId, removed)));
    if (added.length) await tx.insert(methods).values(added.map((paymentMethodId) => ({ sellerId, paymentMethodId })));
  }
}

const domainTaken = (domain: string) => `${domain} is already used by another seller. Choose a different domain.`;

/**
 * A changed custom domain starts over as pending with a fresh token: proof of
 * one domain is never proof of another, and a cleared domain keeps no token.
 */
function customDomainChange(domain: string | null) {
  return { customDomain: domain, customDomainToken: domain ? newVerificationToken() : null, customDomainVerifiedAt: null };
}

type PortalOptions = Awaited<ReturnType<typeof portalOptions>>;

const ownerIds = (options: PortalOptions) => options.staff.filter((s) => s.role === 'owner').map((s) => s.id);

/** The recipients to store: ticking exactly the owners, or nobody, is the default (no rows), so owners added later are included. */
function storedRecipientIds(ids: number[], options: PortalOptions): number[] {
  const owners = ownerIds(options).sort((a, b) => a - b);
  return ids.length === owners.length && ids.every((id, i) => id === owners[i]) ? [] : ids;
}

/** Ids come from the browser: each must be one of this seller's own. */
function checkChoicesBelongToSeller(values: Pick<PortalSettingsValues, 'statusIds' | 'warehouseIds' | 'paymentMethodIds' | 'newOrderRecipientIds' | 'initialOrderStatusId' | 'salesChannelId'>, options: PortalOptions): void {
  const foreign: Record<string, string[]> = {};
  const check = (field: string, ids: number[], rows: { id: number }[], what: string) => {
    if (ids.some((id) => !rows.some((r) => r.id === id))) {
      foreign[field] = [`One of the chosen ${what} no longer exists. Reload the page and choose again.`];
    }
  };
  check('statusIds', values.statusIds, options.statuses, 'inventory statuses');
  check('warehouseIds', values.warehouseIds, options.warehouses, 'warehouses');
  check('paymentMethodIds', values.paymentMethodIds, options.paymentMethods, 'payment methods');
  check('newOrderRecipientIds', values.newOrderRecipientIds, options.staff, 'staff users');
  check('initialOrderStatusId', values.initialOrderStatusId ? [values.initialOrderStatusId] : [], options.orderStatuses, 'order statuses');
  check('salesChannelId', values.salesChannelId ? [values.salesChannelId] : [], options.channels, 'sales channels');
  const firstForeign = Object.values(foreign)[0];
  if (firstForeign) throw new Refusal(firstForeign[0]!, { code: 'not_found', fieldErrors: foreign });
}

/**
 * The enable guard. Payment methods may run out while the portal is on
 * (the page then warns and checkout says ordering is unavailable), but
 * the portal cannot be switched on without them.
 */
function assertCanEnable(values: SavedValues, currentlyEnabled: boolean): void {
  if (!values.enabled) return;
  const missing = missingPortalSettings(values).filter((r) => r.key !== 'paymentMethodIds' || !currentlyEnabled);
  if (!missing.length) return;
  const labels = joinWithAnd(missing.map((r) => r.label));
  const message = currentlyEnabled
    ? `The Customer Portal is on, so ${labels} can't be left empty. Turn the portal off first to clear ${missing.length > 1 ? 'them' : 'it'}.`
    : `Can't enable the Customer Portal yet. Choose ${labels} first.`;
  throw new Refusal(message, {
    code: 'not_ready',
    fieldErrors: Object.fromEntries(missing.map((r) => [r.key, [`Choose the ${r.label} to enable the portal.`]])),
  });
}

/** A new custom domain must not be one another seller has verified. */
async function assertDomainFree(tx: Tx, params: { sellerId: number; domain: string | null; savedDomain: string | null }) {
  const { sellerId, domain } = params;
  if (!domain || domain === params.savedDomain) return;
  const [clash] = await tx
    .select({ id: sellers.id })
    .from(sellers)
    .where(
      and(
        ne(sellers.id, sellerId),
        sql`lower(${sellers.customDomain}) = ${domain}`,
        // Pending claims do not count: whoever proves the domain in DNS gets it.
        isNotNull(sellers.customDomainVerifiedAt),
      ),
    )
    .limit(1);
  if (clash) {
    const message = domainTaken(domain);
    throw new Refusal(message, { code: 'conflict', fieldErrors: { customDomain: [message] } });
  }
}

/** The settings as the audit log records them: names and codes instead of ids, the logo by its facts. */
type AuditedSettings = SavedValues & { logo: LogoFacts | null };

function audited(s: AuditedSettings, options: PortalOptions, currency: string) {
  return {
    enabled: s.enabled,
    forSaleStatuses: namesOf(s.statusIds, options.statuses),
    forSaleWarehouses: options.warehouses.filter((w) => s.warehouseIds.includes(w.id)).map((w) => w.code),
    initialOrderStatus: options.orderStatuses.find((o) => o.id === s.initialOrderStatusId)?.name ?? null,
    salesChannel: options.channels.find((c) => c.id === s.salesChannelId)?.name ?? null,
    autoInvoice: s.autoInvoice,
    paymentMethods: namesOf(s.paymentMethodIds, options.paymentMethods),
    newOrderRecipients: s.newOrderRecipientIds.length ? namesOf(s.newOrderRecipientIds, options.staff) : 'the owners',
    hideUnpriced: s.hideUnpriced,
    hideBlacklisted: s.hideBlacklisted,
    hideUnknownBlacklist: s.hideUnknownBlacklist,
    hideActivationLocked: s.hideActivationLocked,
    hideFailedTest: s.hideFailedTest,
    buyersMayAddAddresses: s.buyersMayAddAddresses,
    buyersMayPickUnits: s.buyersMayPickUnits,
    displayName: s.displayName,
    logo: describeLogo(s.logo),
    brandColor: s.brandColor,
    returnWindowDays: s.returnWindowDays,
    returnAddress: s.returnAddress,
    returnShipDays: s.returnShipDays,
    invoiceDueDays: s.invoiceDueDays,
    customDomain: s.customDomain,
    minOrderValue: s.minOrderValue === null ? null : formatMoney(s.minOrderValue, currency),
    quantityDisplay: s.quantityDisplay === 'capped' ? `capped at ${s.quantityCap}+` : s.quantityDisplay,
  };
}

/** Only what changed between the saved settings and the next ones, before and after. */
function auditDiff(before: AuditedSettings, after: AuditedSettings, options: PortalOptions, currency: string) {
  return changedFields(audited(before, options, currency), audited(after, options, currency));
}

/** Replaces, adds or removes the stored logo as the save asks. */
async function writeLogo(tx: Tx, params: { sellerId: number; logo: LogoChange; upload: PreparedLogo | null; currentSha256?: string }) {
  const { sellerId, upload } = params;
  if (upload && upload.sha256 !== params.currentSha256) {
    const { png, sha256, width, height } = upload;
    await tx
      .insert(portalLogos)
      .values({ sellerId, png, sha256, width, height })
      .onConflictDoUpdate({ target: portalLogos.sellerId, set: { png, sha256, width, height, createdAt: new Date() } });
  } else if (params.logo.kind === 'remove' && params.currentSha256) {
    await tx.delete(portalLogos).where(eq(portalLogos.sellerId, sellerId));
  }
}

/** Writes the settings row and the three chosen lists. */
async function writeSettings(
  tx: Tx,
  sellerId: number,
  values: SavedValues,
  before: Pick<PortalChoices, 'statusIds' | 'warehouseIds' | 'paymentMethodIds'>,
) {
  await writePortalOrderRecipients(tx, { sellerId, staffUserIds: values.newOrderRecipientIds });
  await syncChoice(tx, sellerId, portalForSaleStatuses, before.statusIds, values.statusIds);
  await syncChoice(tx, sellerId, portalForSaleWarehouses, before.warehouseIds, values.warehouseIds);
  await syncChoice(tx, sellerId, portalPaymentMethods, before.paymentMethodIds, values.paymentMethodIds);
  await tx
    .update(portalSettings)
    .set({
      enabled: values.enabled,
      initialOrderStatusId: values.initialOrderStatusId,
      salesChannelId: values.salesChannelId,
      autoInvoice: values.autoInvoice,
      hideUnpriced: values.hideUnpriced,
      // A change to these rebuilds availability (trigger portal_settings_sellable_rules_update).
      hideBlacklisted: values.hideBlacklisted,
      hideUnknownBlacklist: values.hideUnknownBlacklist,
      hideActivationLocked: values.hideActivationLocked,
      hideFailedTest: values.hideFailedTest,
      buyersMayAddAddresses: values.buyersMayAddAddresses,
      buyersMayPickUnits: values.buyersMayPickUnits,
      displayName: values.displayName,
      brandColor: values.brandColor,
      returnWindowDays: values.returnWindowDays,
      returnAddress: values.returnAddress,
      returnShipDays: values.returnShipDays ?? DEFAULT_RETURN_SHIP_DAYS,
      invoiceDueDays: values.invoiceDueDays,
      minOrderValue: values.minOrderValue,
      quantityDisplay: values.quantityDisplay,
      quantityCap: values.quantityCap,
      updatedAt: new Date(),
    })
    .where(eq(portalSettings.sellerId, sellerId));
}

const sortedIds = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

/**
 * Saves Settings > Integrations > Customer Portal in one transaction, with one
 * audit entry naming what changed (before and after). Refuses, writing
 * nothing, when the portal would be on without the settings it needs.
 */
export async function savePortalSettings(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; input: PortalSettingsInput; logo?: LogoChange },
) {
  const { sellerId, actor } = params;
  const logo = params.logo ?? { kind: 'keep' };
  // Decoded and re-encoded before the transaction opens: no row lock waits on an image.
  const upload = logo.kind === 'upload' ? await prepareLogo(logo.bytes) : null;
  return settingsWrite(
    db,
    {
      actor,
      schema: portalSettingsSchema,
      input: params.input,
      onUniqueViolation: 'That custom domain is already used by another seller. Choose a different domain.',
      message: (r: { changed: boolean }) => (r.changed ? 'Customer Portal settings saved.' : 'Nothing changed.'),
    },
    async (tx, parsed) => {
      if (upload && !upload.ok) throw new Refusal(upload.error, { code: 'invalid', fieldErrors: { logo: [upload.error] } });

      // One save at a time per seller: the row lock orders concurrent saves.
      await tx.insert(portalSettings).values({ sellerId }).onConflictDoNothing();
      const [current] = await tx.select().from(portalSettings).where(eq(portalSettings.sellerId, sellerId)).for('update');
      const [seller] = await tx.select({ customDomain: sellers.customDomain, currency: sellers.currency }).from(sellers).where(eq(sellers.id, sellerId));
      if (!current || !seller) throw new Refusal('That seller was not found.', { code: 'not_found' });
      const [chosen, options, [currentLogo]] = await Promise.all([chosenIds(tx, sellerId), portalOptions(tx, sellerId), storedLogo(tx, sellerId)]);

      checkChoicesBelongToSeller(parsed, options);
      const values: SavedValues = {
        ...parsed,
        minOrderValue: readMinOrderValue(parsed.minOrderValue, seller.currency),
        quantityCap: parsed.quantityCap ?? 50,
        statusIds: sortedIds(parsed.statusIds),
        warehouseIds: sortedIds(parsed.warehouseIds),
        paymentMethodIds: sortedIds(parsed.paymentMethodIds),
        newOrderRecipientIds: storedRecipientIds(sortedIds(parsed.newOrderRecipientIds), options),
        returnShipDays: parsed.returnShipDays ?? DEFAULT_RETURN_SHIP_DAYS,
      };
      assertCanEnable(values, current.enabled);
      await assertDomainFree(tx, { sellerId, domain: values.customDomain, savedDomain: seller.customDomain });

      const nextLogo: LogoFacts | null = upload?.ok ? factsOf(upload.logo) : logo.kind === 'remove' ? null : (currentLogo ?? null);
      const diff = auditDiff(
        { ...current, ...chosen, customDomain: seller.customDomain, logo: currentLogo ?? null },
        { ...values, logo: nextLogo },
        options,
        seller.currency,
      );
      const checkoutUnavailable = values.enabled && values.paymentMethodIds.length === 0;
      if (!diff.changed) return { changed: false, checkoutUnavailable };

      await writeSettings(tx, sellerId, values, chosen);
      await writeLogo(tx, { sellerId, logo, upload: upload?.ok ? upload.logo : null, currentSha256: currentLogo?.sha256 });
      if (values.customDomain !== seller.customDomain) {
        await tx.update(sellers).set(customDomainChange(values.customDomain)).where(eq(sellers.id, sellerId));
      }
      await recordAudit(tx, {
        sellerId,
        actor: { staffUserId: actor.staffUserId, name: actor.name },
        action: 'portal_settings.update',
        entityType: 'portal_settings',
        entityId: sellerId,
        details: { subject: 'Customer Portal settings', before: diff.before, after: diff.after },
      });
      return { changed: true, checkoutUnavailable };
    },
  );
}

/** Whether the seller's portal is on (for the settings index). */
export async function isPortalEnabled(db: DbOrTx, params: { sellerId: number }): Promise<boolean> {
  const [row] = await db
    .select({ enabled: portalSettings.enabled })
    .from(portalSettings)
    .where(eq(portalSettings.sellerId, params.sellerId))
    .limit(1);
  return row?.enabled ?? false;
}
