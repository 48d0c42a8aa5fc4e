/** The id of the `<main>` a page's skip link jumps to. */
export const MAIN_CONTENT_ID = 'main-content';

/**
 * The first tab stop of a page: hidden until focused, it jumps past the header
 * and the navigation to the page's own content (`<main id={MAIN_CONTENT_ID} tabIndex={-1}>`).
 */
export function SkipLink() {
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-slate-900 focus:shadow-lg"
    >
      Skip to content
    </a>
  );
}
