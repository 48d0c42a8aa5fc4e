import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { intArray, textArray } from '@/db/sql-arrays';
import type { PostalAddress } from '@/db/schema';
import { addressLines } from '@/lib/invoices/document';
import type { LineProblem } from '@/lib/refusal';
import { emailAddress, personName } from '@/lib/validation/accounts';
import { ACCOUNT_CODE_HINT, ACCOUNT_CODE_MAX, ACCOUNT_CODE_PATTERN, postalAddress } from '@/lib/validation/organization';
import type { OrganizationImportColumn, OrganizationImportRow } from '@/lib/validation/organization-import';
import { FIRST_SHIP_TO_LABEL, sameAddress } from '../organizations';

/** The organization fields a file sets (a field whose column the file lacks is absent). */
type FileOrganization = {
  name: string;
  email?: string | null;
  phone?: string | null;
  billingAddress?: PostalAddress | null;
  /** Null: list prices. */
  priceListId?: number | null;
  /** Null: the file leaves the shipping addresses as they are. */
  shipping?: PostalAddress | null;
};

export type ImportedBuyer = { row: number; name: string; email: string; status: 'new' | 'existing' | 'refused'; reason?: string };

/** One field the import changes, as the preview shows it: old → new. */
export type ImportedChange = { field: string; from: string | null; to: string | null };

export type ImportedOrganization = {
  code: string;
  name: string;
  action: 'create' | 'update' | 'unchanged';
  organizationId: number | null;
  rows: number[];
  changes: ImportedChange[];
  buyers: ImportedBuyer[];
};

export type OrganizationImportPreview = {
  organizations: ImportedOrganization[];
  problems: LineProblem[];
  counts: { create: number; update: number; unchanged: number; newBuyers: number; existingBuyers: number };
};

/** Everything apply needs to write, beside what the preview shows. */
export type OrganizationImportPlan = OrganizationImportPreview & {
  writes: {
    code: string;
    organizationId: number | null;
    /** The organization's columns after the import (old values where the file has no column). */
    values: { name: string; email: string | null; phone: string | null; billingAddress: PostalAddress | null; priceListId: number | null } | null;
    /** The "Main" ship-to address to write, and the row it replaces (null: insert). */
    shipTo: { address: PostalAddress; replaces: number | null; wasDefault: boolean } | null;
    newBuyers: { name: string; email: string }[];
    name: string;
    changes: ImportedChange[];
  }[];
};

type Existing = {
  id: number;
  key: string;
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  billingAddress: PostalAddress | null;
  priceListId: number | null;
};
type MainAddress = { id: number; organizationId: number; line1: string; line2: string | null; city: string; region: string | null; postalCode: string | null; country: string; isDefault: boolean; isMain: boolean };

const ADDRESS_PARTS = ['line1', 'line2', 'city', 'region', 'postal_code', 'country'] as const;
const ADDRESS_KEYS = { line1: 'line1', line2: 'line2', city: 'city', region: 'region', postal_code: 'postalCode', country: 'country' } as const;
const ORGANIZATION_COLUMNS: readonly OrganizationImportColumn[] = [
  'name',
  'email',
  'phone',
  ...ADDRESS_PARTS.map((p) => `billing_${p}` as const),
  ...ADDRESS_PARTS.map((p) => `shipping_${p}` as const),
  'price_list',
];

const cell = (r: OrganizationImportRow, c: OrganizationImportColumn) => (r[c] ?? '').trim();
const has = (r: OrganizationImportRow, c: OrganizationImportColumn) => r[c] !== undefined;
const key = (s: string) => s.trim().toLowerCase();
const isEmail = (v: string) => emailAddress.safeParse(v).success;

/** One address of a row: null when its columns are absent or all empty; otherwise checked like the organization form. */
function readAddress(r: OrganizationImportRow, prefix: 'billing' | 'shipping', reasons: string[]): PostalAddress | null | undefined {
  const columns = ADDRESS_PARTS.map((p) => `${prefix}_${p}` as const);
  if (!columns.some((c) => has(r, c))) return undefined;
  const input = Object.fromEntries(ADDRESS_PARTS.map((p) => [ADDRESS_KEYS[p], cell(r, `${prefix}_${p}`)]));
  const parsed = postalAddress.safeParse(input);
  if (parsed.success) return parsed.data;
  const missing = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    const column = `${prefix}_${ADDRESS_PARTS.find((p) => ADDRESS_KEYS[p] === field) ?? field}`;
    if (issue.code === 'too_big') reasons.push(`${column} is too long`);
    else missing.add(field === 'line1' ? `${prefix}_line1` : column);
  }
  if (missing.size) reasons.push(`the ${prefix} address has no ${[...missing].join(' or ')} (an address needs ${prefix}_line1, ${prefix}_city and ${prefix}_country)`);
  return null;
}

