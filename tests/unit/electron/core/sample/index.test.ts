import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks, runExhibitionChecks } from '../../../../../shared/check';
import { BLOCK_TYPES, mediaPath, type LibrarySnapshot } from '../../../../../shared/domain';
import { openLibrary } from '../../../../../electron/core/library';
import {
  buildSampleLibrary,
  loadSampleContent,
  mediaRecipe,
  type SampleProgress,
  type SampleSummary,
} from '../../../../../electron/core/sample';

const roots: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-sample-test-'));
  roots.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

async function readSnapshot(dir: string): Promise<LibrarySnapshot> {
  const library = await openLibrary(dir, { readOnly: true });
  try {
    return library.snapshot();
  } finally {
    await library.close();
  }
}

describe('buildSampleLibrary', () => {
  let dir: string;
  let summary: SampleSummary;
  let snapshot: LibrarySnapshot;
  const progress: SampleProgress[] = [];

  beforeAll(async () => {
    dir = path.join(await tempDir(), 'bibliothek');
    summary = await buildSampleLibrary(dir, { onProgress: (p) => progress.push(p) });
    snapshot = await readSnapshot(dir);
  }, 600_000);

  it('creates a library that opens with all partnerships, awards, items and exhibitions', () => {
    expect(snapshot.manifest).toMatchObject({
      name: 'Internationale Beziehungen Dortmund (Beispiel)',
      languages: ['de', 'en', 'ar', 'sr-Cyrl', 'sr-Latn'],
      defaultLanguage: 'de',
      createdAt: '2026-01-15T10:00:00.000Z',
    });
    expect(snapshot.partnerships).toHaveLength(9);
    expect(snapshot.awards).toHaveLength(2);
    expect(snapshot.items.length).toBeGreaterThanOrEqual(30);
    expect(snapshot.exhibitions.map((x) => x.slug).sort()).toEqual([
      '50-jahre-dortmund-leeds',
      'projektpartnerschaft-dura',
      'staedtepartnerschaft-novi-sad',
    ]);
    expect(summary).toMatchObject({
      dir: path.resolve(dir),
      partnerships: 9,
      awards: 2,
      items: snapshot.items.length,
      exhibitions: 3,
    });
  });

  it('keeps the partnership histories that refer to items', () => {
    const leeds = snapshot.partnerships.find((p) => p.id === 'leeds')!;
    const content = loadSampleContent();
    expect(leeds.history).toEqual(content.partnerships.find((p) => p.id === 'leeds')!.history);
    expect(leeds.history.flatMap((e) => e.itemIds)).toContain('poster-50-jahre-leeds');
  });

  it('stores the exhibition with every block kind', () => {
    const x = snapshot.exhibitions.find((e) => e.slug === '50-jahre-dortmund-leeds')!;
    const kinds = new Set(x.chapters.flatMap((c) => c.blocks.map((b) => b.type)));
    expect(kinds).toEqual(new Set(BLOCK_TYPES));
    expect(x.coverItemId).toBe('poster-50-jahre-leeds');
  });

  it('imports every media file: present on disk, with the size, type and dimensions of its recipe', () => {
    const content = loadSampleContent();
    let files = 0;
    for (const item of snapshot.items) {
      const names = content.items.find((i) => i.id === item.id)!.media;
      expect(item.media).toHaveLength(names.length);
      item.media.forEach((asset, i) => {
        const recipe = mediaRecipe(names[i]!)!;
        const file = path.join(dir, mediaPath(asset));
        expect(existsSync(file), `${item.id}: ${file}`).toBe(true);
        expect(statSync(file).size).toBe(asset.bytes);
        expect(asset).toMatchObject({
          kind: recipe.kind,
          mime: recipe.mime,
          originalName: recipe.fileName,
        });
        if (recipe.width)
          expect([asset.width, asset.height]).toEqual([recipe.width, recipe.height]);
        if (recipe.pages) expect(asset.pages).toBe(recipe.pages);
        if (recipe.duration) expect(asset.duration).toBeCloseTo(recipe.duration, 1);
        files++;
      });
    }
    expect(files).toBe(summary.mediaFiles);
  });

  it('stamps everything with the fixed sample clock', () => {
    const stamps = [
      ...snapshot.items,
      ...snapshot.partnerships,
      ...snapshot.awards,
      ...snapshot.exhibitions,
    ].flatMap((e) => [e.createdAt, e.updatedAt]);
    expect(new Set(stamps)).toEqual(new Set(['2026-01-15T10:00:00.000Z']));
  });

  it('passes the library checks with nothing but the sample-content notice', () => {
    const problems = runChecks({ snapshot, mediaExists: (rel) => existsSync(path.join(dir, rel)) });
    // The one warning Leichte Sprache legitimately adds: the Leeds version is sample text that a
    // test reader group has yet to check (DIN SPEC 33429), so no review is recorded.
    expect(problems.filter((p) => p.severity !== 'info').map((p) => [p.rule, p.target])).toEqual([
      [
        'easy-language-unreviewed',
        { collection: 'exhibitions', id: 'ex-50-jahre-leeds', path: 'easyLanguage.review' },
      ],
    ]);
    // Hints (info) may remain in the Leichte Sprache text, e.g. a negation; nothing else.
    expect(
      problems.filter((p) => p.severity === 'info' && !p.rule.startsWith('ls-')).map((p) => p.rule),
    ).toEqual(['sample-content']);
  });

  it('gives the Leeds kiosk export Leichte Sprache alt texts and captions for every item it shows', () => {
    const problems = runExhibitionChecks(snapshot, 'ex-50-jahre-leeds', 'kiosk', (rel) =>
      existsSync(path.join(dir, rel)),
    );
    // No missing alt text in any of its languages, de-x-ls included.
    expect(problems.filter((p) => p.rule === 'alt-text-missing')).toEqual([]);
    // The item texts pass the Leichte Sprache rules (hints at most), and are sample content that
    // a test reader group still has to check.
    const leeds = snapshot.exhibitions.find((x) => x.id === 'ex-50-jahre-leeds')!;
    const shown = new Set(
      leeds.chapters.flatMap((c) =>
        c.blocks.flatMap((b) =>
          b.type === 'item'
            ? [b.itemId]
            : b.type === 'gallery'
              ? b.itemIds
              : b.type === 'comparison'
                ? [b.before.itemId, b.after.itemId]
                : [],
        ),
      ),
    );
    expect(shown.size).toBeGreaterThan(10);
    for (const item of snapshot.items.filter((i) => shown.has(i.id))) {
      expect(item.title['de-x-ls'], item.id).toBeTruthy();
      if (item.kind === 'image') expect(item.altText['de-x-ls'], item.id).toBeTruthy();
      expect(item.description['de-x-ls'], item.id).toMatch(/Prüf-Gruppe/);
      expect(item.sample, item.id).toBe(true);
    }
    expect(
      problems.filter(
        (p) => p.rule.startsWith('ls-') && p.target.collection === 'items' && p.severity !== 'info',
      ),
    ).toEqual([]);
  });

  it('reports progress step by step up to the total', () => {
    expect(progress.length).toBeGreaterThan(30);
    progress.forEach((p, i) => expect(p.done).toBe(i + 1));
    expect(progress.at(-1)).toMatchObject({ done: progress[0]!.total, step: 'library' });
  });

  // Two more builds with small images (media.test.ts checks each full-size recipe twice); the
  // renders run side by side in the worker, so this also shows their order does not matter.
  it('produces the same library again: same media hashes, same data', async () => {
    const [one, two] = [path.join(await tempDir(), 'eins'), path.join(await tempDir(), 'zwei')];
    await buildSampleLibrary(one, { mediaScale: 0.2 });
    await buildSampleLibrary(two, { mediaScale: 0.2 });
    const [first, second] = [await readSnapshot(one), await readSnapshot(two)];
    const hashes = (s: LibrarySnapshot) =>
      s.items.flatMap((i) => i.media.map((m) => `${i.id}:${m.sha256}`));
    expect(hashes(second)).toEqual(hashes(first));
    expect(second.items).toEqual(first.items);
    expect(await readFile(path.join(two, 'library.json'), 'utf8')).toBe(
      await readFile(path.join(one, 'library.json'), 'utf8'),
    );
    // Smaller images, the same entities otherwise.
    expect(hashes(first)).not.toEqual(hashes(snapshot));
    expect(second.exhibitions).toEqual(snapshot.exhibitions);
    expect(second.partnerships).toEqual(snapshot.partnerships);
  }, 600_000);

  it('refuses a folder that is not empty and leaves it alone', async () => {
    const busy = await tempDir();
    await writeFile(path.join(busy, 'notiz.txt'), 'bitte nicht löschen');
    await expect(buildSampleLibrary(busy)).rejects.toMatchObject({ code: 'LIBRARY_EXISTS' });
    expect(await readFile(path.join(busy, 'notiz.txt'), 'utf8')).toBe('bitte nicht löschen');
    expect(existsSync(path.join(busy, 'library.json'))).toBe(false);
  });
});
