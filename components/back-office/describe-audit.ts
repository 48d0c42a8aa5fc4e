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
    case 'order.commit':
      return `committed ${str(d.count)} device${d.count === 1 ? '' : 's'} to ${order}`;
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
        (d.moved ? `; ${str(d.moved)} device${d.moved === 1 ? '' : 's'} moved${d.status ? ` to ${str(d.status)}` : ''}${d.warehouse ? ` in ${str(d.warehouse)}` : ''}` : '') +
        (d.reason ? `: ${str(d.reason)}` : '')
      );
    case 'rma.line_decide': {
      const after = (d.after ?? {}) as Record<string, unknown>;
      const before = (d.before ?? {}) as Record<string, unknown>;
      const how = after.disposition === 'keep_partial_refund' ? 'keep with partial refund' : 'return';
      return `approved ${str(d.device)} on RMA ${str(d.number)} as ${how}, refund ${money(before.refund)} → ${money(after.refund)}`;
    }
    case 'rma.line_reject':
      return `rejected ${str(d.device)} on RMA ${str(d.number)}: ${str((d.after as Record<string, unknown> | undefined)?.rejectionReason)}`;
    case 'rma.cancel':
      return `cancelled return request RMA ${str(d.number)}`;
    default:
      return `${entry.action.replace(/[._]/g, ' ')}${entry.entityType ? ` (${entry.entityType.replace(/_/g, ' ')})` : ''}`;
  }
}
