import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkOrCopy, writeFileAtomic } from '../../../../../electron/core/library/fs-atomic';
import { shardOf } from '../../../../../electron/core/library/layout';
import { tempDir } from './helpers';

describe('writeFileAtomic', () => {
  it('creates and replaces files, leaving no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeFileAtomic(path, '{"v":1}');
    await writeFileAtomic(path, new TextEncoder().encode('{"v":2}'));
    expect(await readFile(path, 'utf8')).toBe('{"v":2}');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('leaves the old file and no temp file when the write fails', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeFileAtomic(path, 'old');
    // A folder with the target's name makes the rename fail after the temp file was written.
    const blocked = join(dir, 'sub');
    await mkdir(join(blocked, 'target.json'), { recursive: true });
    await expect(writeFileAtomic(join(blocked, 'target.json'), 'new')).rejects.toThrow();
    expect(await readdir(blocked)).toEqual(['target.json']);
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it('fails cleanly in a read-only folder', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions; check the missing-folder failure instead
      await expect(
        writeFileAtomic(join(await tempDir(), 'missing', 'a.json'), 'x'),
      ).rejects.toMatchObject({ code: 'ENOENT' });
      return;
    }
    const dir = await tempDir();
    await chmod(dir, 0o500);
    await expect(writeFileAtomic(join(dir, 'a.json'), 'x')).rejects.toMatchObject({
      code: 'EACCES',
    });
    await chmod(dir, 0o700);
  });
});

describe('linkOrCopy', () => {
  it('links a file and refuses to overwrite', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a'), 'x');
    await linkOrCopy(join(dir, 'a'), join(dir, 'b'));
    expect(await readFile(join(dir, 'b'), 'utf8')).toBe('x');
    await expect(linkOrCopy(join(dir, 'a'), join(dir, 'b'))).rejects.toMatchObject({
      code: 'EEXIST',
    });
  });
});

describe('shardOf', () => {
  it('is stable (the layout on disk depends on it) and spreads ids', () => {
    expect(shardOf('a')).toBe(0xe40c292c % 64);
    const used = new Set(Array.from({ length: 1000 }, (_, i) => shardOf(`item-${i}`)));
    expect(used.size).toBe(64);
  });
});
