import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActionForm } from '@/components/ui/action-form';

describe('ActionForm before its scripts load', () => {
  it('posts, so a submit never puts its fields (a password) in the URL', () => {
    const html = renderToStaticMarkup(
      createElement(ActionForm, { action: async () => ({ ok: true as const, data: null }), submitLabel: 'Change password' },
        createElement('input', { type: 'password', name: 'currentPassword' })),
    );
    expect(html).toMatch(/<form[^>]*method="post"/);
  });
});
