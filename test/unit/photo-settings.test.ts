import { describe, expect, it } from 'vitest';
import { photoSettingProblems, productionProblems, readEnv } from '@/lib/env';
import { parsePhotoFileName, portalPhotoUrl } from '@/lib/photos/photo-path';

const production = { NODE_ENV: 'production', AUTH_SECRET: 'a-strong-secret-of-many-different-characters-123', APP_URL: 'https://portal.example.com' };

describe('photo settings and URLs', () => {
  it('defaults to the database; disk needs an absolute PHOTO_DIR in production; a bad value is named', () => {
    expect(readEnv({}).env.PHOTO_STORAGE).toBe('database');
    expect(productionProblems(readEnv(production))).toEqual([]);
    expect(productionProblems(readEnv({ ...production, PHOTO_STORAGE: 'disk' }))).toEqual([expect.stringMatching(/^PHOTO_DIR is not set/)]);
    expect(productionProblems(readEnv({ ...production, PHOTO_STORAGE: 'disk', PHOTO_DIR: '/var/lib/tradepost/photos' }))).toEqual([]);
    expect(photoSettingProblems(readEnv({ PHOTO_DIR: 'photos' }).env)).toEqual([expect.stringMatching(/absolute path/)]);
    expect(readEnv({ PHOTO_STORAGE: 's3' }).problems).toEqual([expect.stringMatching(/^PHOTO_STORAGE/)]);
  });

  it('reads only the names it writes', () => {
    const sha = 'ab'.repeat(32);
    expect(portalPhotoUrl('acme', sha, 96)).toBe(`/p/acme/photos/${sha}-96.webp`);
    expect(parsePhotoFileName(`${sha}-640.webp`)).toEqual({ sha256: sha, size: 640 });
    for (const bad of [`${sha}-97.webp`, `${sha}-96.png`, `${sha.toUpperCase()}-96.webp`, `../${sha}-96.webp`, `${sha}-96.webp.html`]) {
      expect(parsePhotoFileName(bad), bad).toBeNull();
    }
  });
});
