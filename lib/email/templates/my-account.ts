import { renderEmail } from '../render';
import type { AccountLinkEmail } from './account-links';

/**
 * The emails of My account: the link that confirms a new address (sent to
 * that address), and the notice to the old one once the change is made.
 */
const place = (data: Pick<AccountLinkEmail, 'audience' | 'brand' | 'sellerName'>) =>
  data.audience === 'customer' ? `the ${data.brand.name} Customer Portal` : `the ${data.sellerName} back office on Tradepost`;

export function emailChangeLinkEmail(data: AccountLinkEmail & { newEmail: string }) {
  return {
    subject: `Confirm your new email address for ${place(data)}`,
    ...renderEmail({
      brand: data.brand,
      heading: 'Confirm your new email address',
      paragraphs: [
        `Hello ${data.name},`,
        `You asked to sign in to ${place(data)} as ${data.newEmail} from now on. Open the link below and confirm to make the change. It works once and expires in 24 hours.`,
        'Until you confirm, your account keeps its current email address.',
      ],
      button: { label: 'Confirm new email address', url: data.url },
      footnote: 'If you did not ask for this, you can ignore this email; nothing changes without the link.',
    }),
  };
}

export function emailChangedNoticeEmail(data: Omit<AccountLinkEmail, 'url'> & { newEmail: string; contact: string }) {
  return {
    subject: `Your email address for ${place(data)} was changed`,
    ...renderEmail({
      brand: data.brand,
      heading: 'Your email address was changed',
      paragraphs: [
        `Hello ${data.name},`,
        `The email address of your account in ${place(data)} is now ${data.newEmail}. This address no longer signs you in.`,
        `If you did not make this change, contact ${data.contact} at once.`,
      ],
      footnote: 'You get this notice at your previous address so that a change you did not make does not go unseen.',
    }),
  };
}