/** The organization columns of a row as they must agree across the rows of one code. */
function organizationSignature(r: OrganizationImportRow): Map<OrganizationImportColumn, string> {
  return new Map(ORGANIZATION_COLUMNS.filter((c) => has(r, c)).map((c) => [c, c === 'price_list' || c === 'email' ? key(cell(r, c)) : cell(r, c)]));
}

function readOrganization(r: OrganizationImportRow, priceListIds: Map<string, number>, reasons: string[]): FileOrganization {
  const name = cell(r, 'name');
  if (!name) reasons.push('name is empty');
  else if (name.length > 200) reasons.push('name is longer than 200 characters');
  const org: FileOrganization = { name };
  if (has(r, 'email')) {
    const email = cell(r, 'email');
    if (email && !isEmail(email)) reasons.push(`email "${email}" is not an email address`);
    org.email = email || null;
  }
  if (has(r, 'phone')) {
    const phone = cell(r, 'phone');
    if (phone.length > 50) reasons.push('phone is longer than 50 characters');
    org.phone = phone || null;
  }
  const billing = readAddress(r, 'billing', reasons);
  if (billing !== undefined) org.billingAddress = billing;
  const shipping = readAddress(r, 'shipping', reasons);
  if (shipping !== undefined) org.shipping = shipping;
  if (has(r, 'price_list')) {
    const list = cell(r, 'price_list');
    const id = list ? priceListIds.get(key(list)) : null;
    if (id === undefined) reasons.push(`no price list is named "${list}"`);
    org.priceListId = id ?? null;
  }
  return org;
}

const addressText = (a: PostalAddress | null | undefined) => (a ? addressLines(a).join(', ') : null);
const fromRow = (a: MainAddress): PostalAddress => ({
  line1: a.line1,
  ...(a.line2 ? { line2: a.line2 } : {}),
  city: a.city,
  ...(a.region ? { region: a.region } : {}),
  ...(a.postalCode ? { postalCode: a.postalCode } : {}),
  country: a.country,
});

/**
 * What a file of organizations would do: per account code, create or update
 * (with the fields that change, old → new) and its buyers (new, already an
 * account of this organization, or refused), and every row that cannot be
 * applied, by its row number. One statement per kind of lookup, whatever the
 * number of rows. `forUpdate` (the import itself) locks the organizations it updates.
 */
