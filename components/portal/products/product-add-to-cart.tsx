'use client';

import { AddToCartForm, useAddToCart } from '@/components/cart/add-to-cart';

/** The product page's quantity and "Add to cart": the same hook and form as For Sale's rows. */
export function ProductAddToCart({ productId, label, min, step }: { productId: number; label: string; min: number; step: number }) {
  const controls = useAddToCart();
  return <AddToCartForm productId={productId} label={label} controls={controls} min={min} step={step} />;
}
