import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';

/**
 * The text a PDF draws, page by page, read back from its content streams:
 * pdf-lib writes standard-font text as hex strings in Windows-1252.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ document: PDFDocument; pages: string[] }> {
  const document = await PDFDocument.load(bytes);
  const pages = document.getPages().map((page) => {
    const content = streamsOf(page)
      .map((stream) => {
        const raw = stream.getContents();
        const filter = stream.dict.get(PDFName.of('Filter'));
        return Buffer.from(filter === PDFName.of('FlateDecode') ? inflateSync(raw) : raw).toString('latin1');
      })
      .join('\n');
    const strings = [...content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => windows1252(Buffer.from(m[1]!, 'hex')));
    return strings.join('\n');
  });
  return { document, pages };
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
