import { Checkbox, Input } from '@/components/ui/field';
import { FieldMessage, FormField } from './settings-form';

export function OrderStatusFields({
  idPrefix,
  values,
}: {
  idPrefix: string;
  values?: { name: string; color: string; isOpen: boolean; allowsCommitting: boolean; emailBuyer: boolean; position: number };
}) {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
        <FormField id={`${idPrefix}-name`} name="name" label="Name">
          <Input id={`${idPrefix}-name`} name="name" required maxLength={40} defaultValue={values?.name} />
        </FormField>
        <FormField id={`${idPrefix}-color`} name="color" label="Color">
          <input
            id={`${idPrefix}-color`}
            name="color"
            type="color"
            defaultValue={values?.color ?? '#64748b'}
            className="block h-10 w-24 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
          />
        </FormField>
        <FormField id={`${idPrefix}-position`} name="position" label="Order" hint="Empty adds it at the end.">
          <Input id={`${idPrefix}-position`} name="position" type="number" min={0} max={9999} step={1} defaultValue={values?.position} />
        </FormField>
      </div>
      <div className="space-y-2">
        <Checkbox
          id={`${idPrefix}-open`}
          name="isOpen"
          label="Open (the order still needs work)"
          defaultChecked={values ? values.isOpen : true}
        />
        <FieldMessage name="isOpen" />
        <Checkbox
          id={`${idPrefix}-committing`}
          name="allowsCommitting"
          label="Allows committing devices"
          defaultChecked={values?.allowsCommitting ?? false}
        />
        <FieldMessage name="allowsCommitting" />
        <Checkbox
          id={`${idPrefix}-email-buyer`}
          name="emailBuyer"
          label="Email the buyer when an order enters this status"
          defaultChecked={values?.emailBuyer ?? false}
        />
        <p className="ml-6 text-xs text-slate-600">
          The buyer who placed the order (or the organization&rsquo;s email for orders placed by staff) gets &ldquo;Order N is now
          this status&rdquo;. An order that ships with tracking numbers gets the &ldquo;your order has shipped&rdquo; email instead.
        </p>
        <FieldMessage name="emailBuyer" />
      </div>
    </div>
  );
}
