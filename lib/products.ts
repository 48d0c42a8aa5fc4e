/** How a product variation reads in lists, invoices and emails. */
export function describeProduct(p: {
  manufacturer: string;
  model: string;
  capacity?: string | null;
  color?: string | null;
  network?: string | null;
  grade?: string | null;
}): string {
  const parts = [p.manufacturer, p.model, p.capacity, p.color, p.network].filter(Boolean).join(' ');
  return p.grade ? `${parts}, grade ${p.grade}` : parts;
}
