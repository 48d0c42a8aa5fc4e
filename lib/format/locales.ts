/**
 * The locales a seller may choose (Settings > Company): how dates, money and
 * numbers read on every page, CSV, PDF and email of that seller. The
 * interface stays in English; only the formats follow the locale.
 */
export const SUPPORTED_LOCALES = [
  { code: 'en-US', label: 'English (United States)' },
  { code: 'en-GB', label: 'English (United Kingdom)' },
  { code: 'de-DE', label: 'German (Germany)' },
  { code: 'fr-FR', label: 'French (France)' },
  { code: 'es-ES', label: 'Spanish (Spain)' },
  { code: 'it-IT', label: 'Italian (Italy)' },
  { code: 'nl-NL', label: 'Dutch (Netherlands)' },
  { code: 'pl-PL', label: 'Polish (Poland)' },
  { code: 'ru-RU', label: 'Russian (Russia)' },
  { code: 'uk-UA', label: 'Ukrainian (Ukraine)' },
  { code: 'ja-JP', label: 'Japanese (Japan)' },
  { code: 'zh-CN', label: 'Chinese (China)' },
] as const;

export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number]['code'];

export const DEFAULT_LOCALE: SupportedLocale = 'en-US';
export const DEFAULT_TIME_ZONE = 'UTC';

export function isSupportedLocale(value: string): value is SupportedLocale {
  return SUPPORTED_LOCALES.some((l) => l.code === value);
}

let zones: Set<string> | null = null;

/**
 * The IANA time zones this runtime knows (Intl.supportedValuesOf), with UTC
 * first: V8 lists only geographic zones, and UTC is every seller's default.
 */
export function supportedTimeZones(): string[] {
  const list = Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC');
  return [DEFAULT_TIME_ZONE, ...list];
}

export function isSupportedTimeZone(value: string): boolean {
  zones ??= new Set(supportedTimeZones());
  return zones.has(value);
}
