export { ProductPicker } from '@/components/products/product-picker';
