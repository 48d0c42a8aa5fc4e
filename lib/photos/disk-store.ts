/**
 * Photos on disk (PHOTO_STORAGE=disk): `{PHOTO_DIR}/{sellerId}/{sha256}-{size}.webp`.
 * A file is written under a temporary name and renamed, so a reader never sees
 * half of one; the names are content hashes, so writing one twice is harmless
 * and a file left by a transaction that rolled back is only unused bytes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { PHOTO_SIZES, type PhotoSize } from './limits';
import { photoFileName } from './photo-path';

export type PhotoStorage = { kind: 'database' } | { kind: 'disk'; dir: string };

/** Where new photos go, from PHOTO_STORAGE and PHOTO_DIR (checked at start, lib/startup.ts). */
export function photoStorage(): PhotoStorage {
  return env().PHOTO_STORAGE === 'disk' ? { kind: 'disk', dir: photoDir() } : { kind: 'database' };
}

/** The photo folder, also under PHOTO_STORAGE=database: images stored on disk before a switch stay readable there. */
export function photoDir(): string {
  return path.resolve(env().PHOTO_DIR ?? '.data/photos');
}

function photoPath(dir: string, sellerId: number, sha256: string, size: PhotoSize): string {
  return path.join(dir, String(sellerId), photoFileName(sha256, size));
}

export async function writePhotoFiles(dir: string, sellerId: number, sha256: string, files: Record<PhotoSize, Uint8Array>): Promise<void> {
  const folder = path.join(dir, String(sellerId));
  await fs.mkdir(folder, { recursive: true });
  for (const size of PHOTO_SIZES) {
    const target = photoPath(dir, sellerId, sha256, size);
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temporary, files[size]);
    await fs.rename(temporary, target);
  }
}

/** One stored size, or null when the file is missing. */
export async function readPhotoFile(dir: string, sellerId: number, sha256: string, size: PhotoSize): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await fs.readFile(photoPath(dir, sellerId, sha256, size)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function removePhotoFiles(dir: string, sellerId: number, sha256: string): Promise<void> {
  await Promise.all(PHOTO_SIZES.map((size) => fs.rm(photoPath(dir, sellerId, sha256, size), { force: true })));
}

/** Why photos cannot be stored on disk (the folder cannot be created or written), or null. Run at start. */
export async function photoDirProblem(storage: PhotoStorage = photoStorage()): Promise<string | null> {
  if (storage.kind !== 'disk') return null;
  try {
    await fs.mkdir(storage.dir, { recursive: true });
    const probe = path.join(storage.dir, `.write-check-${process.pid}`);
    await fs.writeFile(probe, '');
    await fs.rm(probe, { force: true });
    return null;
  } catch (error) {
    return `PHOTO_DIR ${storage.dir} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}): create it and give the server write access, or set PHOTO_STORAGE=database`;
  }
}
