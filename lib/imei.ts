/** IMEI: 15 digits, the last a Luhn check digit over the first 14. */

export function luhnCheckDigit(body: string): number {
  let sum = 0;
  // Double every second digit counting from the rightmost digit of the body.
  for (let i = 0; i < body.length; i++) {
    let digit = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidImei(value: string): boolean {
  if (!/^\d{15}$/.test(value)) return false;
  return luhnCheckDigit(value.slice(0, 14)) === value.charCodeAt(14) - 48;
}

export type ImeiProblem = 'not_15_digits' | 'bad_check_digit';

/** Why a string is not an IMEI, or null when it is one. */
export function imeiProblem(value: string): ImeiProblem | null {
  if (!/^\d{15}$/.test(value)) return 'not_15_digits';
  return isValidImei(value) ? null : 'bad_check_digit';
}

export const imeiProblemMessage: Record<ImeiProblem, string> = {
  not_15_digits: 'an IMEI has exactly 15 digits',
  bad_check_digit: 'the last digit is not the Luhn check digit',
};

/** Completes a 14-digit body (8-digit TAC + 6-digit serial) into a valid IMEI. */
export function imeiFromBody(body: string): string {
  if (!/^\d{14}$/.test(body)) throw new Error(`IMEI body must be 14 digits, got "${body}"`);
  return body + String(luhnCheckDigit(body));
}

/** The n-th IMEI of a deterministic sequence: unique for n below 10^12 within one prefix. */
export function sequentialImei(n: number, prefix = '35'): string {
  const width = 14 - prefix.length;
  if (!Number.isInteger(n) || n < 0 || n >= 10 ** width) throw new Error(`IMEI sequence out of range: ${n}`);
  return imeiFromBody(prefix + String(n).padStart(width, '0'));
}

/**
 * Splits pasted text (one per line, or separated by commas, tabs or spaces,
 * as scanners and spreadsheets produce) into trimmed entries with their line.
 */
export function splitPastedIdentifiers(text: string): { value: string; line: number }[] {
  const entries: { value: string; line: number }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    for (const part of raw.split(/[\s,;]+/)) {
      const value = part.trim();
      if (value) entries.push({ value, line: index + 1 });
    }
  });
  return entries;
}
