import { z } from 'zod';

/**
 * The input type of a form schema, with the fields whose preprocessors accept
 * anything (checkboxes, optional numbers) made optional, as a form may leave them out.
 */
export type FormInput<S extends z.ZodType> = {
  [K in keyof z.input<S> as unknown extends z.input<S>[K] ? K : never]?: z.input<S>[K];
} & {
  [K in keyof z.input<S> as unknown extends z.input<S>[K] ? never : K]: z.input<S>[K];
};

/**
 * Small zod building blocks that accept both what a FormData carries (strings,
 * "on", repeated names) and already-typed values, so one schema serves the
 * server action and direct calls from tests and other code.
 */

/** A checkbox: present ("on", "true") or a boolean. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** A checkbox list: zero, one or many ids. */
export const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive()),
);

/** A select whose empty choice means "none". */
export const optionalId = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : v),
  z.coerce.number().int().positive().nullable(),
);

export const id = z.coerce.number().int().positive();

/** Trimmed text; empty means null. */
export function optionalText(max: number, message: string) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .max(max, message)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
  );
}

/** A required trimmed name with a clear message for empty and too long. */
export function requiredName(what: string, max = 60) {
  return z
    .string({ error: `Enter a ${what}.` })
    .trim()
    .min(1, `Enter a ${what}.`)
    .max(max, `Keep the ${what} under ${max + 1} characters.`);
}

/** A whole number in a range, or null when left empty. */
export function optionalWholeNumber(min: number, max: number, message: string) {
  return z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? v.trim() : v),
    z.union([z.null(), z.coerce.number({ error: message }).int(message).min(min, message).max(max, message)]),
  );
}

export function wholeNumber(min: number, max: number, message: string) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() || undefined : v),
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message),
  );
}

/** `#rrggbb`, stored lower case. */
export function hexColor(message: string) {
  return z
    .string({ error: message })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, message)
    .transform((v) => v.toLowerCase());
}
