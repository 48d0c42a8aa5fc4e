import { renderEmail, type EmailBrand } from '../render';

/**
 * The emails that carry one-time links: invitations (activation), sign-in
 * links and password resets, for customers and for staff. Every value is a
 * plain string; renderEmail escapes it.
 */
export type AccountLinkEmail = {
  brand: EmailBrand;
  audience: 'customer' | 'staff';
  /** The seller's own name, for the staff emails ("the Acme Wireless back office"). */
  sellerName: string;
  name: string;
  organizationName?: string | null;
  url: string;
};

const place = (data: AccountLinkEmail) =>
  data.audience === 'customer' ? `the ${data.brand.name} Customer Portal` : `the ${data.sellerName} back office on Tradepost`;

export function invitationEmail(data: AccountLinkEmail) {
  const subject = `You are invited to ${place(data)}`;
  const paragraphs = [
    `Hello ${data.name},`,
    data.audience === 'customer'
      ? `${data.brand.name} has opened a Customer Portal account for you${data.organizationName ? ` at ${data.organizationName}` : ''}. In the portal you can see what is For Sale, order, and look up your orders, purchased devices and RMAs.`
      : `You have been invited to work in ${place(data)}.`,
    'Open the link below and choose a password to activate your account. The link works once and expires in 7 days.',
  ];
  return {
    subject,
    ...renderEmail({
      brand: data.brand,
      heading: 'Activate your account',
      paragraphs,
      button: { label: 'Choose a password', url: data.url },
      footnote: 'If you did not expect this invitation, you can ignore this email.',
    }),
  };
}

export function signInLinkEmail(data: AccountLinkEmail) {
  return {
    subject: `Your sign-in link for ${place(data)}`,
    ...renderEmail({
      brand: data.brand,
      heading: 'Sign in',
      paragraphs: [
        `Hello ${data.name},`,
        `Use the link below to sign in to ${place(data)}. It works once and expires in 15 minutes.`,
      ],
      button: { label: 'Sign in', url: data.url },
      footnote: 'If you did not ask for this link, you can ignore this email; nobody can sign in without it.',
    }),
  };
}

export function passwordResetEmail(data: AccountLinkEmail) {
  return {
    subject: `Reset your password for ${place(data)}`,
    ...renderEmail({
      brand: data.brand,
      heading: 'Choose a new password',
      paragraphs: [
        `Hello ${data.name},`,
        'Use the link below to choose a new password. It works once and expires in 15 minutes. Choosing a new password signs you out everywhere else.',
      ],
      button: { label: 'Choose a new password', url: data.url },
      footnote: 'If you did not ask to reset your password, you can ignore this email; your password stays as it is.',
    }),
  };
}
