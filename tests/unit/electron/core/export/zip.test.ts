import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '../../../../../electron/core/export/zip';

let root: string;
const big = randomBytes(3 * 1024 * 1024 + 17); // larger than one read chunk

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vitrine-zip-'));
  await mkdir(join(root, 'tree', 'media'), { recursive: true });
  await writeFile(join(root, 'tree', 'index.html'), '<!doctype html><title>Ä</title>'.repeat(500));
  await writeFile(join(root, 'tree', 'media', 'photo.jpg'), big);
  await writeFile(join(root, 'tree', 'media', 'empty.txt'), '');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('streaming zip', () => {
  it('writes an archive other tools read, with every file intact', async () => {
    const out = join(root, 'a.zip');
    const done: number[] = [];
    const bytes = await writeZip(join(root, 'tree'), out, { onFile: (n) => done.push(n) });
    const data = await readFile(out);
    expect(bytes).toBe(data.byteLength);
    expect(done).toEqual([1, 2, 3]);
    // Python's zipfile is an independent reader: CRCs and sizes checked.
    execFileSync('python3', ['-m', 'zipfile', '-t', out]);
    const files = unzipSync(new Uint8Array(data));
    expect(Object.keys(files).sort()).toEqual(['index.html', 'media/empty.txt', 'media/photo.jpg']);
    expect(Buffer.from(files['media/photo.jpg']!).equals(big)).toBe(true);
    expect(Buffer.from(files['index.html']!).toString()).toContain('<title>Ä</title>');
  });

  it('gives the same bytes for the same folder, and stops when told to', async () => {
    await writeZip(join(root, 'tree'), join(root, 'b.zip'));
    await writeZip(join(root, 'tree'), join(root, 'c.zip'));
    expect((await readFile(join(root, 'b.zip'))).equals(await readFile(join(root, 'c.zip')))).toBe(
      true,
    );
    let calls = 0;
    const stop = new Error('stop');
    await expect(
      writeZip(join(root, 'tree'), join(root, 'd.zip'), {
        check: () => {
          if (++calls === 2) throw stop;
        },
      }),
    ).rejects.toBe(stop);
  });
});
