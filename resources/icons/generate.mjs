#!/usr/bin/env node
// Renders icon.svg into the PNG sizes and the Windows .ico the packages need. Run after editing
// the SVG: `node resources/icons/generate.mjs`. The outputs are committed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const here = dirname(fileURLToPath(import.meta.url));
const svg = await readFile(join(here, 'icon.svg'));
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

await mkdir(join(here, 'png'), { recursive: true });
const pngs = new Map();
for (const size of SIZES) {
  const png = await sharp(svg, { density: Math.max(72, ((72 * size) / 1024) * 4) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
  pngs.set(size, png);
  await writeFile(join(here, 'png', `${size}x${size}.png`), png);
}
await writeFile(join(here, 'icon.png'), pngs.get(1024));

// ICO with PNG-compressed entries (supported since Windows Vista): header, directory, images.
const entries = ICO_SIZES.map((size) => ({ size, data: pngs.get(size) }));
const header = Buffer.alloc(6 + 16 * entries.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(entries.length, 4);
let offset = header.length;
entries.forEach(({ size, data }, i) => {
  const at = 6 + 16 * i;
  header.writeUInt8(size >= 256 ? 0 : size, at);
  header.writeUInt8(size >= 256 ? 0 : size, at + 1);
  header.writeUInt8(0, at + 2);
  header.writeUInt8(0, at + 3);
  header.writeUInt16LE(1, at + 4);
  header.writeUInt16LE(32, at + 6);
  header.writeUInt32LE(data.length, at + 8);
  header.writeUInt32LE(offset, at + 12);
  offset += data.length;
});
await writeFile(join(here, 'icon.ico'), Buffer.concat([header, ...entries.map((e) => e.data)]));
console.log(`icons: ${SIZES.length} PNGs, icon.png, icon.ico`);
