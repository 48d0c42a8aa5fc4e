import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The "never" rules of the layering (../shared/ARCHITECTURE.md, README "What
 * is where"), checked by `npm run lint`. Row types may cross as `import type`.
 */
const layer = (message, group, allowTypeImports = false) => ({ group, message, allowTypeImports });

const useServerOutsideActions = {
  selector: "ExpressionStatement[directive='use server']",
  message: "Server actions live in lib/actions/<area>/<verb-noun>.ts: 'use server' belongs there only.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('Components take data as props: import only types from db/ (the driver and queries run in pages and actions).', ['@/db', '@/db/*'], true),
            layer('Components never import from app/: move the shared piece into components/ or lib/.', ['@/app/*']),
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('The data layer never imports pages, components or actions: throw a Refusal (lib/refusal.ts) and let the action answer it.', [
              '@/app/*',
              '@/components/*',
              '@/lib/actions',
              '@/lib/actions/*',
            ]),
          ],
        },
      ],
    },
  },
  {
    files: ['db/schema/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [layer('Tables know nothing above them.', ['@/db/queries/*', '../queries/*', '@/lib/actions', '@/lib/actions/*', '@/lib/auth/*', '@/app/*', '@/components/*'])] },
      ],
    },
  },
  {
    files: ['app/(portal)/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [layer('Portal pages never borrow back-office pages: share through components/ or lib/.', ['@/app/(admin)/*'])] },
      ],
    },
  },
  {
    files: ['app/(admin)/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [layer('Back-office pages never borrow portal pages: share through components/ or lib/.', ['@/app/(portal)/*'])] },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'db/**/*.ts', 'lib/**/*.{ts,tsx}'],
    ignores: ['lib/actions/**'],
    rules: { 'no-restricted-syntax': ['error', useServerOutsideActions] },
  },
];

export default config;
