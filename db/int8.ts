/**
 * bigint (int8) columns and `count(*)` come back as JavaScript numbers on
 * both drivers. PGlite already answers a number for every safe integer (and a
 * BigInt past 2^53); postgres.js answers a string by default, which compares
 * unequal to a number and breaks `formatMoney`. This makes postgres.js answer
 * the same as PGlite. Money is bounded far below 2^53 (lib/money.ts), so a
 * BigInt here means a value the app never writes.
 */
export const int8AsNumber = {
  to: 20,
  from: [20],
  serialize: (value: number | bigint | string) => String(value),
  parse: (text: string): number | bigint => {
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : BigInt(text);
  },
};

/** Options every postgres.js client of the app's database is opened with. */
export const postgresTypes = { int8: int8AsNumber };
