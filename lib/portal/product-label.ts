/**
 * How a product is named in the portal's controls, e.g. the quantity input's
 * label "Quantity of Apple iPhone 13 128GB Midnight A Unlocked".
 */
export function productLabel(p: {
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  grade: string;
  network: string;
}): string {
  return [p.manufacturer, p.model, p.capacity, p.color, p.grade, p.network].filter(Boolean).join(' ');
}
