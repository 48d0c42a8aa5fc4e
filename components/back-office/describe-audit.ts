import { formatMoney } from '@/lib/money';
import { describeChange } from '@/lib/settings/describe-change';
import { carrierName } from '@/lib/shipments/carriers';

/** One audit entry as the history lists and the dashboard read it. */
export type AuditEntryView = {
  actorLabel: string;
  action: string;
  entityType?: string;
  entityId?: number | null;
  details: Record<string, unknown>;
  /** The staff user's, portal account's or organization's name, or the product's SKU, when the reader joined it. */
  subjectName?: string | null;
  /** The organization of a portal account, for its link. */
  subjectOrganizationId?: number | null;
};

/** A sentence is text and links: "Olivia Owner made [Sam Staff] an Owner". */
export type AuditSegment = string | { text: string; href: string };

type Say = (e: AuditEntryView, h: Helpers) => AuditSegment[];
type Helpers = { money: (v: unknown) => string; order: AuditSegment; rma: AuditSegment; subject: (fallback: string) => AuditSegment };

const str = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const capital = (v: unknown) => (typeof v === 'string' && v ? v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ') : str(v));
const plural = (n: unknown, one: string, many = `${one}s`) => `${str(n)} ${n === 1 ? one : many}`;
const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function orderLink(d: Record<string, unknown>): AuditSegment {
  return typeof d.number === 'number' ? { text: `order ${d.number}`, href: `/admin/orders/${d.number}` } : 'an order';
}
function rmaLink(d: Record<string, unknown>): AuditSegment {
  return typeof d.number === 'number' ? { text: `RMA ${d.number}`, href: `/admin/rmas/${d.number}` } : 'an RMA';
}

/** What a photo is of: a product (linked), a device, or a grade of the grade guide. */
function photoSubject(e: AuditEntryView, h: Helpers): AuditSegment {
  const label = str(e.details.subject);
  if (e.entityType === 'device') return `device ${label}`;
  if (e.entityType === 'grade_description') return { text: `grade ${label}`, href: '/admin/products/grades' };
  return h.subject(label === '—' ? 'a product' : label);
}

function quoteLink(d: Record<string, unknown>): AuditSegment {
  return typeof d.number === 'number' ? { text: `quote ${d.number}`, href: `/admin/quotes/${d.number}` } : 'a quote';
}

/** Where the entry's subject lives in the back office, if it has a page. */
function subjectHref(e: AuditEntryView): string | null {
  switch (e.entityType) {
    case 'product':
      return e.entityId ? `/admin/products/${e.entityId}` : null;
    case 'organization':
      return e.entityId ? `/admin/organizations/${e.entityId}` : null;
    case 'portal_account': {
      const org = e.subjectOrganizationId ?? (typeof e.details.organizationId === 'number' ? e.details.organizationId : null);
      return org ? `/admin/organizations/${org}/portal` : null;
    }
    case 'staff_user':
      return '/admin/settings/staff';
    case 'price_list':
      return e.entityId && e.action !== 'price_list.delete' ? `/admin/price-lists/${e.entityId}` : null;
    default:
      return null;
  }
}

/** A field change map `{ name: { from, to } }` as "name Acme → Acme Ltd". */
function fieldChanges(changes: unknown): string {
  if (!changes || typeof changes !== 'object') return '';
  const parts = Object.entries(changes as Record<string, unknown>).map(([k, v]) => {
    const c = (v ?? {}) as { from?: unknown; to?: unknown };
    const show = (x: unknown) => (x && typeof x === 'object' ? 'address' : str(x));
    const label = k.replace(/([A-Z])/g, ' $1').toLowerCase();
    return c && typeof c === 'object' && ('from' in c || 'to' in c) ? `${label} ${show(c.from)} → ${show(c.to)}` : label;
  });
  return parts.length ? `: ${parts.join('; ')}` : '';
}

function settingsSentence(e: AuditEntryView): AuditSegment[] {
  const subject = typeof e.details.subject === 'string' ? e.details.subject : e.action.split('.')[0]!.replace(/_/g, ' ');
  const { title, lines } = describeChange(e.action, { ...e.details, subject });
  return [`${lowerFirst(title)}${lines.length ? `: ${lines.join('; ')}` : ''}`];
}

const catalogueKinds = ['warehouse', 'inventory_status', 'order_status', 'sales_channel', 'payment_method'] as const;
const accountVerbs: Record<string, (who: AuditSegment) => AuditSegment[]> = {
  invite: (who) => ['invited ', who],
  resend_invite: (who) => ['sent a new invitation to ', who],
  enable: (who) => ['enabled the account of ', who],
  disable: (who) => ['disabled the account of ', who],
  activate: () => ['activated their account'],
  password_reset: () => ['reset their password'],
  rename: () => ['changed their name'],
  password_change: () => ['changed their password'],
  sign_out_everywhere: () => ['signed out everywhere'],
  email_change_request: () => ['asked to change their email address'],
  email_change: () => ['changed their email address'],
};

/** Every audit action the code writes, as a sentence after the actor's name. */
export const auditSentences: Record<string, Say> = {
  'order.create': (e, h) => ['created ', h.order, e.details.lines ? ` (${plural(e.details.lines, 'line')})` : ''],
  'order.place': (e, h) => [
    'placed ',
    h.order,
    typeof e.details.total === 'number' ? ` (${h.money(e.details.total)})` : '',
    e.details.organization ? ` for ${str(e.details.organization)}` : '',
    ' through the portal',
  ],
  'order.status': (e, h) => {
    const tracking = Array.isArray(e.details.tracking) ? (e.details.tracking as { carrier?: string; trackingNumber?: string }[]) : [];
    return [
      'changed ',
      h.order,
      ` from ${str(e.details.from)} to ${str(e.details.to)}`,
      tracking.length ? ` with tracking ${tracking.map((s) => `${carrierName(str(s.carrier))} ${str(s.trackingNumber)}`).join(', ')}` : '',
    ];
  },
  'order.shipment_add': (e, h) => ['added tracking number ', `${str(e.details.carrier)} ${str(e.details.trackingNumber)}`, ' to ', h.order],
  'order.shipment_remove': (e, h) => ['removed tracking number ', `${str(e.details.carrier)} ${str(e.details.trackingNumber)}`, ' from ', h.order],
  'order.update': (e, h) => [
    'edited ',
    Array.isArray(e.details.changed) ? e.details.changed.map((c) => String(c).replace(/([A-Z])/g, ' $1').toLowerCase()).join(', ') : 'the details',
    ' of ',
    h.order,
  ],
  'order.commit': (e, h) => {
    const unsellable = Array.isArray(e.details.unsellable) ? (e.details.unsellable as { imei?: string; status?: string }[]) : [];
    return [
      'assigned ',
      plural(e.details.count, 'device'),
      ' to ',
      h.order,
      unsellable.length ? ` (committed anyway although not sellable: ${unsellable.map((u) => `${str(u.imei)} ${str(u.status)}`).join(', ')})` : '',
    ];
  },
  'order.close_short': (e, h) => ['closed ', h.order, ` as ${str(e.details.to)} with ${plural(e.details.missing, 'device')} not committed: “${str(e.details.reason)}”`],
  'order.reduce_to_committed': (e, h) => {
    const lines = Array.isArray(e.details.lines) ? (e.details.lines as { sku?: string; from?: number; to?: number }[]) : [];
    return [
      'reduced ',
      h.order,
      ` to what is committed (${lines.map((l) => `${str(l.sku)} ${str(l.from)} → ${str(l.to)}`).join(', ')}), total ${h.money(e.details.totalBefore)} → ${h.money(e.details.totalAfter)}`,
    ];
  },
  'order.uncommit': (e, h) => ['took ', plural(e.details.count, 'device'), ' off ', h.order],
  'order.line_add': (e, h) => ['added ', `${str(e.details.quantity)} × ${str(e.details.sku)} at ${h.money(e.details.unitPrice)} to `, h.order],
  'order.line_update': (e, h) => {
    const from = (e.details.from ?? {}) as Record<string, unknown>;
    const to = (e.details.to ?? {}) as Record<string, unknown>;
    return [
      `changed ${str(e.details.sku)} on `,
      h.order,
      ` from ${str(from.quantity)} × ${h.money(from.unitPrice)} to ${str(to.quantity)} × ${h.money(to.unitPrice)}`,
    ];
  },
  'order.line_remove': (e, h) => [`removed ${str(e.details.sku)} from `, h.order],
  'invoice.create': (e, h) => [
    `created invoice ${str(e.details.invoiceNumber)}`,
    typeof e.details.total === 'number' ? ` (${h.money(e.details.total)})` : '',
    ' for ',
    h.order,
    e.details.emailed ? ' and emailed it' : '',
  ],
  'invoice.email': (e, h) => [`emailed invoice ${str(e.details.invoiceNumber)} of `, h.order, e.details.to ? ` to ${str(e.details.to)}` : ''],
  'invoice.void': (e, h) => [`voided invoice ${str(e.details.invoiceNumber)} of `, h.order, `: “${str(e.details.reason)}”`],
  'invoice.credit_note': (e, h) => [
    `issued credit note ${str(e.details.creditNoteNumber)} of ${h.money(e.details.amount)} against invoice ${str(e.details.invoiceNumber)} of `,
    h.order,
    `: “${str(e.details.reason)}”`,
  ],
  'invoice.paid': (e, h) => [`marked invoice ${str(e.details.invoiceNumber)} of `, h.order, ' paid'],
  'invoice.unpaid': (e, h) => [`marked invoice ${str(e.details.invoiceNumber)} of `, h.order, ' unpaid'],
  'rma.create': (e, h) => ['created ', h.rma, ` for ${str(e.details.organization)} (${plural(e.details.devices, 'device')})`],
  'rma.request': (e, h) => ['asked to return ', plural(e.details.devices, 'device'), ' on ', h.rma, e.details.organization ? ` for ${str(e.details.organization)}` : ''],
  'rma.status': (e, h) => {
    const d = e.details;
    return [
      'moved ',
      h.rma,
      ` from ${capital(d.from)} to ${capital(d.to)}`,
      d.resolution ? ` as a ${str(d.resolution)}` : '',
      d.moved ? `; ${plural(d.moved, 'device')} moved${d.status ? ` to ${str(d.status)}` : ''}${d.warehouse ? ` in ${str(d.warehouse)}` : ''}` : '',
      d.reason ? `: ${str(d.reason)}` : '',
    ];
  },
  'rma.line_decide': (e, h) => {
    const after = (e.details.after ?? {}) as Record<string, unknown>;
    const before = (e.details.before ?? {}) as Record<string, unknown>;
    const how = after.disposition === 'keep_partial_refund' ? 'keep with partial refund' : 'return';
    return [`approved ${str(e.details.device)} on `, h.rma, ` as ${how}, refund ${h.money(before.refund)} → ${h.money(after.refund)}`];
  },
  'rma.line_reject': (e, h) => [
    `rejected ${str(e.details.device)} on `,
    h.rma,
    `: ${str((e.details.after as Record<string, unknown> | undefined)?.rejectionReason)}`,
  ],
  'rma.cancel': (e, h) => ['cancelled the return request ', h.rma],
  'quote.request': (e) => ['asked for ', quoteLink(e.details), ` (${plural(e.details.lines, 'line')})`, e.details.organization ? ` for ${str(e.details.organization)}` : ''],
  'quote.answer': (e, h) => [
    e.details.replaced ? 'replaced the answer to ' : 'answered ',
    quoteLink(e.details),
    typeof e.details.total === 'number' ? ` at ${h.money(e.details.total)}` : '',
    e.details.validUntil ? `, valid until ${str(e.details.validUntil)}` : '',
  ],
  'quote.withdraw': (e) => ['withdrew ', quoteLink(e.details), e.details.organization ? ` of ${str(e.details.organization)}` : ''],
  'quote.accept': (e) => [
    'accepted ',
    quoteLink(e.details),
    ', placing ',
    typeof e.details.orderNumber === 'number' ? { text: `order ${e.details.orderNumber}`, href: `/admin/orders/${e.details.orderNumber}` } : 'an order',
  ],
  'quote.decline': (e) => ['declined ', quoteLink(e.details)],
  'product.create': (e, h) => [
    'added product ',
    h.subject(str(e.details.sku)),
    typeof e.details.listPrice === 'number' ? ` at ${h.money(e.details.listPrice)}` : ' without a list price',
  ],
  'product.update': (e, h) => ['edited product ', h.subject(str(e.details.sku)), fieldChanges(e.details.changes)],
  'product.price': (e, h) => ['changed the price of ', h.subject(str(e.details.sku)), ` ${h.money(e.details.from)} → ${h.money(e.details.to)}`],
  'devices.add': (e, h) => [
    `added ${plural(e.details.count, e.details.kind === 'serial' ? 'device by serial number' : 'device', e.details.kind === 'serial' ? 'devices by serial number' : 'devices')} of `,
    h.subject(str(e.details.sku)),
    e.details.warehouse ? ` to ${str(e.details.warehouse)}` : '',
    e.details.status ? ` as ${str(e.details.status)}` : '',
  ],
  'device.condition': (e) => [
    'edited the condition of ',
    typeof e.entityId === 'number' ? { text: str(e.details.identifier), href: `/admin/inventory/devices/${e.entityId}` } : 'a device',
    fieldChanges(e.details.changes),
  ],
  'devices.condition_import': (e) => [
    `imported condition data for ${plural(e.details.count, 'device')} from a diagnostics file${typeof e.details.file === 'string' ? ` (${e.details.file})` : ''}`,
    typeof e.details.changed === 'number' ? `, ${e.details.changed} changed` : '',
  ],
  'devices.condition_paste': (e) => [
    `set ${Array.isArray(e.details.fields) ? e.details.fields.map((f) => String(f).replace(/([A-Z])/g, ' $1').toLowerCase()).join(', ') : 'condition values'} on ${plural(e.details.count, 'pasted device')}`,
    typeof e.details.changed === 'number' ? ` (${e.details.changed} changed)` : '',
  ],
  'devices.import': (e) => [
    `imported ${plural(e.details.count, 'device')} from a CSV file`,
    typeof e.details.productsCreated === 'number' && e.details.productsCreated > 0 ? `, creating ${plural(e.details.productsCreated, 'product')}` : '',
  ],
  'products.import': (e) => [
    `imported ${plural(e.details.rows, 'row')} of products from a CSV file: ${str(e.details.created)} created, ${str(e.details.updated)} updated, ${str(e.details.unchanged)} unchanged`,
  ],
  'photo.add': (e, h) => ['added a photo to ', photoSubject(e, h)],
  'photo.alt': (e, h) => ['changed the alt text of a photo of ', photoSubject(e, h), ` to “${str(e.details.to)}”`],
  'photo.move': (e, h) => ['moved a photo of ', photoSubject(e, h), ` from place ${str(e.details.from)} to ${str(e.details.to)}`],
  'photo.remove': (e, h) => ['removed a photo from ', photoSubject(e, h)],
  'grade_description.create': (e) => [`described grade ${str(e.details.grade)} in the grade guide`],
  'grade_description.update': (e) => [`edited the description of grade ${str(e.details.grade)} in the grade guide`],
  'grade_description.remove': (e) => [`removed the description of grade ${str(e.details.grade)} from the grade guide`],
  'devices.move': (e) => {
    const d = e.details;
    const to = [d.status ? `to ${str(d.status)}` : '', d.warehouse ? `into ${str(d.warehouse)}` : ''].filter(Boolean).join(' and ');
    return [
      `moved ${plural(d.count, 'device')}`,
      typeof d.committed === 'number' && d.committed > 0 ? ` (${d.committed} assigned to orders)` : '',
      to ? ` ${to}` : '',
      d.selection === 'filter' ? ' (all matching a filter)' : '',
    ];
  },
  'organization.create': (e, h) => ['added organization ', h.subject(str(e.details.name))],
  'organization.import': (e) => [
    `imported ${plural(e.details.rows, 'row')} of organizations from a CSV file: ${str(e.details.created)} created, ${str(e.details.updated)} updated, ${plural(e.details.buyers, 'buyer')} added`,
  ],
  'organization.price_list': (e, h) => ['put ', h.subject('an organization'), e.details.priceList ? ` on price list ${str(e.details.priceList)}` : ' on list prices'],
  'price_list.create': (e, h) => ['created price list ', h.subject(str(e.details.name))],
  'price_list.update': (e, h) => ['edited price list ', h.subject(str((e.details.to as { name?: unknown } | undefined)?.name))],
  'price_list.delete': (e) => [`deleted price list ${str(e.details.name)}`],
  'price_list.import': (e, h) => [`imported ${plural(e.details.prices, 'price')} into price list `, h.subject('a price list'), typeof e.details.removed === 'number' && e.details.removed > 0 ? ` (${plural(e.details.removed, 'price')} removed)` : ''],
  'price_list.price': (e, h) => [`set ${str(e.details.sku)} from ${str(e.details.minQuantity)} units to ${h.money(e.details.to)}`, e.details.from === null ? '' : ` (was ${h.money(e.details.from)})`, ' on price list ', h.subject('a price list')],
  'price_list.price_remove': (e, h) => [`removed the price of ${str(e.details.sku)} from ${str(e.details.minQuantity)} units from price list `, h.subject('a price list')],
  'organization.update': (e, h) => ['edited organization ', h.subject('details'), fieldChanges(e.details)],
  'ship_to_address.add': (e, h) => [
    `added shipping address “${str(e.details.label)}” (${str(e.details.address)})`,
    e.details.isDefault ? ', the default,' : '',
    ' to ',
    h.subject(str(e.details.organization)),
  ],
  'ship_to_address.update': (e, h) => [`edited shipping address “${str(e.details.label)}” of `, h.subject(str(e.details.organization)), fieldChanges(e.details.changes)],
  'ship_to_address.make_default': (e, h) => [`made “${str(e.details.label)}” the default shipping address of `, h.subject(str(e.details.organization))],
  'ship_to_address.delete': (e, h) => [`deleted shipping address “${str(e.details.label)}” (${str(e.details.address)}) of `, h.subject(str(e.details.organization))],
  'seller.create': (e) => [`created the seller account ${str(e.details.slug)} (${str(e.details.currency)})`],
  'staff_user.role': (e, h) => ['made ', h.subject('a staff user'), ` ${article(capital(e.details.to))}`, e.details.from ? ` (was ${capital(e.details.from)})` : ''],
  'portal_settings.update': settingsSentence,
  'portal_settings.check_domain': settingsSentence,
  'company_profile.update': settingsSentence,
  ...Object.fromEntries(
    (['staff_user', 'portal_account'] as const).flatMap((kind) =>
      Object.entries(accountVerbs).map(([verb, say]): [string, Say] => [
        `${kind}.${verb}`,
        (e, h) => {
          const fallback = str(e.details.email) === '—' ? (kind === 'staff_user' ? 'a staff user' : 'a portal account') : str(e.details.email);
          const who = h.subject(fallback);
          const role = verb === 'invite' && typeof e.details.role === 'string' ? ` as ${article(capital(e.details.role))}` : '';
          return [...say(who), role];
        },
      ]),
    ),
  ),
  ...Object.fromEntries(
    catalogueKinds.flatMap((kind) => (['create', 'update', 'delete'] as const).map((change): [string, Say] => [`${kind}.${change}`, settingsSentence])),
  ),
};

export function hasAuditSentence(action: string): boolean {
  return Object.hasOwn(auditSentences, action);
}

/** Who did what, as text and links, starting with the actor: "Nora Buyer placed order 1025 ($1,721.93)…". */
export function describeAudit(entry: AuditEntryView, currency: string): AuditSegment[] {
  const d = entry.details ?? {};
  const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v, currency) : 'to be quoted');
  const href = subjectHref(entry);
  const helpers: Helpers = {
    money,
    order: orderLink(d),
    rma: rmaLink(d),
    subject: (fallback) => {
      const text = entry.subjectName || fallback;
      return href ? { text, href } : text;
    },
  };
  const say = auditSentences[entry.action];
  const actor = entry.actorLabel.replace(/^customer: /, '');
  const rest = say
    ? say(entry, helpers)
    : [`${entry.action.replace(/[._]/g, ' ')}${entry.entityType ? ` (${entry.entityType.replace(/_/g, ' ')})` : ''}`];
  return [`${actor} `, ...rest].filter((s) => s !== '');
}

/** The same sentence as plain text (for tests, titles and emails). */
export function auditSentence(entry: AuditEntryView, currency: string): string {
  return describeAudit(entry, currency)
    .map((s) => (typeof s === 'string' ? s : s.text))
    .join('');
}

