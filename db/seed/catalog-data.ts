export { inventoryStatusNames, orderStatusSeeds, salesChannelNames } from '../defaults';

/** Realistic phone variations for the demo catalogue. Prices are US dollars of grade A+. */
export const demoModels: {
  manufacturer: string;
  model: string;
  tac: string;
  capacities: [string, number][];
  colors: string[];
}[] = [
  { manufacturer: 'Apple', model: 'iPhone 12', tac: '35300011', capacities: [['64GB', 25900], ['128GB', 28900]], colors: ['Black', 'Blue'] },
  { manufacturer: 'Apple', model: 'iPhone 13', tac: '35300012', capacities: [['128GB', 35900], ['256GB', 40900]], colors: ['Midnight', 'Starlight', 'Pink'] },
  { manufacturer: 'Apple', model: 'iPhone 13 Pro', tac: '35300013', capacities: [['128GB', 45900], ['256GB', 49900]], colors: ['Graphite', 'Sierra Blue'] },
  { manufacturer: 'Apple', model: 'iPhone 14', tac: '35300014', capacities: [['128GB', 44900], ['256GB', 49900]], colors: ['Midnight', 'Purple'] },
  { manufacturer: 'Apple', model: 'iPhone 14 Pro Max', tac: '35300015', capacities: [['256GB', 74900], ['512GB', 82900]], colors: ['Deep Purple', 'Space Black'] },
  { manufacturer: 'Apple', model: 'iPhone 15', tac: '35300016', capacities: [['128GB', 56900], ['256GB', 62900]], colors: ['Black', 'Pink'] },
  { manufacturer: 'Apple', model: 'iPhone 15 Pro', tac: '35300017', capacities: [['128GB', 72900], ['256GB', 79900]], colors: ['Natural Titanium', 'Blue Titanium'] },
  { manufacturer: 'Samsung', model: 'Galaxy S21', tac: '35400021', capacities: [['128GB', 22900], ['256GB', 25900]], colors: ['Phantom Gray', 'Phantom Violet'] },
  { manufacturer: 'Samsung', model: 'Galaxy S22', tac: '35400022', capacities: [['128GB', 29900], ['256GB', 33900]], colors: ['Phantom Black', 'Green'] },
  { manufacturer: 'Samsung', model: 'Galaxy S23', tac: '35400023', capacities: [['128GB', 42900], ['256GB', 46900]], colors: ['Phantom Black', 'Cream'] },
  { manufacturer: 'Samsung', model: 'Galaxy A54', tac: '35400054', capacities: [['128GB', 17900]], colors: ['Awesome Graphite', 'Awesome Violet'] },
  { manufacturer: 'Google', model: 'Pixel 7', tac: '35500007', capacities: [['128GB', 23900]], colors: ['Obsidian', 'Snow'] },
  { manufacturer: 'Google', model: 'Pixel 8', tac: '35500008', capacities: [['128GB', 37900], ['256GB', 41900]], colors: ['Obsidian', 'Hazel'] },
  { manufacturer: 'Google', model: 'Pixel 8 Pro', tac: '35500009', capacities: [['128GB', 52900]], colors: ['Bay', 'Porcelain'] },
];

/** Grade and the share of the A+ price it sells for. */
export const demoGrades: [string, number][] = [
  ['A+', 1],
  ['A', 0.92],
  ['B', 0.8],
  ['C', 0.65],
];

export const demoNetworks = ['Unlocked', 'AT&T', 'Verizon', 'T-Mobile'];

/** Share of demo devices in each status (same order as above). */
export const statusWeights = [0.08, 0.5, 0.1, 0.05, 0.03, 0.18, 0.04, 0.02];

export const paymentMethodSeeds = [
  {
    name: 'Wire transfer',
    instructions: 'Pay by wire to First Demo Bank, account 000123456, routing 021000021. Quote the invoice number.',
  },
  { name: 'Net 30', instructions: 'Payment due within 30 days of the invoice date.' },
  { name: 'Credit card on file', instructions: 'The card on file will be charged when the order ships.' },
];
