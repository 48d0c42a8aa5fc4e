import { z } from 'zod';

/** A grade value as products carry it ("A+", "B"). */
export const gradeValue = z.string().trim().min(1, 'Choose a grade.').max(40, 'A grade is at most 40 characters.');

/** The description of one grade, as the grade guide form holds it. */
export const gradeDescriptionSchema = z.object({
  grade: gradeValue,
  title: z.string().trim().min(1, 'Enter a title, e.g. "Like new".').max(120, 'The title is at most 120 characters.'),
  body: z.string().trim().max(4000, 'The description is at most 4,000 characters.').default(''),
  position: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? 0 : v),
    z.coerce.number({ error: 'The position is a whole number from 0 to 1000.' }).int('The position is a whole number from 0 to 1000.').min(0, 'The position is a whole number from 0 to 1000.').max(1000, 'The position is a whole number from 0 to 1000.'),
  ),
});
export type GradeDescriptionInput = z.output<typeof gradeDescriptionSchema>;

export const gradeRefSchema = z.object({ grade: gradeValue });
