'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * Copies text with the Clipboard API, falling back to a selection copy where
 * the API is missing (plain http on a non-local host), and says so visibly.
 */
export function CopyButton({ text, label = 'Copy', what = 'link' }: { text: string; label?: string; what?: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(text);
      } else {
        const area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        const copied = document.execCommand('copy');
        area.remove();
        if (!copied) throw new Error('copy refused');
      }
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    window.setTimeout(() => setStatus('idle'), 4000);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" onClick={copy}>
        {label}
      </Button>
      <span role="status" aria-live="polite" className="text-sm">
        {status === 'copied' ? <span className="text-green-700">Copied the {what} to the clipboard.</span> : null}
        {status === 'failed' ? <span className="text-red-700">Couldn&apos;t copy; select the {what} and press Ctrl+C.</span> : null}
      </span>
    </span>
  );
}
