import type { RmaStatus } from '@/db/schema';

/** An RMA blocks another RMA of its devices while it is in one of these. */
export const openRmaStatuses: RmaStatus[] = ['requested', 'open', 'received'];

/**
 * Requested -> Open -> Received -> Resolved, or Rejected on the way (by
 * staff). Cancelled is the buyer's own step from Requested
 * (db/queries/portal/rmas/cancel-rma.ts), never a staff step.
 */
export const rmaTransitions: Record<RmaStatus, RmaStatus[]> = {
  requested: ['open', 'rejected'],
  open: ['received', 'rejected'],
  received: ['resolved', 'rejected'],
  resolved: [],
  rejected: [],
  cancelled: [],
};

/** While an RMA is in one of these, staff decide each line (disposition, refund, reject). */
export const decidableRmaStatuses: RmaStatus[] = ['requested', 'open'];

/** The path an RMA takes, as its timeline shows it. */
export const rmaTimelineSteps: RmaStatus[] = ['requested', 'open', 'received', 'resolved'];

export const rmaStatusLabel: Record<RmaStatus, string> = {
  requested: 'Requested',
  open: 'Open',
  received: 'Received',
  resolved: 'Resolved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

export const rmaStatusColor: Record<RmaStatus, string> = {
  requested: '#d97706',
  open: '#2563eb',
  received: '#7c3aed',
  resolved: '#16a34a',
  rejected: '#dc2626',
  cancelled: '#475569',
};

export const dispositionLabel = {
  return: 'Return',
  keep_partial_refund: 'Keep with partial refund',
} as const;

export function isRmaStatus(value: unknown): value is RmaStatus {
  return typeof value === 'string' && value in rmaTransitions;
}
