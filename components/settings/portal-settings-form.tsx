'use client';

import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { Checkbox, Input, Select, Textarea } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/result';
import type { PortalSettingsValues } from '@/lib/validation/portal-settings';
import { SettingsForm, FieldMessage, FormField } from './settings-form';
import { CheckboxList } from './checkbox-list';
import { LogoField } from './logo-field';

/** The saved settings as the schema gives them (lib/validation/portal-settings.ts), and the logo's address. */
export type PortalSettingsFormValues = Omit<PortalSettingsValues, 'quantityCap'> & {
  quantityCap: number | null;
  /** Where the stored logo is served, or null. */
  logoPath: string | null;
};

export type PortalSettingsFormOptions = {
  statuses: { id: number; name: string }[];
  warehouses: { id: number; name: string; code: string }[];
  orderStatuses: { id: number; name: string }[];
  channels: { id: number; name: string }[];
  paymentMethods: { id: number; name: string }[];
  staff: { id: number; name: string; email: string; role: string; status: string }[];
};

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">{title}</h2>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      <div className="mt-4 space-y-5">{children}</div>
    </section>
  );
}

/** Settings > Integrations > Customer Portal: one form, saved in one transaction. */
export function PortalSettingsForm({
  action,
  values,
  options,
  sellerName,
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  values: PortalSettingsFormValues;
  options: PortalSettingsFormOptions;
  sellerName: string;
}) {
  const [color, setColor] = useState(values.brandColor);
  const [saved, setSaved] = useState(0);

  return (
    <SettingsForm
      action={action}
      submitLabel="Save Customer Portal settings"
      onSuccess={() => setSaved((n) => n + 1)}
      className="space-y-6"
      footerClassName="sticky bottom-0 z-10 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3 backdrop-blur"
    >
      <Section title="Portal status">
        <Checkbox id="portal-enabled" name="enabled" label="Enable the Customer Portal" defaultChecked={values.enabled} />
        <p className="-mt-3 text-xs text-slate-600">
          Enabling needs inventory statuses, warehouses, an initial order status, a sales channel and payment methods.
        </p>
        <FieldMessage name="enabled" />
      </Section>

      <Section title="For Sale page" description="Which stock customers see, and how much of it.">
        <CheckboxList
          legend="Inventory statuses that count toward For Sale"
          name="statusIds"
          options={options.statuses.map((s) => ({ id: s.id, label: s.name }))}
          checked={values.statusIds}
          empty={
            <>
              No inventory statuses yet. <Link className="text-blue-700 underline" href="/admin/settings/inventory-statuses">Add inventory statuses</Link>.
            </>
          }
        />
        <CheckboxList
          legend="Warehouses that count toward For Sale"
          name="warehouseIds"
          options={options.warehouses.map((w) => ({ id: w.id, label: `${w.name} (${w.code})` }))}
          checked={values.warehouseIds}
          empty={
            <>
              No warehouses yet. <Link className="text-blue-700 underline" href="/admin/settings/warehouses">Add a warehouse</Link>.
            </>
          }
        />
        <fieldset>
          <legend className="text-sm font-medium">Sellable rules</legend>
          <p className="text-xs text-slate-600">Devices in these conditions never count toward For Sale, whatever their status and warehouse.</p>
          <div className="mt-2 space-y-1.5">
            <Checkbox id="portal-hide-blacklisted" name="hideBlacklisted" label="Hide blacklisted devices" defaultChecked={values.hideBlacklisted} />
            <Checkbox
              id="portal-hide-unknown-blacklist"
              name="hideUnknownBlacklist"
              label="Hide devices whose blacklist status is unknown"
              defaultChecked={values.hideUnknownBlacklist}
            />
            <Checkbox
              id="portal-hide-activation-locked"
              name="hideActivationLocked"
              label="Hide activation-locked devices (activation lock, MDM or FRP on)"
              defaultChecked={values.hideActivationLocked}
            />
            <Checkbox
              id="portal-hide-failed-test"
              name="hideFailedTest"
              label="Hide devices that failed the functional test"
              defaultChecked={values.hideFailedTest}
            />
          </div>
        </fieldset>
        <div>
          <Checkbox id="portal-hide-unpriced" name="hideUnpriced" label="Hide inventory without prices" defaultChecked={values.hideUnpriced} />
          <p className="ml-6 text-xs text-slate-600">When off, products without a list price show &ldquo;price on request&rdquo;.</p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            id="portal-quantity-display"
            name="quantityDisplay"
            label="How quantities are shown"
            hint="For Sale, its CSV, the cart and every message follow it."
          >
            <Select id="portal-quantity-display" name="quantityDisplay" defaultValue={values.quantityDisplay}>
              <option value="exact">Exact numbers</option>
              <option value="capped">Capped (&ldquo;50+&rdquo; from a threshold on)</option>
              <option value="hidden">Hidden (&ldquo;In stock&rdquo;)</option>
            </Select>
          </FormField>
          <FormField id="portal-quantity-cap" name="quantityCap" label="Cap for capped quantities" hint="From this quantity on buyers see it with a plus, e.g. 50+. Empty means 50.">
            <Input id="portal-quantity-cap" name="quantityCap" type="number" min={1} max={1000000} step={1} defaultValue={values.quantityCap ?? ''} />
          </FormField>
        </div>
      </Section>

      <Section title="Orders from the portal" description="What an order placed at checkout looks like in the back office.">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="portal-initial-status" name="initialOrderStatusId" label="Initial order status">
            <Select id="portal-initial-status" name="initialOrderStatusId" defaultValue={values.initialOrderStatusId ?? ''}>
              <option value="">Choose a status…</option>
              {options.orderStatuses.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id="portal-channel" name="salesChannelId" label="Sales channel">
            <Select id="portal-channel" name="salesChannelId" defaultValue={values.salesChannelId ?? ''}>
              <option value="">Choose a channel…</option>
              {options.channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        <CheckboxList
          legend="Payment methods offered at checkout"
          name="paymentMethodIds"
          options={options.paymentMethods.map((m) => ({ id: m.id, label: m.name }))}
          checked={values.paymentMethodIds}
          hint="The one the customer chooses is used on the invoice."
          empty={
            <>
              You have no payment methods yet, so there is nothing to offer at checkout.{' '}
              <Link className="font-medium text-blue-700 underline" href="/admin/settings/payment-methods">
                Add a payment method
              </Link>
              , then come back here to choose it.
            </>
          }
        />
        <FormField
          id="portal-min-order-value"
          name="minOrderValue"
          label="Minimum order value"
          hint="Checkout refuses a cart whose total is below it. Leave empty for no minimum."
        >
          <Input id="portal-min-order-value" name="minOrderValue" inputMode="decimal" maxLength={20} defaultValue={values.minOrderValue ?? ''} className="max-w-xs" />
        </FormField>
        <div>
          <Checkbox
            id="portal-buyers-add-addresses"
            name="buyersMayAddAddresses"
            label="Buyers may add shipping addresses"
            defaultChecked={values.buyersMayAddAddresses}
          />
          <p className="ml-6 text-xs text-slate-600">
            At checkout, buyers can add a shipping address to their organization. Staff manage every address on the
            organization&apos;s page either way.
          </p>
        </div>
        <div>
          <Checkbox id="portal-buyers-pick-units" name="buyersMayPickUnits" label="Buyers may pick units" defaultChecked={values.buyersMayPickUnits} />
          <p className="ml-6 text-xs text-slate-600">
            A product page lists the available units (IMEI tail, condition, photos) and buyers can put exact units in their cart.
            A picked unit is held for the buyer&apos;s order once checked out; staff commit exactly those units.
          </p>
        </div>
        <div>
          <Checkbox id="portal-auto-invoice" name="autoInvoice" label="Auto invoice" defaultChecked={values.autoInvoice} />
          <p className="ml-6 text-xs text-slate-600">
            After checkout, create an invoice and email it to the customer. It lists products and quantities, not IMEIs
            (none are committed yet).
          </p>
        </div>
        <CheckboxList
          legend="Email a new portal order to"
          name="newOrderRecipientIds"
          options={options.staff.map((s) => ({
            id: s.id,
            label: `${s.name} (${s.email}, ${s.role}${s.status === 'active' ? '' : `, ${s.status}`})`,
          }))}
          checked={values.newOrderRecipientIds}
          hint="These staff users get a “new portal order” email with a link to the order. With none ticked, the owners get it. The buyer always gets an order confirmation."
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="portal-due-days" name="invoiceDueDays" label="Invoice due (days after issue)">
            <Input id="portal-due-days" name="invoiceDueDays" type="number" min={0} max={365} step={1} required defaultValue={values.invoiceDueDays} />
          </FormField>
          <FormField
            id="portal-return-window"
            name="returnWindowDays"
            label="Return window (days after the order)"
            hint="Customers can request returns within this many days. Leave empty for no limit."
          >
            <Input
              id="portal-return-window"
              name="returnWindowDays"
              type="number"
              min={0}
              max={3650}
              step={1}
              defaultValue={values.returnWindowDays ?? ''}
            />
          </FormField>
          <FormField
            id="portal-return-ship-days"
            name="returnShipDays"
            label="Days to send returns back (after the RMA is opened)"
            hint="Shown to the buyer as a deadline. Empty means 14."
          >
            <Input
              id="portal-return-ship-days"
              name="returnShipDays"
              type="number"
              min={1}
              max={365}
              step={1}
              defaultValue={values.returnShipDays ?? ''}
            />
          </FormField>
        </div>
        <FormField
          id="portal-return-address"
          name="returnAddress"
          label="Return address"
          hint="Where buyers send the devices of an open RMA. Empty: the portal asks them to contact you."
        >
          <Textarea id="portal-return-address" name="returnAddress" rows={4} maxLength={500} defaultValue={values.returnAddress ?? ''} />
        </FormField>
      </Section>

      <Section title="Branding" description="How the portal introduces you to your customers.">
        <FormField id="portal-display-name" name="displayName" label="Display name" hint={`Empty shows your account name, ${sellerName}.`}>
          <Input id="portal-display-name" name="displayName" maxLength={80} defaultValue={values.displayName ?? ''} />
        </FormField>
        <LogoField key={saved} current={values.logoPath} />
        <FormField id="portal-brand-color" name="brandColor" label="Brand color" hint="Buttons and the header use it.">
          <div className="flex items-center gap-3">
            <input
              id="portal-brand-color"
              name="brandColor"
              type="color"
              defaultValue={values.brandColor}
              onChange={(e) => setColor(e.currentTarget.value)}
              className="h-10 w-24 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
            />
            <span className="font-mono text-sm text-slate-700">{color}</span>
          </div>
        </FormField>
      </Section>

      <Section title="Custom domain" description="Optional: a host name of yours that serves this same portal.">
        <FormField
          id="portal-custom-domain"
          name="customDomain"
          label="Custom domain"
          hint="For example portal.example.com, without https://. After saving, prove you own it with the DNS TXT record shown at the top of this page; it serves your portal once verified. Leave empty for none."
        >
          <Input
            id="portal-custom-domain"
            name="customDomain"
            inputMode="url"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={253}
            defaultValue={values.customDomain ?? ''}
            className="max-w-md"
          />
        </FormField>
      </Section>
    </SettingsForm>
  );
}
