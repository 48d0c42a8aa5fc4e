import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedMarkup, clearMarkupCache } from '@/lib/ssr/markup-cache';

const row = (title: string) => createElement('tr', null, createElement('td', null, 'Quantity of ', title));

describe('the server markup cache (For Sale rows)', () => {
  afterEach(() => clearMarkupCache());

  it('renders an input once and streams the same markup after that', () => {
    let renders = 0;
    const render = () => {
      renders++;
      return row('Apple iPhone 12');
    };
    const first = cachedMarkup('k1', render);
    expect(cachedMarkup('k1', render)).toBe(first);
    expect(renders).toBe(1);
    // What the page's own stream writes, text separators included (so hydration matches).
    expect(first).toBe(renderToString(row('Apple iPhone 12')));
    expect(first).toContain('Quantity of <!-- -->Apple iPhone 12');
  });

  it('a different input is a different entry: a price or stock change is never served stale', () => {
    const a = cachedMarkup(JSON.stringify({ price: '$10.00' }), () => row('$10.00'));
    const b = cachedMarkup(JSON.stringify({ price: '$9.00' }), () => row('$9.00'));
    expect(a).toContain('$10.00');
    expect(b).toContain('$9.00');
    expect(cachedMarkup(JSON.stringify({ price: '$10.00' }), () => row('never rendered'))).toBe(a);
  });

  it('stays bounded: old entries are evicted, and an evicted input is simply rendered again', () => {
    const big = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 40; i++) cachedMarkup(`big-${i}`, () => row(`${i}${big}`));
    let rendered = false;
    cachedMarkup('big-0', () => {
      rendered = true;
      return row(`0${big}`);
    });
    expect(rendered).toBe(true);
  });
});
