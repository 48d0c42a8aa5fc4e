import { formatMoney } from '@/lib/money';

type Entry = { action: string; entityType?: string; details: Record<string, unknown> };

const str = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const rmaStatus = (v: unknown) => (typeof v === 'string' ? v.charAt(0).toUpperCase() + v.slice(1) : str(v));

/** One audit entry as a sentence, e.g. "changed order 1004 from Awaiting Confirmation to Confirmed". */
export function describeAuditEntry(entry: Entry, currency: string): string {
  const d = entry.details;
  const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v, currency) : 'to be quoted');
  const order = `order ${str(d.number)}`;
  switch (entry.action) {
    case 'order.create':
      return `created ${order}`;
    case 'order.status':
      return `changed ${order} from ${str(d.from)} to ${str(d.to)}`;
    case 'order.update':
      return `edited ${Array.isArray(d.changed) ? d.changed.join(', ') : 'details'} of ${order}`;
    case 'order.commit': {
      const anyway = Array.isArray(d.unsellable) && d.unsellable.length
        ? ` (committed anyway although not sellable: ${(d.unsellable as { imei?: string; status?: string }[]).map((u) => `${str(u.imei)} ${str(u.status)}`).join(', ')})`
        : '';
      return `committed ${str(d.count)} device${d.count === 1 ? '' : 's'} to ${order}${anyway}`;
    }
    case 'order.close_short':
      return `closed ${order} as ${str(d.to)} with ${str(d.missing)} device${d.missing === 1 ? '' : 's'} not committed: “${str(d.reason)}”`;
    case 'order.reduce_to_committed': {
      const lines = Array.isArray(d.lines) ? (d.lines as { sku?: string; from?: number; to?: number }[]) : [];
      return `reduced ${order} to what is committed (${lines.map((l) => `${str(l.sku)} ${str(l.from)} → ${str(l.to)}`).join(', ')}), total ${money(d.totalBefore)} → ${money(d.totalAfter)}`;
    }
    case 'order.uncommit':
      return `uncommitted ${str(d.count)} device${d.count === 1 ? '' : 's'} from ${order}`;
    case 'order.line_add':
      return `added ${str(d.quantity)} × ${str(d.sku)} at ${money(d.unitPrice)} to ${order}`;
    case 'order.line_update': {
      const from = (d.from ?? {}) as Record<string, unknown>;
      const to = (d.to ?? {}) as Record<string, unknown>;
      return `changed ${str(d.sku)} on ${order} from ${str(from.quantity)} × ${money(from.unitPrice)} to ${str(to.quantity)} × ${money(to.unitPrice)}`;
    }
    case 'order.line_remove':
      return `removed ${str(d.sku)} from ${order}`;
    case 'invoice.create':
      return `created invoice ${str(d.invoiceNumber)} for ${order}${d.emailed ? ' and emailed it' : ''}`;
    case 'invoice.email':
      return `emailed invoice ${str(d.invoiceNumber)} of ${order}`;
    case 'invoice.void':
      return `voided invoice ${str(d.invoiceNumber)} of ${order}: “${str(d.reason)}”`;
    case 'invoice.credit_note':
      return `issued credit note ${str(d.creditNoteNumber)} of ${money(d.amount)} against invoice ${str(d.invoiceNumber)}: “${str(d.reason)}”`;
    case 'invoice.paid':
      return `marked invoice ${str(d.invoiceNumber)} paid`;
    case 'invoice.unpaid':
      return `marked invoice ${str(d.invoiceNumber)} unpaid`;
    case 'rma.create':
      return `created RMA ${str(d.number)} for ${str(d.organization)} (${str(d.devices)} devices)`;
    case 'rma.status':
      return (
        `moved RMA ${str(d.number)} from ${rmaStatus(d.from)} to ${rmaStatus(d.to)}` +
        (d.resolution ? ` as a ${str(d.resolution)}` : '') +
        (d.moved ? `; ${str(d.moved)} device${d.moved === 1 ? '' : 's'} moved${d.status ? ` to ${str(d.status)}` : ''}${d.warehouse ? ` in ${str(d.warehouse)}` : ''}` : '')
      );
    default:
      return `${entry.action.replace(/[._]/g, ' ')}${entry.entityType ? ` (${entry.entityType.replace(/_/g, ' ')})` : ''}`;
  }
}
