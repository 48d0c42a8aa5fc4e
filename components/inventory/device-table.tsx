'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { moveDevicesAction } from '@/lib/actions/inventory/move-devices';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import type { DeviceFilters } from '@/db/queries/inventory/device-filters';
import type { ActionResult } from '@/lib/actions/result';
import { formatDate } from '@/lib/format/dates';

export type DeviceTableRow = {
  id: number;
  identifier: string;
  identifierKind: 'IMEI' | 'Serial';
  product: string;
  sku: string;
  grade: string;
  status: string;
  warehouse: string;
  cost: string;
  receivedOn: string;
  orderNumber: number | null;
};

/**
 * The device list with tick boxes and the bulk move bar. Moves either the
 * ticked devices or, when asked, every device matching the current filter.
 */
export function DeviceTable({
  rows,
  filters,
  matchingLabel,
  statuses,
  warehouses,
}: {
  rows: DeviceTableRow[];
  filters: DeviceFilters;
  matchingLabel: string;
  statuses: { id: number; name: string }[];
  warehouses: { id: number; code: string; name: string }[];
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [statusId, setStatusId] = useState('');
  const [warehouseId, setWarehouseId] = useState('');
  const [result, setResult] = useState<ActionResult<{ moved: number }> | null>(null);
  const [pending, startTransition] = useTransition();

  const pageIds = rows.map((r) => r.id);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const toggle = (id: number) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected(allOnPage ? new Set() : new Set(pageIds));
  const buttonLabel = allMatching
    ? 'Move all matching devices'
    : selected.size
      ? `Move ${selected.size} ${selected.size === 1 ? 'device' : 'devices'}`
      : 'Move devices';
  const canMove = (allMatching || selected.size > 0) && (statusId || warehouseId) && !pending;

  function move() {
    const target = { statusId: statusId || undefined, warehouseId: warehouseId || undefined };
    startTransition(async () => {
      const answer = await moveDevicesAction(
        allMatching
          ? { selection: 'filter', filters: { ...filters }, ...target }
          : { selection: 'selected', deviceIds: [...selected], ...target },
      );
      setResult(answer);
      if (answer.ok) {
        setSelected(new Set());
        setAllMatching(false);
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-3">
      <section aria-labelledby="bulk-move-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="bulk-move-heading" className="text-sm font-semibold">
          Move devices
        </h2>
        <div className="mt-2 flex flex-wrap items-end gap-3">
          <p className="text-sm text-slate-700" aria-live="polite">
            {allMatching ? `All ${matchingLabel} matching devices` : `${selected.size} selected`}
          </p>
          <div className="w-44">
            <Field id="move-status" label="To status">
              <Select id="move-status" value={statusId} onChange={(e) => setStatusId(e.target.value)}>
                <option value="">Keep status</option>
                {statuses.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="w-44">
            <Field id="move-warehouse" label="To warehouse">
              <Select id="move-warehouse" value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)}>
                <option value="">Keep warehouse</option>
                {warehouses.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.code} · {w.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Button onClick={move} disabled={!canMove}>
            {pending ? 'Moving…' : buttonLabel}
          </Button>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" className="h-4 w-4" checked={allMatching} onChange={(e) => setAllMatching(e.target.checked)} />
            Move all {matchingLabel} devices matching the filter, not only the ticked ones
          </label>
        </div>
        <p className="mt-2 text-xs text-slate-600">
          Committed devices move too; the For Sale quantities follow at once.
        </p>
        {result ? (
          <div className="mt-3">
            {result.ok ? <Alert tone="success">{result.message}</Alert> : <Alert tone="error">{result.error}</Alert>}
          </div>
        ) : null}
      </section>

      <Table caption="Devices">
        <thead>
          <tr>
            <Th className="w-8">
              <input type="checkbox" aria-label="Select all devices on this page" className="h-4 w-4" checked={allOnPage} onChange={toggleAll} disabled={!rows.length} />
            </Th>
            <Th>IMEI / serial</Th>
            <Th>Product</Th>
            <Th>Grade</Th>
            <Th>Status</Th>
            <Th>Warehouse</Th>
            <Th className="text-right">Cost</Th>
            <Th aria-sort="descending">Received</Th>
            <Th>Committed to</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <EmptyRow colSpan={9}>No devices match these filters.</EmptyRow>
          ) : (
            rows.map((r) => (
              <tr key={r.id} className={selected.has(r.id) ? 'bg-blue-50' : undefined}>
                <Td>
                  <input type="checkbox" className="h-4 w-4" aria-label={`Select ${r.identifier}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                </Td>
                <Td className="font-mono text-xs">
                  {r.identifier}
                  {r.identifierKind === 'Serial' ? <span className="ml-1 font-sans text-slate-500">(serial)</span> : null}
                </Td>
                <Td>
                  {r.product}
                  <span className="block text-xs text-slate-500">{r.sku}</span>
                </Td>
                <Td>{r.grade}</Td>
                <Td>{r.status}</Td>
                <Td>{r.warehouse}</Td>
                <Td className="text-right tabular-nums">{r.cost}</Td>
                <Td className="whitespace-nowrap">{formatDate(r.receivedOn)}</Td>
                <Td>
                  {r.orderNumber !== null ? (
                    <Link href={`/admin/orders/${r.orderNumber}`} className="text-blue-700 underline">
                      Order {r.orderNumber}
                    </Link>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </div>
  );
}
