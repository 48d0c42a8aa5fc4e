import fc from 'fast-check';
import { isRefusal } from '@/lib/refusal';

/**
 * What hostile clients send, for the generated-input tests: markup, formulas,
 * control characters, RTL marks, header tricks, long runs and odd Unicode.
 */
export const hostileText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil.example","x")',
    '+cmd|"/c calc"!A1',
    '@SUM(1+1)',
    '-2+3',
    'Bcc: victim@example.com\r\nSubject: hi',
    '\u202Egnp.exe',
    '\u0000\u0007\u001b[31m',
    'A'.repeat(5000),
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ العربية',
  ),
);

/** The accepted outcomes of a write: a Refusal or success. Any other error fails the property. */
export async function refusedOrAccepted(run: () => Promise<unknown>): Promise<'refused' | 'accepted'> {
  try {
    await run();
    return 'accepted';
  } catch (error) {
    if (isRefusal(error)) return 'refused';
    throw error;
  }
}
