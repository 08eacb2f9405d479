import { loadSharp } from './sharp';

/**
 * A photo-like JPEG for tests and benchmarks: smooth gradients plus deterministic grain, so it
 * compresses like a real photo (a 12 MP one is a few MB) rather than like flat colour or pure
 * noise. Different seeds give different bytes, so a batch of them never deduplicates.
 */
export async function createSyntheticJpeg(
  options: { width?: number; height?: number; seed?: number; quality?: number } = {},
): Promise<Buffer> {
  const sharp = await loadSharp();
  const width = options.width ?? 4000;
  const height = options.height ?? 3000;
  const seed = options.seed ?? 1;
  const raw = Buffer.allocUnsafe(width * height * 3);
  let state = (seed * 2654435761) >>> 0 || 1;
  const fx = (2 + (seed % 5)) / width;
  const fy = (3 + (seed % 7)) / height;
  let o = 0;
  for (let y = 0; y < height; y++) {
    const vy = Math.sin(y * fy * Math.PI) * 60;
    for (let x = 0; x < width; x++) {
      // xorshift32: cheap, deterministic grain.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const grain = (state & 31) - 16;
      const base = 128 + vy + Math.cos(x * fx * Math.PI) * 50;
      raw[o++] = base + grain;
      raw[o++] = base * 0.8 + grain + 20;
      raw[o++] = 255 - base + grain;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: options.quality ?? 88 })
    .toBuffer();
}