export async function planOrganizationImport(
  db: DbOrTx,
  params: { sellerId: number; rows: readonly OrganizationImportRow[]; forUpdate?: boolean },
): Promise<OrganizationImportPlan> {
  const { sellerId, rows } = params;
  const codes = [...new Set(rows.map((r) => key(cell(r, 'account_code'))).filter(Boolean))];
  const buyerEmails = [...new Set(rows.map((r) => key(cell(r, 'buyer_email'))).filter(Boolean))];

  // One statement per kind of lookup, one after the other (they may run inside the import's transaction).
  const lists = await queryRows<{ id: number; name: string }>(db, sql`select id, name from price_lists where seller_id = ${sellerId}`);
  const existing = codes.length
    ? await queryRows<Existing>(db, sql`
        select id, lower(code) as key, code, name, email, phone, billing_address as "billingAddress", price_list_id as "priceListId"
        from organizations where seller_id = ${sellerId} and lower(code) = any(${textArray(codes)})
        order by id ${params.forUpdate ? sql`for update` : sql``}`)
    : [];
  const accounts = buyerEmails.length
    ? await queryRows<{ email: string; organizationId: number; organizationName: string }>(db, sql`
        select lower(a.email) as email, a.organization_id as "organizationId", o.name as "organizationName"
        from portal_accounts a join organizations o on o.id = a.organization_id and o.seller_id = a.seller_id
        where a.seller_id = ${sellerId} and lower(a.email) = any(${textArray(buyerEmails)})`)
    : [];
  const listIds = new Map(lists.map((l) => [key(l.name), l.id]));
  const listNames = new Map(lists.map((l) => [l.id, l.name]));
  const byCode = new Map(existing.map((o) => [o.key, o]));
  const accountByEmail = new Map(accounts.map((a) => [a.email, a]));
  // The "Main" ship-to address of each organization updated (or its default, to know what changes).
  const addresses = existing.length
    ? await queryRows<MainAddress>(db, sql`
        select id, organization_id as "organizationId", line1, line2, city, region, postal_code as "postalCode", country,
          is_default as "isDefault", lower(label) = lower(${FIRST_SHIP_TO_LABEL}) as "isMain"
        from organization_addresses
        where seller_id = ${sellerId} and organization_id = any(${intArray(existing.map((o) => o.id))})
          and (is_default or lower(label) = lower(${FIRST_SHIP_TO_LABEL}))
        order by id`)
    : [];
  const mainOf = new Map<number, MainAddress>();
  const defaultOf = new Map<number, MainAddress>();
  for (const a of addresses) {
    if (a.isMain && !mainOf.has(a.organizationId)) mainOf.set(a.organizationId, a);
    if (a.isDefault) defaultOf.set(a.organizationId, a);
  }

  type Group = { code: string; first: OrganizationImportRow; signature: Map<OrganizationImportColumn, string>; org: FileOrganization | null; rows: number[]; buyers: ImportedBuyer[] };
  const groups = new Map<string, Group>();
  const problems: LineProblem[] = [];
  const buyerRow = new Map<string, number>();

  for (const r of rows) {
    const code = cell(r, 'account_code');
    const reasons: string[] = [];
    if (!code) reasons.push('account_code is empty');
    else if (code.length > ACCOUNT_CODE_MAX) reasons.push(`account_code is longer than ${ACCOUNT_CODE_MAX} characters`);
    else if (!ACCOUNT_CODE_PATTERN.test(code)) reasons.push(`account_code "${code}" is not a code: ${ACCOUNT_CODE_HINT.toLowerCase()}`);

    let group = code ? groups.get(key(code)) : undefined;
    const signature = organizationSignature(r);
    if (!reasons.length) {
      if (!group) {
        const orgReasons: string[] = [];
        const org = readOrganization(r, listIds, orgReasons);
        reasons.push(...orgReasons);
        group = { code, first: r, signature, org: orgReasons.length ? null : org, rows: [], buyers: [] };
        groups.set(key(code), group);
      } else {
        const differ = ORGANIZATION_COLUMNS.filter((c) => (signature.get(c) ?? '') !== (group!.signature.get(c) ?? ''));
        if (differ.length) reasons.push(`its organization columns differ from row ${group.first.row} (${differ.join(', ')}); the rows of one account_code must agree`);
        else if (!group.org) reasons.push(`the organization ${group.code} is refused on row ${group.first.row}`);
      }
    }

    // The buyer of the row, if it names one.
    const buyerName = cell(r, 'buyer_name');
    const buyerEmail = cell(r, 'buyer_email');
    let buyer: ImportedBuyer | null = null;
    if (buyerName || buyerEmail) {
      const buyerReasons: string[] = [];
      if (!buyerEmail) buyerReasons.push('buyer_name has no buyer_email');
      else if (!isEmail(buyerEmail)) buyerReasons.push(`buyer_email "${buyerEmail}" is not an email address`);
      if (buyerEmail && !buyerName) buyerReasons.push('buyer_email has no buyer_name');
      else if (buyerName && !personName.safeParse(buyerName).success) buyerReasons.push('buyer_name is longer than 200 characters');
      if (!buyerReasons.length) {
        const k = key(buyerEmail);
        const other = accountByEmail.get(k);
        const current = code ? byCode.get(key(code)) : undefined;
        if (buyerRow.has(k)) buyerReasons.push(`buyer_email ${buyerEmail} is already on row ${buyerRow.get(k)}`);
        else if (other && other.organizationId !== current?.id) {
          buyerReasons.push(`buyer_email ${buyerEmail} already has a Customer Portal account with another organization (${other.organizationName})`);
        }
        buyerRow.set(k, buyerRow.get(k) ?? r.row);
      }
      reasons.push(...buyerReasons);
      const status = buyerReasons.length ? 'refused' : accountByEmail.has(key(buyerEmail)) ? 'existing' : 'new';
      buyer = { row: r.row, name: buyerName, email: buyerEmail, status, ...(buyerReasons.length ? { reason: buyerReasons.join('; ') } : {}) };
    }
    if (group) {
      group.rows.push(r.row);
      if (buyer) group.buyers.push(reasons.length && buyer.status !== 'refused' ? { ...buyer, status: 'refused', reason: 'the row is refused' } : buyer);
    }
    if (reasons.length) problems.push({ line: r.row, value: code || '(no code)', reason: reasons.join('; ') });
  }

  const organizations: ImportedOrganization[] = [];
  const writes: OrganizationImportPlan['writes'] = [];
  const counts = { create: 0, update: 0, unchanged: 0, newBuyers: 0, existingBuyers: 0 };
  for (const group of groups.values()) {
    const org = group.org;
    if (!org) continue;
    const before = byCode.get(key(group.code));
    const after = {
      name: org.name,
      email: org.email !== undefined ? org.email : (before?.email ?? null),
      phone: org.phone !== undefined ? org.phone : (before?.phone ?? null),
      billingAddress: org.billingAddress !== undefined ? org.billingAddress : (before?.billingAddress ?? null),
      priceListId: org.priceListId !== undefined ? org.priceListId : (before?.priceListId ?? null),
    };
    const changes: ImportedChange[] = [];
    const change = (field: string, from: string | null, to: string | null) => {
      if (from !== to) changes.push({ field, from, to });
    };
    change('Name', before?.name ?? null, after.name);
    change('Email', before?.email ?? null, after.email);
    change('Phone', before?.phone ?? null, after.phone);
    if (!sameAddress(before?.billingAddress, after.billingAddress)) changes.push({ field: 'Billing address', from: addressText(before?.billingAddress), to: addressText(after.billingAddress) });
    const listName = (id: number | null | undefined) => (id ? (listNames.get(id) ?? null) : null);
    if ((before?.priceListId ?? null) !== after.priceListId) {
      changes.push({ field: 'Price list', from: before ? (listName(before.priceListId) ?? 'List prices') : null, to: listName(after.priceListId) ?? 'List prices' });
    }
    let shipTo: OrganizationImportPlan['writes'][number]['shipTo'] = null;
    if (org.shipping) {
      const main = before ? mainOf.get(before.id) : undefined;
      const current = before ? defaultOf.get(before.id) : undefined;
      if (!main || !main.isDefault || !sameAddress(fromRow(main), org.shipping)) {
        shipTo = { address: org.shipping, replaces: main?.id ?? null, wasDefault: Boolean(main?.isDefault) };
        changes.push({ field: `Default ship-to (${FIRST_SHIP_TO_LABEL})`, from: current ? addressText(fromRow(current)) : null, to: addressText(org.shipping) });
      }
    }
    const orgChanged = changes.some((c) => !c.field.startsWith('Default ship-to'));
    const live = group.buyers.filter((b) => b.status !== 'refused');
    const newBuyers = live.filter((b) => b.status === 'new');
    counts.newBuyers += newBuyers.length;
    counts.existingBuyers += live.length - newBuyers.length;
    const action = !before ? 'create' : changes.length ? 'update' : 'unchanged';
    counts[action]++;
    organizations.push({ code: before?.code ?? group.code, name: org.name, action, organizationId: before?.id ?? null, rows: group.rows, changes, buyers: group.buyers });
    writes.push({
      code: group.code,
      organizationId: before?.id ?? null,
      values: !before || orgChanged ? after : null,
      shipTo,
      newBuyers: newBuyers.map((b) => ({ name: b.name, email: b.email })),
      name: org.name,
      changes,
    });
  }
  return { organizations, problems, counts, writes };
}

/** The preview: what the file would do, and which rows cannot be applied. Writes nothing. */
export async function previewOrganizationImport(
  db: DbOrTx,
  params: { sellerId: number; rows: readonly OrganizationImportRow[] },
): Promise<OrganizationImportPreview> {
  const { organizations, problems, counts } = await planOrganizationImport(db, params);
  return { organizations, problems, counts };
}
