import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../electron/core/cli';
import {
  DATA_ENTRY,
  MANIFEST_ENTRY,
  packExhibition,
  readPackage,
  unpackInto,
} from '../../../../../electron/core/exchange';
import {
  createLibrary,
  readLibrarySnapshot,
  type Library,
} from '../../../../../electron/core/library';
import { createMediaImporter, createSyntheticJpeg } from '../../../../../electron/core/media';
import { AppError } from '../../../../../shared/errors';
import { award, exhibition, item, partnership } from '../../../../fixtures/snapshot';
import { cliContext } from '../cli/commands/harness';
import { tempDir } from '../library/helpers';

async function newLibrary(name: string): Promise<Library> {
  const dir = path.join(await tempDir('vitrine-pack-'), name);
  return createLibrary(dir, { name, languages: ['de', 'en'], defaultLanguage: 'de' });
}

/** A library with one exhibition that shows a photo of the Leeds partnership, and one item it does not use. */
async function source(): Promise<Library> {
  const lib = await newLibrary('quelle');
  const photo = path.join(await tempDir('vitrine-pack-photo-'), 'leeds.jpg');
  await writeFile(photo, await createSyntheticJpeg({ width: 200, height: 150, seed: 9 }));
  const imported = await createMediaImporter({ libraryDir: lib.dir }).importFile(photo);
  if (imported.status !== 'imported') throw new Error('photo');
  await lib.apply({
    type: 'batch',
    commands: [
      { type: 'putPartnership', partnership: partnership('leeds', { city: { de: 'Leeds' } }) },
      {
        type: 'putItem',
        item: item('foto', { media: [imported.asset], partnershipIds: ['leeds'] }),
      },
      { type: 'putItem', item: item('unbenutzt') },
      { type: 'putAward', award: award('fahne', { partnershipIds: ['leeds'] }) },
      {
        type: 'putExhibition',
        exhibition: exhibition('leeds-50', {
          chapters: [
            {
              id: 'k1',
              title: { de: 'Eins' },
              blocks: [{ id: 'b1', type: 'item', itemId: 'foto' }],
            },
          ],
        }),
      },
    ],
  });
  return lib;
}

async function packageFile(lib: Library): Promise<string> {
  const file = path.join(await tempDir('vitrine-pack-out-'), 'leeds.vitrine');
  await writeFile(file, await packExhibition(lib.dir, lib.snapshot(), 'leeds-50'));
  return file;
}

async function zipFile(entries: Record<string, Uint8Array>): Promise<string> {
  const file = path.join(await tempDir('vitrine-pack-bad-'), 'bad.vitrine');
  await writeFile(file, zipSync(entries));
  return file;
}

