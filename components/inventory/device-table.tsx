'use client';

import { useSellerFormat } from '@/components/ui/seller-format';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { moveDevicesAction } from '@/lib/actions/inventory/move-devices';
import { previewDeviceMoveAction } from '@/lib/actions/inventory/preview-device-move';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, Select } from '@/components/ui/field';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import type { DeviceFilters } from '@/db/queries/inventory/device-filters';
import type { DeviceMovePreview } from '@/db/queries/inventory/preview-device-move';
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
  const sellerFormat = useSellerFormat();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [statusId, setStatusId] = useState('');
  const [warehouseId, setWarehouseId] = useState('');
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [preview, setPreview] = useState<DeviceMovePreview | null>(null);
  const [includeCommitted, setIncludeCommitted] = useState(false);
  /** The exact count of "all matching", fetched when that box is ticked (the list itself shows a capped count). */
  const [matchingCount, setMatchingCount] = useState<string | null>(null);
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
    ? 'Move all matching devices…'
    : selected.size
      ? `Move ${devicesWord(selected.size)}…`
      : 'Move devices…';
  const canMove = (allMatching || selected.size > 0) && (statusId || warehouseId) && !pending;
  const selection = () =>
    allMatching ? { selection: 'filter' as const, filters: { ...filters } } : { selection: 'selected' as const, deviceIds: [...selected] };

  function tickAllMatching(on: boolean) {
    setAllMatching(on);
    setMatchingCount(null);
    if (!on) return;
    void previewDeviceMoveAction({ selection: 'filter', filters: { ...filters } }).then((answer) => {
      setMatchingCount(
        answer.ok
          ? `All ${devicesWord(answer.data.matching)} matching (${answer.data.committed.toLocaleString('en-US')} committed to orders)`
          : answer.error,
      );
    });
  }

  /** Counts exactly what the move would touch, then asks. */
  function askToMove() {
    startTransition(async () => {
      const answer = await previewDeviceMoveAction(selection());
      if (!answer.ok) {
        setResult(answer);
        return;
      }
      setResult(null);
      setIncludeCommitted(false);
      setPreview(answer.data);
    });
  }

  function move() {
    const target = { statusId: statusId || undefined, warehouseId: warehouseId || undefined };
    setPreview(null);
    startTransition(async () => {
      const answer = await moveDevicesAction({ ...selection(), ...target, includeCommitted });
      setResult(answer);
      if (answer.ok) {
        setSelected(new Set());
        setAllMatching(false);
        router.refresh();
      }
    });
  }

  const statusName = (id: number) => statuses.find((s) => s.id === id)?.name ?? 'another status';
  const warehouseName = (id: number) => warehouses.find((w) => w.id === id)?.code ?? 'another warehouse';
  const toMove = preview ? (includeCommitted ? preview.matching : preview.matching - preview.committed) : 0;
  const fromTo = preview
    ? [
        statusId ? `from ${places(preview.statusIds, statusName, 'any status')} to ${statusName(Number(statusId))}` : null,
        warehouseId ? `from ${places(preview.warehouseIds, warehouseName, 'any warehouse')} to ${warehouseName(Number(warehouseId))}` : null,
      ]
        .filter(Boolean)
        .join(', and ')
    : '';

  return (
    <div className="space-y-3">
      <section aria-labelledby="bulk-move-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="bulk-move-heading" className="text-sm font-semibold">
          Move devices
        </h2>
        <div className="mt-2 flex flex-wrap items-end gap-3">
          <p className="text-sm text-slate-700" aria-live="polite">
            {allMatching
              ? (matchingCount ?? `All ${matchingLabel} matching devices (counting…)`)
              : `${selected.size} selected`}
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
          <Button onClick={askToMove} disabled={!canMove}>
            {pending ? 'Counting…' : buttonLabel}
          </Button>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" className="h-4 w-4" checked={allMatching} onChange={(e) => tickAllMatching(e.target.checked)} />
            Move all {matchingLabel} devices matching the filter, not only the ticked ones
          </label>
        </div>
        <p className="mt-2 text-xs text-slate-600">
          You see the exact count before anything moves. Devices committed to orders stay where they are unless you include them; the For
          Sale quantities follow at once.
        </p>
        <ConfirmDialog
          open={preview !== null}
          onOpenChange={(open) => {
            if (!open) setPreview(null);
          }}
          tone="primary"
          title={preview ? `Move ${devicesWord(toMove)}${includeCommitted && preview.committed ? ` (${preview.committed.toLocaleString('en-US')} committed)` : ''} ${fromTo}?` : 'Move devices?'}
          description={
            preview ? (
              <>
                <p>
                  {devicesWord(preview.matching)} {allMatching ? 'match the filter' : 'are ticked'}
                  {preview.committed
                    ? `; ${preview.committed.toLocaleString('en-US')} of them ${preview.committed === 1 ? 'is' : 'are'} committed to orders${includeCommitted ? ' and move too.' : ' and stay where they are.'}`
                    : '; none is committed to an order.'}
                </p>
                {toMove === 0 ? <p className="mt-2 font-medium text-red-800">Nothing would move: include the committed devices, or cancel.</p> : null}
              </>
            ) : null
          }
          confirmLabel={`Move ${devicesWord(toMove)}`}
          confirmDisabled={toMove === 0}
          onConfirm={move}
        >
          {preview && preview.committed ? (
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" className="h-4 w-4" checked={includeCommitted} onChange={(e) => setIncludeCommitted(e.target.checked)} />
              Include the {preview.committed.toLocaleString('en-US')} committed {preview.committed === 1 ? 'device' : 'devices'}
            </label>
          ) : null}
        </ConfirmDialog>
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
                  <Link href={`/admin/inventory/devices/${r.id}`} className="text-blue-700 underline">
                    {r.identifier}
                  </Link>
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
                <Td className="whitespace-nowrap">{formatDate(r.receivedOn, sellerFormat)}</Td>
                <Td>
                  {r.orderNumber !== null ? (
                    <Link href={`/admin/orders/${r.orderNumber}`} className="text-blue-700 underline">
                      Order {r.orderNumber}
                    </Link>
                  ) : (
                    <span className="text-slate-500">—</span>
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

function devicesWord(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'device' : 'devices'}`;
}

/** "In Repair", "Received or Listed", or "any status" when the devices sit in many. */
function places(ids: number[], name: (id: number) => string, many: string): string {
  if (!ids.length || ids.length > 3) return many;
  const names = ids.map(name);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
