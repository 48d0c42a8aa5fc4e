import { Input, Textarea } from '@/components/ui/field';
import { FormField } from './settings-form';

export function PaymentMethodFields({ idPrefix, values }: { idPrefix: string; values?: { name: string; instructions: string } }) {
  return (
    <div className="space-y-4">
      <FormField id={`${idPrefix}-name`} name="name" label="Name">
        <Input id={`${idPrefix}-name`} name="name" required maxLength={60} defaultValue={values?.name} className="max-w-md" />
      </FormField>
      <FormField
        id={`${idPrefix}-instructions`}
        name="instructions"
        label="Instructions printed on the invoice"
        hint="For example bank details, or the payment terms."
      >
        <Textarea id={`${idPrefix}-instructions`} name="instructions" rows={4} maxLength={2000} defaultValue={values?.instructions} />
      </FormField>
    </div>
  );
}