describe('exchange packages', () => {
  it('pack → unpack between two libraries carries the exhibition, its items, partnership, award and media', async () => {
    const from = await source();
    const file = await packageFile(from);
    const to = await newLibrary('ziel');
    const pkg = await readPackage(file);
    expect(pkg.manifest.counts).toEqual({ items: 1, partnerships: 1, awards: 1, media: 1 });
    const outcome = await unpackInto(to, pkg);
    expect(outcome).toMatchObject({ added: 4, conflicts: [] });
    const snap = to.snapshot();
    expect(snap.items.map((i) => i.id)).toEqual(['foto']);
    expect(snap.partnerships.map((p) => p.id)).toEqual(['leeds']);
    expect(snap.awards.map((a) => a.id)).toEqual(['fahne']);
    expect(snap.exhibitions[0]!.slug).toBe('leeds-50');
    const asset = snap.items[0]!.media[0]!;
    const original = from.snapshot().items.find((i) => i.id === 'foto')!.media[0]!;
    expect(asset.sha256).toBe(original.sha256);
    expect(
      await readFile(path.join(to.dir, `media/${asset.sha256.slice(0, 2)}/${asset.sha256}.jpg`)),
    ).toEqual(
      await readFile(path.join(from.dir, `media/${asset.sha256.slice(0, 2)}/${asset.sha256}.jpg`)),
    );
    // One undo step takes it all out again.
    await to.apply(outcome.undo!);
    expect(to.snapshot().items).toEqual([]);
    expect(to.snapshot().exhibitions).toEqual([]);
    await from.close();
    await to.close();
  });

  it('conflicting ids: keep, replace, or import as copy with references rewritten', async () => {
    const from = await source();
    const file = await packageFile(from);
    const pkg = await readPackage(file);
    const prepare = async () => {
      const to = await newLibrary('ziel');
      await to.apply({
        type: 'batch',
        commands: [
          {
            type: 'putPartnership',
            partnership: partnership('leeds', { city: { de: 'Leeds (hier)' } }),
          },
          { type: 'putItem', item: item('foto', { title: { de: 'Mein Foto' } }) },
        ],
      });
      return to;
    };
    const keep = await prepare();
    const kept = await unpackInto(keep, pkg, 'keep');
    expect(kept.conflicts).toEqual([
      { collection: 'partnerships', id: 'leeds' },
      { collection: 'items', id: 'foto' },
    ]);
    expect(keep.get('items', 'foto')!.title.de).toBe('Mein Foto');
    expect(keep.get('partnerships', 'leeds')!.city.de).toBe('Leeds (hier)');
    expect(keep.get('exhibitions', 'leeds-50')).toBeDefined();

    const replace = await prepare();
    await unpackInto(replace, pkg, 'replace');
    expect(replace.get('items', 'foto')!.title.de).toBe('Objekt foto');
    expect(replace.get('partnerships', 'leeds')!.city.de).toBe('Leeds');

    const copy = await prepare();
    const copied = await unpackInto(copy, pkg, 'copy');
    expect(copied.copied).toBe(2);
    expect(copy.get('items', 'foto')!.title.de).toBe('Mein Foto');
    const newItem = copy.get('items', 'foto-2')!;
    expect(newItem.partnershipIds).toEqual(['leeds-2']);
    const block = copy.get('exhibitions', 'leeds-50')!.chapters[0]!.blocks[0] as { itemId: string };
    expect(block.itemId).toBe('foto-2');
    expect(copy.get('awards', 'fahne')!.partnershipIds).toEqual(['leeds-2']);
    for (const lib of [from, keep, replace, copy]) await lib.close();
  });

  it('refuses paths that leave the folder, unknown versions, zip bombs, damaged media and non-zips', async () => {
    const from = await source();
    const good = await readFile(await packageFile(from));
    const { unzipSync } = await import('fflate');
    const entries = unzipSync(good);
    const expectRefusal = async (file: string, code: string, text: RegExp) => {
      const error = await readPackage(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
      expect((error as AppError).messages.en).toMatch(text);
      expect((error as AppError).messages.de.length).toBeGreaterThan(10);
    };
    await expectRefusal(
      await zipFile({ ...entries, '../../evil.sh': strToU8('#!/bin/sh') }),
      'PATH_REJECTED',
      /does not belong/,
    );
    await expectRefusal(
      await zipFile({ ...entries, '/etc/passwd': strToU8('x') }),
      'PATH_REJECTED',
      /does not belong/,
    );
    const manifest = JSON.parse(new TextDecoder().decode(entries[MANIFEST_ENTRY]));
    await expectRefusal(
      await zipFile({
        ...entries,
        [MANIFEST_ENTRY]: strToU8(JSON.stringify({ ...manifest, version: 99 })),
      }),
      'VERSION_UNSUPPORTED',
      /version 99/,
    );
    // 50 MB of zeros deflate to about 50 KB: a ratio no photo or JSON reaches.
    await expectRefusal(
      await zipFile({ ...entries, [DATA_ENTRY]: new Uint8Array(50_000_000) }),
      'FILE_TOO_LARGE',
      /zip bomb/,
    );
    const sha = Object.keys(entries).find((k) => k.startsWith('media/'))!;
    const damaged = new Uint8Array(entries[sha]!);
    damaged[damaged.length - 10] = (damaged[damaged.length - 10] ?? 0) ^ 0xff;
    await expectRefusal(
      await zipFile({ ...entries, [sha]: damaged }),
      'FILE_INVALID_DATA',
      /damaged/,
    );
    const notZip = path.join(await tempDir('vitrine-pack-bad-'), 'x.vitrine');
    await writeFile(notZip, 'hello');
    await expectRefusal(notZip, 'FILE_UNREADABLE', /not a Vitrine package/);
    await from.close();
  });

  it('vitrine pack / unpack on the command line', async () => {
    const from = await source();
    await from.close();
    const out = path.join(await tempDir('vitrine-pack-cli-'), 'x.vitrine');
    expect(
      await runCli(
        ['pack', from.dir, '--exhibition', 'leeds-50', '--out', out],
        cliContext('en').ctx,
      ),
    ).toBe(0);
    const to = await newLibrary('ziel');
    await to.close();
    const run = cliContext('en');
    expect(await runCli(['unpack', out, '--into', to.dir, '--conflicts', 'copy'], run.ctx)).toBe(0);
    expect(run.out()).toContain('leeds-50 — 4 added');
    expect((await readLibrarySnapshot(to.dir)).items).toHaveLength(1);
    const bad = cliContext('de');
    expect(await runCli(['unpack', out, '--into', to.dir, '--conflicts', 'merge'], bad.ctx)).toBe(
      2,
    );
    expect(bad.err()).toContain('keep, replace oder copy');
  });
});
