/**
 * The seller's company profile (Settings > Company) as documents print it:
 * the invoice page, both PDFs and every email footer read these lines.
 */
export type CompanyProfile = {
  legalName: string | null;
  address: string | null;
  taxId: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
};

/** The address as printed lines: one per line typed, blank lines dropped. */
export function companyAddressLines(profile: Pick<CompanyProfile, 'address'>): string[] {
  return (profile.address ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** "VAT number DE123456789": the label every document prints beside the number. */
export function taxIdLine(taxId: string | null): string | null {
  return taxId ? `Tax/VAT number: ${taxId}` : null;
}

/** Legal name, address, tax number, contact email and phone: what is filled, in that order. */
export function companyLines(profile: CompanyProfile, options: { name?: string } = {}): string[] {
  const name = profile.legalName || options.name || '';
  return [name, ...companyAddressLines(profile), taxIdLine(profile.taxId), profile.contactEmail, profile.contactPhone].filter(
    (l): l is string => Boolean(l),
  );
}

/** The lines under the legal name in a document's company block: address, tax number, then email · phone. */
export function companyDetailLines(profile: CompanyProfile): string[] {
  return [
    ...companyAddressLines(profile),
    taxIdLine(profile.taxId),
    [profile.contactEmail, profile.contactPhone].filter(Boolean).join(' · '),
  ].filter((l): l is string => Boolean(l));
}
