import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';

/**
 * The text a PDF draws, page by page, read back from its content streams:
 * one line per text-showing operator. pdf-lib writes a standard font's text
 * as hex strings in Windows-1252, and an embedded (Type0) font's as 2-byte
 * glyph ids that the font's ToUnicode map turns back into characters.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ document: PDFDocument; pages: string[] }> {
  const document = await PDFDocument.load(bytes);
  const pages = document.getPages().map((page) => {
    const content = streamsOf(page).map(decoded).join('\n');
    const fonts = fontDecoders(page);
    const strings: string[] = [];
    let decode: (hex: Buffer) => string = windows1252;
    for (const m of content.matchAll(/\/([^\s/<>\[\]()]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (m[1] !== undefined) decode = fonts.get(m[1]) ?? windows1252;
      else strings.push(decode(Buffer.from(m[2]!, 'hex')));
    }
    return strings.join('\n');
  });
  return { document, pages };
}

/** The names of the fonts a page embeds (BaseFont, without pdf-lib's subset tags), for tests that check what was embedded. */
export function embeddedFontNames(document: PDFDocument): string[] {
  const names = new Set<string>();
  for (const page of document.getPages()) {
    const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    for (const [, ref] of fonts?.entries() ?? []) {
      const font = document.context.lookup(ref, PDFDict);
      names.add(String(font.get(PDFName.of('BaseFont'))).replace(/^\/([A-Z]{6}\+)?/, '').replace(/-\d+$/, ''));
    }
  }
  return [...names].sort();
}

function decoded(stream: PDFRawStream): string {
  const raw = stream.getContents();
  const filter = stream.dict.get(PDFName.of('Filter'));
  return Buffer.from(filter === PDFName.of('FlateDecode') ? inflateSync(raw) : raw).toString('latin1');
}

/** Per font resource name of the page: how its strings read, from the font's ToUnicode CMap (bfchar and bfrange). */
function fontDecoders(page: PDFPage): Map<string, (hex: Buffer) => string> {
  const out = new Map<string, (hex: Buffer) => string>();
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  for (const [name, ref] of fonts?.entries() ?? []) {
    const font = page.doc.context.lookup(ref, PDFDict);
    const toUnicode = font.lookup(PDFName.of('ToUnicode'));
    if (!(toUnicode instanceof PDFRawStream)) continue;
    const map = parseCmap(decoded(toUnicode));
    out.set(name.asString().slice(1), (hex) => {
      let text = '';
      for (let i = 0; i + 1 < hex.length; i += 2) text += map.get(hex.readUInt16BE(i)) ?? '\ufffd';
      return text;
    });
  }
  return out;
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        [...m[3]!.matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((d, i) => map.set(lo + i, utf16(d[1]!)));
      } else {
        const first = utf16(m[3]!.slice(1, -1));
        const base = first.codePointAt(0)!;
        for (let code = lo; code <= hi; code++) map.set(code, String.fromCodePoint(base + code - lo));
      }
    }
  }
  return map;
}

function streamsOf(page: PDFPage): PDFRawStream[] {
  const contents = page.node.Contents();
  if (!contents) return [];
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs
    .map((ref) => page.doc.context.lookup(ref))
    .filter((obj): obj is PDFRawStream => obj instanceof PDFRawStream);
}

/** Node's TextDecoder may treat windows-1252 as Latin-1; the 0x80-0x9F range differs. */
const cp1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
  0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
  0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

function windows1252(bytes: Buffer): string {
  return [...bytes].map((b) => cp1252[b] ?? String.fromCharCode(b)).join('');
}
