import { createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** 1980-01-01, the earliest DOS date: a fixed time makes the archive byte-identical across runs. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const STORED = /\.(avif|webp|jpe?g|png|mp3|m4a|mp4|webm|ogg|pdf|zip)$/i;

export async function listFiles(root: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, rel), { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, child)));
    else if (e.isFile()) out.push(child);
  }
  return out;
}

export interface ZipOptions {
  /** Called before each file; throws to stop (the export's cancel check). */
  check?: () => void;
  /** Called after each file with the count done so far. */
  onFile?: (done: number, total: number) => void;
}

/**
 * Writes a zip of the folder to `outFile`, streaming: fflate's `Zip` with one `ZipDeflate` (text)
 * or `ZipPassThrough` (media, already compressed) per file, fed from a read stream and written as
 * the archive grows — memory stays at a chunk or two instead of the whole bundle (zipSync held
 * every file and the archive at once and blocked the event loop for the whole run). Entries are
 * sorted and carry a fixed time, so the same folder gives the same bytes. Answers the size.
 */
export async function writeZip(
  root: string,
  outFile: string,
  options: ZipOptions = {},
): Promise<number> {
  const files = await listFiles(root);
  const handle = await open(outFile, 'wx');
  let bytes = 0;
  try {
    let pending: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk, _final) => {
      if (error) failure = error;
      else pending.push(chunk);
    });
    const flush = async () => {
      if (failure) throw failure;
      const chunks = pending;
      pending = [];
      for (const chunk of chunks) {
        await handle.write(chunk);
        bytes += chunk.byteLength;
      }
    };
    for (const [index, rel] of files.entries()) {
      options.check?.();
      const entry = STORED.test(rel) ? new ZipPassThrough(rel) : new ZipDeflate(rel, { level: 9 });
      entry.mtime = FIXED_MTIME;
      zip.add(entry);
      for await (const chunk of createReadStream(path.join(root, rel), {
        highWaterMark: 256 * 1024,
      })) {
        entry.push(new Uint8Array(chunk as Buffer));
        await flush();
      }
      entry.push(new Uint8Array(0), true);
      await flush();
      options.onFile?.(index + 1, files.length);
    }
    zip.end();
    await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
  return bytes;
}
