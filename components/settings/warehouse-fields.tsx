import { Input } from '@/components/ui/field';
import { FormField } from './settings-form';

/** Name and code of a warehouse, for the add and edit forms. */
export function WarehouseFields({ idPrefix, values }: { idPrefix: string; values?: { name: string; code: string } }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField id={`${idPrefix}-name`} name="name" label="Name">
        <Input id={`${idPrefix}-name`} name="name" required maxLength={60} defaultValue={values?.name} />
      </FormField>
      <FormField id={`${idPrefix}-code`} name="code" label="Code" hint="Short and unique, e.g. MAIN. Letters, digits, - and _.">
        <Input id={`${idPrefix}-code`} name="code" required maxLength={12} defaultValue={values?.code} className="uppercase" />
      </FormField>
    </div>
  );
}
