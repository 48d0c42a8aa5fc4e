'use client';

import { useState } from 'react';
import type { OrganizationAddress } from '@/db/schema';
import { Button, LinkButton } from '@/components/ui/button';
import { StatusBadge } from '@/components/ui/badge';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { addShipToAddressAction } from '@/lib/actions/organizations/add-ship-to-address';
import { deleteShipToAddressAction } from '@/lib/actions/organizations/delete-ship-to-address';
import { makeDefaultShipToAddressAction } from '@/lib/actions/organizations/make-default-ship-to-address';
import { addressLines } from '@/lib/invoices/document';
import { emptyShipToAddress } from '@/lib/validation/ship-to-address';
import { AccountRowActions, type RowAction } from './account-row-actions';
import { ShipToAddressForm } from './ship-to-address-form';

type Address = Pick<
  OrganizationAddress,
  'id' | 'label' | 'attention' | 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'country' | 'phone' | 'isDefault'
>;

function oneLine(a: Address): string {
  return addressLines({ ...a, line2: a.line2 ?? undefined, region: a.region ?? undefined, postalCode: a.postalCode ?? undefined }).join(', ');
}

/** Organization > Info & addresses > Shipping addresses: the list, add, edit, make default, delete. */
export function ShipToAddressesSection({ organizationId, organizationName, addresses }: { organizationId: number; organizationName: string; addresses: Address[] }) {
  const [adding, setAdding] = useState(false);
  const others = addresses.length > 1;
  const rowActions = (a: Address): RowAction[] => {
    const ref = { organizationId, addressId: a.id };
    const actions: RowAction[] = [];
    if (!a.isDefault) actions.push({ label: 'Make default', run: () => makeDefaultShipToAddressAction(ref) });
    actions.push({
      label: 'Delete',
      variant: 'danger',
      run: () => deleteShipToAddressAction(ref),
      confirm: {
        title: `Delete ${a.label}?`,
        description:
          a.isDefault && others
            ? 'This is the default shipping address, so it cannot be deleted while the organization has others. Make another address the default first.'
            : `${oneLine(a)} is removed from ${organizationName}. Orders that shipped there keep their copy of it.`,
        confirmLabel: `Delete ${a.label}`,
      },
    });
    return actions;
  };

  return (
    <section aria-labelledby="ship-to-heading" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="ship-to-heading" className="text-lg font-semibold">
          Shipping addresses
        </h2>
        {adding ? null : (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Add a shipping address
          </Button>
        )}
      </div>
      <p className="text-sm text-slate-600">Checkout offers these to the buyers; the default is preselected and staff orders ship to it.</p>
      <Table caption={`Shipping addresses of ${organizationName}`}>
        <thead>
          <tr>
            <Th>Label</Th>
            <Th>Address</Th>
            <Th>Phone</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {addresses.length === 0 ? (
            <EmptyRow colSpan={4}>No shipping addresses yet.</EmptyRow>
          ) : (
            addresses.map((a) => (
              <tr key={a.id}>
                <Td className="font-medium">
                  {a.label} {a.isDefault ? <StatusBadge color="#15803d">Default</StatusBadge> : null}
                </Td>
                <Td>
                  {a.attention ? <span className="block text-slate-600">Attn: {a.attention}</span> : null}
                  {oneLine(a)}
                </Td>
                <Td className="whitespace-nowrap">{a.phone ?? '—'}</Td>
                <Td className="text-right">
                  <div className="flex items-start justify-end gap-2">
                    <LinkButton size="sm" href={`/admin/organizations/${organizationId}/addresses/${a.id}`} aria-label={`Edit: ${a.label}`}>
                      Edit
                    </LinkButton>
                    <AccountRowActions actions={rowActions(a)} name={a.label} />
                  </div>
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      {adding ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-3 font-semibold">Add a shipping address</h3>
          <ShipToAddressForm
            idPrefix="new-ship-to"
            defaultValues={{ ...emptyShipToAddress, isDefault: addresses.length === 0 }}
            offerDefault
            submitLabel="Add address"
            save={(values) => addShipToAddressAction({ ...values, organizationId })}
            onSaved={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : null}
    </section>
  );
}
