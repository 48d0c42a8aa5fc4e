import { Input } from '@/components/ui/field';
import { FormField } from './settings-form';

export function InventoryStatusFields({ idPrefix, values }: { idPrefix: string; values?: { name: string; position: number } }) {
  return (
    <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
      <FormField id={`${idPrefix}-name`} name="name" label="Name">
        <Input id={`${idPrefix}-name`} name="name" required maxLength={40} defaultValue={values?.name} />
      </FormField>
      <FormField
        id={`${idPrefix}-position`}
        name="position"
        label="Order"
        hint={values ? 'Lower numbers come first.' : 'Lower numbers come first; empty adds it at the end.'}
      >
        <Input id={`${idPrefix}-position`} name="position" type="number" min={0} max={9999} step={1} defaultValue={values?.position} />
      </FormField>
    </div>
  );
}
