import { describe, expect, it } from 'vitest';
import { availableText, browsableUnits, lastUnitsPage, type QuantityDisplay } from '@/lib/portal/quantity-display';

const exact: QuantityDisplay = { mode: 'exact', cap: 50 };
const capped: QuantityDisplay = { mode: 'capped', cap: 50 };
const hidden: QuantityDisplay = { mode: 'hidden', cap: 50 };

describe('the unit list tells no more than the quantity display', () => {
  it('exact: every unit may be paged through', () => {
    expect(browsableUnits(180, exact, 25)).toBe(180);
    expect(lastUnitsPage(exact, 25)).toBeGreaterThan(1_000_000);
  });

  it('capped: units up to the cap, so paging never shows more than "50+" says', () => {
    expect(browsableUnits(180, capped, 25)).toBe(50);
    expect(browsableUnits(12, capped, 25)).toBe(12);
    expect(lastUnitsPage(capped, 25)).toBe(2);
    expect(lastUnitsPage({ mode: 'capped', cap: 60 }, 25)).toBe(3);
    expect(availableText(180, capped)).toBe('50+ available');
  });

  it('hidden: one page of units at most, and no page beyond the first', () => {
    expect(browsableUnits(180, hidden, 25)).toBe(25);
    expect(browsableUnits(3, hidden, 25)).toBe(3);
    expect(lastUnitsPage(hidden, 25)).toBe(1);
    expect(availableText(180, hidden)).toBe('In stock');
  });
});
