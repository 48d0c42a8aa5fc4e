import type { ReturnDeviceCheck } from '@/db/queries/portal/rmas/request-rma';
import { isoDay, type DateStyle } from '@/lib/format/dates';

/** One device row of the return request form, as sent to the browser (dates as text). */
export type ReturnRow = {
  imei: string;
  description: string | null;
  orderNumber: number | null;
  orderedOn: string | null;
  returnBy: string | null;
  problem: string | null;
};

/** Days are the seller's calendar days (its time zone). */
export function toReturnRow(check: ReturnDeviceCheck, style: DateStyle): ReturnRow {
  return {
    imei: check.imei,
    description: check.device?.description ?? null,
    orderNumber: check.device?.orderNumber ?? null,
    orderedOn: check.device ? isoDay(check.device.orderedAt, style) : null,
    returnBy: check.device?.returnBy ? isoDay(check.device.returnBy, style) : null,
    problem: check.problem,
  };
}
