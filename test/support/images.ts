import zlib from 'node:zlib';
import sharp from 'sharp';

/** PNG chunk CRC (zlib's crc32 is not in Node 20). */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb, by hand: a valid PNG whose IHDR says width × height
 * (1-bit greyscale, every pixel black), padded with a text chunk to about
 * `bytes`. 20000×20000 decodes to 1.6 GB of RGBA; the file is ~150 KB.
 */
export function bombPng(options: { width?: number; height?: number; bytes?: number } = {}): Uint8Array {
  const { width = 20_000, height = 20_000, bytes = 150 * 1024 } = options;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth; colour type 0 (grey), no interlace
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // filter byte 0 and black pixels
  const idat = zlib.deflateSync(rows, { level: 9 });
  const padding = Math.max(0, bytes - idat.length - 100);
  const text = Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(padding, 0x61)]);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, chunk('IHDR', ihdr), chunk('tEXt', text), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]),
  );
}

/**
 * A logo with transparency: a blue disc and an amber bar on a transparent
 * background, `width` × `height`, as PNG, JPEG or WebP.
 */
export async function logoImage(options: { width?: number; height?: number; format?: 'png' | 'jpeg' | 'webp' } = {}): Promise<Uint8Array> {
  const { width = 1200, height = 400, format = 'png' } = options;
  const r = Math.round(Math.min(width, height) * 0.4);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <circle cx="${r + 10}" cy="${height / 2}" r="${r}" fill="#1d4ed8"/>
    <rect x="${2 * r + 40}" y="${height / 4}" width="${Math.max(1, width - 2 * r - 60)}" height="${height / 2}" fill="#f59e0b" opacity="0.8"/>
  </svg>`;
  const image = sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).composite([{ input: Buffer.from(svg) }]);
  const out = format === 'png' ? image.png() : format === 'jpeg' ? image.flatten({ background: '#ffffff' }).jpeg() : image.webp();
  return new Uint8Array(await out.toBuffer());
}

/**
 * The upload that becomes the largest stored logo: 2000×667 pixels (3:1, so
 * it is stored at the full 600×200) of translucent noise, the worst case for
 * PNG compression, under the 200 KB upload limit as a lossy WebP.
 */
export async function largestAcceptedLogo(): Promise<Uint8Array> {
  const width = 2000;
  const height = 667;
  const noise = Buffer.alloc(width * height * 4);
  let seed = 7;
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = i % 4 === 3 ? 128 + (seed % 128) : seed % 256;
  }
  for (let quality = 40; quality >= 1; quality -= 13) {
    const webp = await sharp(noise, { raw: { width, height, channels: 4 } }).webp({ quality }).toBuffer();
    if (webp.length <= 200 * 1024) return new Uint8Array(webp);
  }
  throw new Error('could not make a noise logo under 200 KB');
}
