import { describeProduct } from '@/lib/products';

/**
 * How a product is named in the portal's controls, e.g. the quantity input's
 * label "Quantity of Apple iPhone 13 · 128GB · Midnight · Unlocked · Grade A" (the one product title).
 */
export function productLabel(p: {
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  grade: string;
  network: string;
}): string {
  return describeProduct(p);
}
