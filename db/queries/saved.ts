/**
 * What a back-office write answers when it saved something: its data and the
 * message staff see (empty when there is nothing to say). A refusal is thrown
 * instead (lib/refusal.ts); the action passes both on as its result.
 */
export type Saved<T> = { data: T; message: string };

export function saved<T>(data: T, message = ''): Saved<T> {
  return { data, message };
}
