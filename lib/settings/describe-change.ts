/**
 * Turns a settings audit entry ({ subject, before, after }) into lines a
 * person reads: "Payment methods: Wire transfer, Net 30 → none".
 */
const fieldLabels: Record<string, string> = {
  enabled: 'Portal enabled',
  forSaleStatuses: 'Inventory statuses for sale',
  forSaleWarehouses: 'Warehouses for sale',
  initialOrderStatus: 'Initial order status',
  salesChannel: 'Sales channel',
  autoInvoice: 'Auto invoice',
  paymentMethods: 'Payment methods',
  hideUnpriced: 'Hide inventory without prices',
  hideBlacklisted: 'Hide blacklisted devices',
  hideUnknownBlacklist: 'Hide devices with unknown blacklist status',
  hideActivationLocked: 'Hide activation-locked devices',
  hideFailedTest: 'Hide devices that failed the functional test',
  buyersMayAddAddresses: 'Buyers may add shipping addresses',
  buyersMayPickUnits: 'Buyers may pick units',
  displayName: 'Display name',
  logo: 'Logo',
  brandColor: 'Brand color',
  returnWindowDays: 'Return window (days)',
  returnAddress: 'Return address',
  returnShipDays: 'Days to send returns back',
  invoiceDueDays: 'Invoice due days',
  customDomain: 'Custom domain',
  name: 'Name',
  code: 'Code',
  position: 'Order',
  color: 'Color',
  isOpen: 'Open',
  allowsCommitting: 'Allows committing devices',
  instructions: 'Instructions',
  legalName: 'Legal name',
  address: 'Address',
  taxId: 'Tax or VAT number',
  contactEmail: 'Contact email',
  contactPhone: 'Contact phone',
  locale: 'Locale',
  timeZone: 'Time zone',
};

const emptyWords: Record<string, string> = { returnWindowDays: 'no limit' };

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return emptyWords[key] ?? 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export function describeChange(action: string, details: Record<string, unknown>): { title: string; lines: string[] } {
  const subject = typeof details.subject === 'string' ? details.subject : action;
  const before = (details.before ?? {}) as Record<string, unknown>;
  const after = (details.after ?? {}) as Record<string, unknown>;
  const verb = action.split('.').pop();
  if (verb === 'check_domain') {
    return { title: `Checked ${subject}`, lines: typeof details.message === 'string' ? [details.message] : [] };
  }
  if (verb === 'create') {
    return { title: `Added ${subject}`, lines: Object.entries(after).map(([k, v]) => `${fieldLabels[k] ?? k}: ${show(k, v)}`) };
  }
  if (verb === 'delete') return { title: `Deleted ${subject}`, lines: [] };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return {
    title: `Changed ${subject}`,
    lines: keys.map((k) => `${fieldLabels[k] ?? k}: ${show(k, before[k])} → ${show(k, after[k])}`),
  };
}
