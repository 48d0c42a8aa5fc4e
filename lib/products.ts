/**
 * The one title of a product variation, in HTML, PDF, CSV and email alike:
 * "Apple iPhone 12 · 64GB · Black · AT&T · Grade A+". The grade is named, so
 * "Phantom Gray · Grade C" never reads as a colour.
 */
export function describeProduct(p: {
  manufacturer: string;
  model: string;
  capacity?: string | null;
  color?: string | null;
  network?: string | null;
  grade?: string | null;
}): string {
  const name = [p.manufacturer, p.model].filter(Boolean).join(' ');
  return [name, p.capacity, p.color, p.network, p.grade ? `Grade ${p.grade}` : null].filter(Boolean).join(' · ');
}
