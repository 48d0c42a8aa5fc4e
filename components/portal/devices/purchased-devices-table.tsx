import Link from 'next/link';
import type { PurchasedDevice } from '@/db/queries/portal/devices/list-purchased-devices';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { formatDate } from '@/lib/format/dates';
import { returnWindow } from '@/lib/portal/format';
import { describeProduct } from '@/lib/products';
import { ConditionSummary } from '@/components/devices/condition-summary';

/** The purchased devices of one page, each selectable for a return request, with its order and return window. */
export function PurchasedDevicesTable({
  rows,
  slug,
  organizationName,
  windowDays,
  filtered,
}: {
  rows: PurchasedDevice[];
  slug: string;
  organizationName: string;
  windowDays: number | null;
  filtered: boolean;
}) {
  return (
    <Table caption={`Purchased devices of ${organizationName}`} cards>
      <thead>
        <tr>
          <Th>IMEI</Th>
          <Th>Product</Th>
          <Th>Grade</Th>
          <Th>Condition when sold</Th>
          <Th>Order</Th>
          <Th>Order date</Th>
          <Th>Returns</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.length === 0 ? (
          <EmptyRow colSpan={7}>{filtered ? 'No purchased device matches.' : 'No purchased devices yet.'}</EmptyRow>
        ) : (
          rows.map((d) => {
            const identifier = d.imei ?? d.serial ?? '';
            const returns = returnWindow(d.orderedAt, windowDays);
            return (
              <tr key={d.id}>
                <Td>
                  <label className="flex items-center gap-2 font-mono">
                    <input type="checkbox" name="imei" value={identifier} className="h-4 w-4 rounded border-slate-300" />
                    {identifier}
                  </label>
                </Td>
                <Td label="Product">
                  {describeProduct({ ...d, grade: null })}
                  <span className="block font-mono text-xs text-slate-500">{d.sku}</span>
                </Td>
                <Td label="Grade">{d.grade}</Td>
                <Td label="Condition when sold">
                  <ConditionSummary condition={d.soldCondition} />
                </Td>
                <Td label="Order">
                  <Link href={`/p/${slug}/orders/${d.orderNumber}`} className="text-[var(--brand-text)] hover:underline">
                    Order {d.orderNumber}
                  </Link>
                </Td>
                <Td label="Order date">{formatDate(d.orderedAt)}</Td>
                <Td label="Returns">
                  {d.openRmaNumber !== null ? (
                    <Link href={`/p/${slug}/rmas/${d.openRmaNumber}`} className="text-[var(--brand-text)] hover:underline">
                      In RMA {d.openRmaNumber}
                    </Link>
                  ) : returns.closesOn === null ? (
                    'Any time'
                  ) : returns.open ? (
                    `Until ${formatDate(returns.closesOn)}`
                  ) : (
                    <span className="text-slate-500">Closed {formatDate(returns.closesOn)}</span>
                  )}
                </Td>
              </tr>
            );
          })
        )}
      </tbody>
    </Table>
  );
}
