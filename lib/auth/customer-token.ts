/** What the customer session cookie holds: the account, its seller and the session version. */
export type CustomerToken = { uid?: number; sid?: number; ver?: number };

/**
 * The account a customer token may act as at one seller's portal, or null.
 * A session of another seller counts as none: its account id means nothing here.
 */
export async function customerAtPortal<C>(
  portal: { sellerId: number },
  token: CustomerToken | null,
  load: (accountId: number, sessionVersion: number, sellerId: number) => Promise<C | null>,
): Promise<C | null> {
  if (!token?.uid || token.sid !== portal.sellerId) return null;
  return load(token.uid, token.ver ?? 0, portal.sellerId);
}
