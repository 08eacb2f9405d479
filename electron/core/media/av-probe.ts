import { open, type FileHandle } from 'node:fs/promises';

/**
 * Cheap facts from audio/video headers without ffmpeg: duration (and for MP4/MOV the display
 * size). Every reader is best effort: anything unexpected yields `{}`, never an error, because
 * the file itself is still fine to keep.
 */
export interface AvFacts {
  duration?: number;
  width?: number;
  height?: number;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** RIFF/WAVE: duration = data chunk size / byte rate from the fmt chunk. */
async function probeWav(handle: FileHandle, size: number): Promise<AvFacts> {
  const riff = await readAt(handle, 0, 12);
  if (
    riff.length < 12 ||
    riff.toString('latin1', 0, 4) !== 'RIFF' ||
    riff.toString('latin1', 8, 12) !== 'WAVE'
  ) {
    return {};
  }
  let position = 12;
  let byteRate = 0;
  // A few chunks (LIST, fact, bext) may precede data; a bound keeps a hostile file from looping.
  for (let i = 0; i < 64 && position + 8 <= size; i++) {
    const head = await readAt(handle, position, 8);
    if (head.length < 8) break;
    const id = head.toString('latin1', 0, 4);
    const length = head.readUInt32LE(4);
    if (id === 'fmt ') {
      const fmt = await readAt(handle, position + 8, Math.min(length, 16));
      if (fmt.length >= 12) byteRate = fmt.readUInt32LE(8);
    } else if (id === 'data') {
      if (!byteRate) return {};
      // 0xFFFFFFFF (or a size past the end) is written by recorders that never finished the header.
      const available = size - position - 8;
      const dataBytes = length === 0xffffffff || length > available ? available : length;
      return { duration: dataBytes / byteRate };
    }
    position += 8 + length + (length % 2);
  }
  return {};
}

/** FLAC STREAMINFO: 20-bit sample rate and 36-bit total sample count. */
async function probeFlac(handle: FileHandle): Promise<AvFacts> {
  const b = await readAt(handle, 0, 42);
  if (b.length < 42 || b.toString('latin1', 0, 4) !== 'fLaC' || (b[4]! & 0x7f) !== 0) return {};
  const info = b.subarray(8);
  const sampleRate = (info[10]! << 12) | (info[11]! << 4) | (info[12]! >> 4);
  const totalSamples = (info[13]! & 0x0f) * 2 ** 32 + info.readUInt32BE(14);
  if (!sampleRate || !totalSamples) return {};
  return { duration: totalSamples / sampleRate };
}

interface Box {
  type: string;
  start: number;
  body: number;
  end: number;
}

async function* boxes(handle: FileHandle, from: number, to: number): AsyncGenerator<Box> {
  let position = from;
  for (let i = 0; i < 1024 && position + 8 <= to; i++) {
    const head = await readAt(handle, position, 16);
    if (head.length < 8) return;
    let size = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    let body = position + 8;
    if (size === 1) {
      if (head.length < 16) return;
      size = Number(head.readBigUInt64BE(8));
      body = position + 16;
    } else if (size === 0) {
      size = to - position;
    }
    if (size < body - position) return;
    const end = Math.min(position + size, to);
    yield { type, start: position, body, end };
    position = position + size;
  }
}

/** ISO BMFF (MP4, M4A, MOV): duration from moov/mvhd, display size from the first video tkhd. */
async function probeIsoBmff(handle: FileHandle, size: number): Promise<AvFacts> {
  for await (const top of boxes(handle, 0, size)) {
    if (top.type !== 'moov') continue;
    const facts: AvFacts = {};
    for await (const child of boxes(handle, top.body, top.end)) {
      if (child.type === 'mvhd') {
        const b = await readAt(handle, child.body, 32);
        const version = b[0];
        if (version === 1 && b.length >= 32) {
          const timescale = b.readUInt32BE(20);
          const duration = Number(b.readBigUInt64BE(24));
          if (timescale) facts.duration = duration / timescale;
        } else if (version === 0 && b.length >= 20) {
          const timescale = b.readUInt32BE(12);
          const duration = b.readUInt32BE(16);
          if (timescale && duration !== 0xffffffff) facts.duration = duration / timescale;
        }
      } else if (child.type === 'trak' && facts.width === undefined) {
        for await (const t of boxes(handle, child.body, child.end)) {
          if (t.type !== 'tkhd') continue;
          const b = await readAt(handle, t.body, 96);
          const offset = b[0] === 1 ? 88 : 76;
          if (b.length < offset + 8) break;
          const width = Math.round(b.readUInt32BE(offset) / 65536);
          const height = Math.round(b.readUInt32BE(offset + 4) / 65536);
          // Audio tracks have a 0 × 0 tkhd; the first track with a size is the picture.
          if (width > 0 && height > 0) {
            facts.width = width;
            facts.height = height;
          }
        }
      }
    }
    return facts;
  }
  return {};
}

export async function probeAudioVideo(file: string, ext: string): Promise<AvFacts> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    let facts: AvFacts = {};
    if (ext === 'wav') facts = await probeWav(handle, size);
    else if (ext === 'flac') facts = await probeFlac(handle);
    else if (ext === 'mp4' || ext === 'm4a' || ext === 'm4v' || ext === 'mov')
      facts = await probeIsoBmff(handle, size);
    if (facts.duration !== undefined && !(Number.isFinite(facts.duration) && facts.duration >= 0)) {
      delete facts.duration;
    }
    return facts;
  } catch {
    return {};
  } finally {
    await handle?.close();
  }
}
