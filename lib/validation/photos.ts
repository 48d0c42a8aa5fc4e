import { z } from 'zod';
import { MAX_ALT_LENGTH } from '@/lib/photos/limits';
import { gradeValue } from './grades';

const id = (what: string) => z.coerce.number({ error: `Choose a ${what}.` }).int().positive(`Choose a ${what}.`);
const alt = z.string().trim().min(1, 'Describe the photo for buyers who cannot see it (alt text).').max(MAX_ALT_LENGTH, `The alt text is at most ${MAX_ALT_LENGTH} characters.`);
/** The file travels beside the fields; the data layer checks it after finding what it is for. */
const file = z.unknown().optional();

export const addProductPhotoSchema = z.object({ productId: id('product'), alt, photo: file });
export const addDevicePhotoSchema = z.object({ deviceId: id('device'), alt, photo: file });
export const addGradePhotoSchema = z.object({ grade: gradeValue, alt, photo: file });
export const photoRefSchema = z.object({ photoId: id('photo') });
export const updatePhotoSchema = z.object({ photoId: id('photo'), alt });
export const movePhotoSchema = z.object({ photoId: id('photo'), direction: z.enum(['earlier', 'later'], { error: 'Move the photo earlier or later.' }) });
