import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportExhibition } from '../../../../../electron/core/export';
import { axeOverPages, nuOverFiles } from '../../../../../electron/core/export/verify-pages';
import { listFiles } from '../../../../e2e/export/helpers';
import { makeLibrary } from './library-fixture';

/**
 * The checks the export runs for the accessibility statement (issue 13 §4): axe-core in jsdom
 * and Nu when Java and vnu.jar are there, and the statement saying exactly what they found.
 */
const GOOD = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Gut</title></head><body><main><h1>Gut</h1><img src="a.jpg" alt="Ein Plakat"><label for="q">Suche</label><input id="q"></main></body></html>`;
const BAD = `<!doctype html><html><head><meta charset="utf-8"><title>Schlecht</title></head><body><main><h1>Schlecht</h1><img src="a.jpg"><input id="q"><a href="x.html"></a></main></body></html>`;

let work: string;
let lib: Awaited<ReturnType<typeof makeLibrary>>;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vitrine-verify-'));
  lib = await makeLibrary();
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(lib.dir, { recursive: true, force: true });
});

describe('axe-core over exported pages, without a browser', () => {
  it('finds what is wrong on the page it is wrong on, and nothing on a clean page', async () => {
    const audit = await axeOverPages([
      { path: 'de/good.html', content: GOOD },
      { path: 'de/bad.html', content: BAD },
      { path: 'assets/vitrine.css', content: 'body{}' },
      { path: 'de/good-again.html', content: GOOD },
    ]);
    expect(audit.pages).toBe(3);
    expect(audit.version).toMatch(/^4\.\d+\.\d+$/);
    const rules = audit.failing.map((f) => `${f.page} ${f.rule}`).sort();
    expect(rules).toEqual([
      'de/bad.html html-has-lang',
      'de/bad.html image-alt',
      'de/bad.html label',
      'de/bad.html link-name',
    ]);
    expect(audit.violations).toBe(4);
    // The rules that need a layout are named, so the statement can say who covers them.
    expect(audit.skippedRules).toEqual(['color-contrast', 'target-size']);
  });
});

describe('Nu over exported pages', () => {
  it('counts the errors when Java and vnu.jar are there, and reports "not run" otherwise', async () => {
    const good = path.join(work, 'good.html');
    const bad = path.join(work, 'bad.html');
    await writeFile(good, GOOD);
    await writeFile(bad, BAD.replace('<title>Schlecht</title>', ''));
    const found = await nuOverFiles([good, bad]);
    // This machine (and CI) has Java 17 and the vnu-jar package; a user's machine may not.
    expect(found).toMatchObject({ pages: 2 });
    expect(found!.errors).toBeGreaterThan(0);
    expect(await nuOverFiles([good])).toMatchObject({ pages: 1, errors: 0 });
    expect(
      await nuOverFiles([good], { VITRINE_VNU_JAR: path.join(work, 'missing.jar') }),
    ).toBeUndefined();
    expect(
      await nuOverFiles([good], { ...process.env, VITRINE_JAVA: path.join(work, 'no-java') }),
    ).toBeUndefined();
  }, 120_000);
});

describe('the accessibility statement of a verified export', () => {
  it('states the axe and Nu results of this export, and no check that did not run', async () => {
    const outDir = path.join(work, 'verified');
    const result = await exportExhibition({
      libraryDir: lib.dir,
      snapshot: lib.snapshot,
      exhibition: '50-jahre-dortmund-leeds',
      mode: 'web',
      outDir,
      date: '2026-12-03',
      verify: true,
    });
    const html = (await listFiles(outDir)).filter((f) => f.endsWith('.html'));
    const v = result.verification!;
    expect(v.axe).toMatchObject({ pages: html.length, violations: 0, failing: [] });
    expect(v.nu).toMatchObject({ pages: html.length, errors: 0 });
    expect(v.check.contrast).toBe(0);
    const de = await readFile(path.join(outDir, 'de/accessibility.html'), 'utf8');
    expect(de).toContain(
      `axe-core ${v.axe!.version} prüfte beim Export alle ${html.length} Seiten`,
    );
    expect(de).toContain('und fand 0 Verstöße');
    expect(de).toContain(`Der Nu Html Checker ${v.nu!.version} prüfte beim Export alle`);
    expect(de).toContain('color-contrast, target-size');
    expect(de).toContain('0 Text-/Hintergrund-Paare liegen darunter');
    const en = await readFile(path.join(outDir, 'en/accessibility.html'), 'utf8');
    expect(en).toContain('and found 0 violations');

    // Without `verify`, the same statement says that neither checker ran at this export.
    const plain = await exportExhibition({
      libraryDir: lib.dir,
      snapshot: lib.snapshot,
      exhibition: '50-jahre-dortmund-leeds',
      mode: 'web',
      outDir: path.join(work, 'plain'),
      date: '2026-12-03',
    });
    expect(plain.verification?.axe).toBeUndefined();
    const unverified = await readFile(path.join(work, 'plain/de/accessibility.html'), 'utf8');
    expect(unverified).toContain('axe-core lief bei diesem Export nicht über die Seiten.');
    expect(unverified).toContain('Die HTML-Gültigkeit wurde bei diesem Export nicht geprüft');
    expect(unverified).not.toContain('prüfte beim Export');
  }, 300_000);
});
