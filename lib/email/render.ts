import { brandColorOrDefault, brandForeground, brandTextColor } from '@/lib/brand';

/**
 * Branded email with an HTML and a plain-text part. Every value that came from
 * a user (names, notes, PO numbers) goes through `escapeHtml`; templates pass
 * plain strings and never raw HTML.
 */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export type EmailBrand = {
  name: string;
  color: string;
  /** The company profile's lines (legal name, address, tax number, contact), printed as every email's footer. */
  footer?: string[];
  /** The seller's locale and time zone: the templates format dates and money with them. */
  locale?: string;
  timeZone?: string;
};

export type EmailContent = {
  brand: EmailBrand;
  heading: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  table?: { caption: string; headers: string[]; rows: string[][]; footer?: string[] };
  footnote?: string;
};


function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

export function renderEmail(content: EmailContent): { html: string; text: string } {
  const color = brandColorOrDefault(content.brand.color);
  const parts: string[] = [];
  parts.push(
    `<div style="font-family:Arial,Helvetica,sans-serif;max-width:600px;margin:0 auto;color:#0f172a">`,
    `<div style="border-bottom:3px solid ${color};padding:16px 0;font-size:20px;font-weight:bold;color:${brandTextColor(color)}">${escapeHtml(content.brand.name)}</div>`,
    `<h1 style="font-size:20px;margin:24px 0 12px">${escapeHtml(content.heading)}</h1>`,
  );
  for (const p of content.paragraphs) parts.push(`<p style="line-height:1.5;margin:0 0 12px">${escapeHtml(p)}</p>`);
  if (content.table) {
    const { caption, headers, rows, footer } = content.table;
    parts.push(
      `<table style="border-collapse:collapse;width:100%;margin:16px 0;font-size:14px"><caption style="text-align:left;font-weight:bold;padding:4px 0">${escapeHtml(caption)}</caption><thead><tr>`,
      ...headers.map((h) => `<th style="text-align:left;border-bottom:1px solid #cbd5e1;padding:6px">${escapeHtml(h)}</th>`),
      `</tr></thead><tbody>`,
      ...rows.map((r) => `<tr>${r.map((c) => `<td style="border-bottom:1px solid #e2e8f0;padding:6px">${escapeHtml(c)}</td>`).join('')}</tr>`),
      `</tbody>`,
      footer ? `<tfoot><tr>${footer.map((c) => `<td style="padding:6px;font-weight:bold">${escapeHtml(c)}</td>`).join('')}</tr></tfoot>` : '',
      `</table>`,
    );
  }
  if (content.button) {
    parts.push(
      `<p style="margin:24px 0"><a href="${escapeHtml(safeUrl(content.button.url))}" style="background:${color};color:${brandForeground(color)};padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(content.button.label)}</a></p>`,
      `<p style="font-size:12px;color:#475569">If the button does not work, copy this link into your browser: ${escapeHtml(safeUrl(content.button.url))}</p>`,
    );
  }
  if (content.footnote) parts.push(`<p style="font-size:12px;color:#475569;margin-top:24px">${escapeHtml(content.footnote)}</p>`);
  const footer = content.brand.footer ?? [];
  if (footer.length) {
    parts.push(
      `<p style="font-size:12px;color:#475569;border-top:1px solid #e2e8f0;margin-top:24px;padding-top:12px">${footer.map(escapeHtml).join('<br>')}</p>`,
    );
  }
  parts.push(`</div>`);

  const text: string[] = [content.brand.name, '', content.heading, '', ...content.paragraphs.flatMap((p) => [p, ''])];
  if (content.table) {
    text.push(content.table.caption, content.table.headers.join(' | '));
    for (const r of content.table.rows) text.push(r.join(' | '));
    if (content.table.footer) text.push(content.table.footer.join(' | '));
    text.push('');
  }
  if (content.button) text.push(`${content.button.label}: ${content.button.url}`, '');
  if (content.footnote) text.push(content.footnote);
  if (footer.length) text.push('', '--', ...footer);
  return { html: parts.join(''), text: text.join('\n').trim() + '\n' };
}
