import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../../electron/core/cli';
import { cliContext, tempDirs } from './harness';
import { readLibrarySnapshot } from '../../../../../../electron/core/library';

const tempDir = tempDirs('vitrine-init-test-');
const context = cliContext;

describe('vitrine init', () => {
  it('creates an empty library named „Neue Bibliothek“ in German and English by default', async () => {
    const dir = path.join(await tempDir(), 'neu');
    const { ctx, out } = context();
    expect(await runCli(['init', dir], ctx)).toBe(0);
    const snapshot = await readLibrarySnapshot(dir);
    expect(snapshot.manifest).toMatchObject({
      name: 'Neue Bibliothek',
      languages: ['de', 'en'],
      defaultLanguage: 'de',
    });
    expect(snapshot.items).toEqual([]);
    expect(out()).toContain('Neue Bibliothek');
  });

  it('takes a name and a language list whose first language is the default', async () => {
    const dir = await tempDir(); // exists and is empty: allowed
    const { ctx } = context('en');
    expect(
      await runCli(['init', dir, '--name', 'Partnerstädte', '--lang', 'en, de,ar,en'], ctx),
    ).toBe(0);
    const snapshot = await readLibrarySnapshot(dir);
    expect(snapshot.manifest).toMatchObject({
      name: 'Partnerstädte',
      languages: ['en', 'de', 'ar'],
      defaultLanguage: 'en',
    });
  });

  it('refuses a folder that is not empty, in German or English, with exit code 2', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'liste.csv'), 'a;b\n');
    const de = context('de');
    expect(await runCli(['init', dir], de.ctx)).toBe(2);
    expect(de.err()).toMatch(/ist nicht leer/);
    const en = context('en');
    expect(await runCli(['init', dir, '--sample'], en.ctx)).toBe(2);
    expect(en.err()).toMatch(/is not empty/);
    expect(await readdir(dir)).toEqual(['liste.csv']);
  });

  it('refuses a file as target and a bad language list', async () => {
    const root = await tempDir();
    const file = path.join(root, 'datei.txt');
    await writeFile(file, 'x');
    const a = context('de');
    expect(await runCli(['init', file], a.ctx)).toBe(2);
    expect(a.err()).toMatch(/Datei, kein Ordner/);
    const b = context('en');
    expect(await runCli(['init', path.join(root, 'x'), '--lang', 'de,Deutsch!'], b.ctx)).toBe(2);
    expect(b.err()).toMatch(/Invalid language list/);
    expect(existsSync(path.join(root, 'x', 'library.json'))).toBe(false);
    const c = context('de');
    expect(await runCli(['init', path.join(root, 'y'), '--sample', '--lang', 'de'], c.ctx)).toBe(2);
    expect(c.err()).toMatch(/--lang passt nicht zu --sample/);
  });

  // Images at a fifth of their size: this is about the command; the full-size sample is covered
  // by tests/unit/electron/core/sample, the forked worker by tests/unit/electron/core/worker.
  it('builds the sample library with progress on stderr and a summary on stdout', async () => {
    const dir = path.join(await tempDir(), 'beispiel');
    const { ctx, out, err } = context('de');
    ctx.sampleMediaScale = 0.2;
    expect(
      await runCli(['init', dir, '--sample', '--name', 'Dortmund international (Beispiel)'], ctx),
    ).toBe(0);
    expect(err()).toMatch(/Beispielbibliothek \d+%/);
    expect(err()).toContain('Beispielbibliothek 100%');
    expect(out()).toMatch(/9 Partnerschaften, 2 Auszeichnungen, 3 Ausstellungen/);
    const snapshot = await readLibrarySnapshot(dir);
    expect(snapshot.manifest.name).toBe('Dortmund international (Beispiel)');
    expect(snapshot.partnerships).toHaveLength(9);
  }, 180_000);
});
