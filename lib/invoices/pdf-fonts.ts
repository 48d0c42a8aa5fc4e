import { readFile } from 'node:fs/promises';
import path from 'node:path';
// @pdf-lib/fontkit's bundle calls a global `regeneratorRuntime` (Babel's) in the shapers of Indic and other
// complex scripts; without it a Devanagari letter in a legal name threw instead of printing (test/unit/hostile-pdf.test.ts).
import 'regenerator-runtime/runtime';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';

/**
 * The fonts a PDF embeds, from npm packages (OFL): Noto Sans covers Latin
 * with every accent, Greek and Cyrillic; Noto Sans SC covers Chinese, and the
 * kanji and kana of Japanese names. Each is subset to the glyphs the document
 * uses, so a PDF carries a few kilobytes of each, and the CJK font (10 MB a
 * weight) is read only for a document that has CJK text.
 */
const FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  cjkRegular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  cjkBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

// Read from the installed package at run time: not bundled, and the same path under vitest, next dev and next start.
const fontPath = (file: string) => path.join(process.cwd(), 'node_modules', file);

// The Latin fonts are small and every PDF needs them: read once per process. The CJK ones are read when needed.
const latin = new Map<string, Promise<Uint8Array>>();
function latinBytes(file: string): Promise<Uint8Array> {
  let bytes = latin.get(file);
  if (!bytes) {
    bytes = readFile(fontPath(file));
    latin.set(file, bytes);
    bytes.catch(() => latin.delete(file));
  }
  return bytes;
}

/** Han ideographs, kana, CJK punctuation and full-width forms. */
const CJK = /[\u2e80-\u2fdf\u3000-\u30ff\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

type Face = {
  font: PDFFont;
  chars: Set<number>;
  /** Advance width of a character at size 1 (its glyph's, as the PDF's width table has it). */
  advance(cp: number): number;
};

/** One weight: the fonts to try for each character, in order. */
export type Typeface = { fonts: Face[] };

export type Typefaces = { regular: Typeface; bold: Typeface };

/**
 * Metrics come from our own fontkit reading of the same bytes: pdf-lib's
 * widthOfTextAtSize shapes the whole string (1–3 ms a call), and a page wraps
 * and right-aligns hundreds of strings. The PDF draws glyph advances without
 * kerning, so their sum is the width it prints.
 */
function face(font: PDFFont, kit: fontkit.Font): Face {
  const widths = new Map<number, number>();
  const chars = new Set(kit.characterSet);
  return {
    font,
    chars,
    advance(cp) {
      let w = widths.get(cp);
      if (w === undefined) {
        w = (chars.has(cp) ? kit.glyphForCodePoint(cp) : kit.getGlyph(0)).advanceWidth / kit.unitsPerEm;
        widths.set(cp, w);
      }
      return w;
    },
  };
}

/**
 * No OpenType shaping: the PDF prints one glyph per character at its advance
 * (pdf-lib writes no positions), so ligatures and kerning would only make the
 * text harder to copy; and a new font's GSUB/GPOS tables cost a second or
 * more to read on the first shaped string of every document. Text is
 * NFC-normalized first, so an accent typed as a combining mark prints as the
 * precomposed letter.
 */
const NO_SHAPING = Object.fromEntries(
  ['ccmp', 'locl', 'mark', 'mkmk', 'rlig', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'dlig', 'vert'].map((f) => [f, false]),
);

const latinKits = new Map<Uint8Array, fontkit.Font>();

async function typeface(pdf: PDFDocument, files: { bytes: Promise<Uint8Array>; shared: boolean }[]): Promise<Typeface> {
  const fonts = await Promise.all(
    files.map(async ({ bytes: pending, shared }) => {
      const bytes = await pending;
      let kit = shared ? latinKits.get(bytes) : undefined;
      if (!kit) {
        kit = fontkit.create(bytes);
        if (shared) latinKits.set(bytes, kit);
      }
      return face(await pdf.embedFont(bytes, { subset: true, features: NO_SHAPING }), kit);
    }),
  );
  return { fonts };
}

/** Embeds Noto Sans (and Noto Sans SC when `cjk`) into the document, regular and bold. */
export async function embedTypefaces(pdf: PDFDocument, options: { cjk: boolean }): Promise<Typefaces> {
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    typeface(pdf, [{ bytes: latinBytes(FILES.regular), shared: true }, ...(options.cjk ? [{ bytes: readFile(fontPath(FILES.cjkRegular)), shared: false }] : [])]),
    typeface(pdf, [{ bytes: latinBytes(FILES.bold), shared: true }, ...(options.cjk ? [{ bytes: readFile(fontPath(FILES.cjkBold)), shared: false }] : [])]),
  ]);
  return { regular, bold };
}

/**
 * The text cut into runs, each in the first font that has its characters. A
 * character no font has stays in the first font (its blank glyph): never a
 * "?" standing in for a name.
 */
export function runs(typeface: Typeface, text: string): { face: Face; text: string; width: number }[] {
  const out: { face: Face; text: string; width: number }[] = [];
  for (const ch of text.normalize('NFC').replace(/[\r\n\t]+/g, ' ')) {
    const cp = ch.codePointAt(0)!;
    const f = typeface.fonts.find((candidate) => candidate.chars.has(cp)) ?? typeface.fonts[0]!;
    const last = out[out.length - 1];
    if (last && last.face === f) {
      last.text += ch;
      last.width += f.advance(cp);
    } else out.push({ face: f, text: ch, width: f.advance(cp) });
  }
  return out;
}

export function widthOf(typeface: Typeface, text: string, size: number): number {
  return runs(typeface, text).reduce((w, r) => w + r.width * size, 0);
}

export function drawRuns(page: PDFPage, typeface: Typeface, text: string, at: { x: number; y: number; size: number; color: RGB }): void {
  let x = at.x;
  for (const run of runs(typeface, text)) {
    page.drawText(run.text, { x, y: at.y, size: at.size, font: run.face.font, color: at.color });
    x += run.width * at.size;
  }
}
