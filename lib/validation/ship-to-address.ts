import { z } from 'zod';
import { checkbox, id } from './form-values';

const required = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use at most ${max} characters.`);

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((v) => v || null);

/** One shipping address of an organization: the staff form, the buyer's form at checkout, and their actions. */
export const shipToAddressForm = z.object({
  label: required(80, 'Name the address, for example “Main warehouse”.'),
  attention: optional(120),
  line1: required(200, 'Enter the street address.'),
  line2: optional(200),
  city: required(100, 'Enter the city.'),
  region: optional(100),
  postalCode: optional(20),
  country: required(100, 'Enter the country.'),
  phone: optional(50),
});

export type ShipToAddressInput = z.input<typeof shipToAddressForm>;
export type ShipToAddressValues = z.output<typeof shipToAddressForm>;

export const emptyShipToAddress = {
  label: '',
  attention: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: '',
  phone: '',
} satisfies ShipToAddressInput;

/** Staff may make the address the default as they save it. */
export const staffShipToAddressForm = shipToAddressForm.extend({ isDefault: checkbox });

/** Organization > Info & addresses > Add a shipping address. */
export const addShipToAddressSchema = staffShipToAddressForm.extend({ organizationId: id });

/** Organization > Info & addresses > Edit a shipping address. */
export const updateShipToAddressSchema = staffShipToAddressForm.extend({ organizationId: id, addressId: id });

/** Make default, Delete: which address of which organization. */
export const shipToAddressRef = z.object({ organizationId: id, addressId: id });

export type StaffShipToAddressInput = z.input<typeof staffShipToAddressForm>;
export type StaffShipToAddressValues = z.output<typeof staffShipToAddressForm>;
