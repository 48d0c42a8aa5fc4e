import { Input } from '@/components/ui/field';
import { FormField } from './settings-form';

export function SalesChannelFields({ idPrefix, values }: { idPrefix: string; values?: { name: string } }) {
  return (
    <FormField id={`${idPrefix}-name`} name="name" label="Name">
      <Input id={`${idPrefix}-name`} name="name" required maxLength={40} defaultValue={values?.name} className="max-w-md" />
    </FormField>
  );
}
