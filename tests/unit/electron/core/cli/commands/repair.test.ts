import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../../electron/core/cli';
import { createLibrary, openLibrary } from '../../../../../../electron/core/library';
import { createSyntheticJpeg } from '../../../../../../electron/core/media';
import { mediaPath, thumbnailPath } from '../../../../../../shared/domain/media';
import {
  awardInput,
  exhibitionInput,
  hashTree,
  itemInput,
  partnershipInput,
  tempDir,
} from '../../library/helpers';
import { cliContext } from './harness';

async function asset(dir: string, seed: number) {
  const data = await createSyntheticJpeg({ width: 320, height: 240, seed });
  const sha256 = createHash('sha256').update(data).digest('hex');
  const media = {
    sha256,
    originalName: `foto-${seed}.jpg`,
    mime: 'image/jpeg',
    ext: 'jpg',
    kind: 'image' as const,
    bytes: data.length,
    width: 320,
    height: 240,
  };
  await mkdir(path.dirname(path.join(dir, mediaPath(media))), { recursive: true });
  await writeFile(path.join(dir, mediaPath(media)), data);
  return media;
}

/**
 * A library with one of everything the repair handles: references to a force-deleted item and
 * partnership, an image no item uses, a missing and a corrupt thumbnail, and temp files.
 */
async function damagedLibrary() {
  const dir = path.join(await tempDir(), 'lib');
  const library = await createLibrary(dir, {
    name: 'Reparatur',
    languages: ['de', 'en'],
    defaultLanguage: 'de',
  });
  const kept = await asset(dir, 1);
  const second = await asset(dir, 2);
  const orphan = await asset(dir, 3);
  await library.apply({ type: 'putPartnership', partnership: partnershipInput('leeds') });
  await library.apply({ type: 'putPartnership', partnership: partnershipInput('amiens') });
  await library.apply({
    type: 'putItem',
    item: itemInput('keep', { media: [kept], partnershipIds: ['leeds', 'amiens'] }),
  });
  await library.apply({ type: 'putItem', item: itemInput('second', { media: [second] }) });
  await library.apply({ type: 'putItem', item: itemInput('gone') });
  await library.apply({
    type: 'putAward',
    award: awardInput('fahne', ['amiens', 'leeds'], ['gone']),
  });
  await library.apply({
    type: 'putExhibition',
    exhibition: exhibitionInput('schau', ['keep', 'gone'], ['amiens']),
  });
  await library.apply({ type: 'delete', collection: 'items', id: 'gone', force: true });
  await library.apply({ type: 'delete', collection: 'partnerships', id: 'amiens', force: true });
  await library.close();
  // Thumbnails: one missing (never made), one corrupt.
  const corrupt = path.join(dir, thumbnailPath(second.sha256));
  await mkdir(path.dirname(corrupt), { recursive: true });
  await writeFile(corrupt, 'kein Bild');
  await writeFile(path.join(dir, 'data', '.awards.json.0123456789ab.tmp'), '{"revision":');
  await mkdir(path.join(dir, 'backups', '.tmp-abcdef'), { recursive: true });
  return { dir, kept, second, orphan };
}

describe('vitrine check --repair', () => {
  it('lists each repair in a dry run and changes nothing', async () => {
    const { dir, kept, second, orphan } = await damagedLibrary();
    const before = await hashTree(dir);
    const { ctx, out } = cliContext('en');
    expect(await runCli(['check', dir, '--repair'], ctx)).toBe(1);
    const text = out();
    expect(text).toContain(
      '[reference] items/keep partnershipIds: remove the reference to deleted partnership “amiens”',
    );
    expect(text).toContain(
      '[reference] awards/fahne itemIds: remove the reference to deleted item “gone”',
    );
    expect(text).toContain(
      '[reference] exhibitions/schau chapters[0].blocks[1].itemId: remove the reference to deleted item “gone”',
    );
    expect(text).toContain('[reference] exhibitions/schau chapters[0].blocks[2].partnershipIds');
    expect(text).toContain(`[media file] ${mediaPath(orphan)}: used by no item`);
    expect(text).toContain(`[thumbnail] ${thumbnailPath(kept.sha256)}: missing: make it again`);
    expect(text).toContain(`[thumbnail] ${thumbnailPath(second.sha256)}: corrupt: make it again`);
    expect(text).toContain('[temp file] data/.awards.json.0123456789ab.tmp');
    expect(text).toContain('[temp file] backups/.tmp-abcdef');
    expect(text).toContain('repairs possible (dry run)');
    expect(await hashTree(dir)).toEqual(before);
  });

  it('--apply carries them out, moves orphaned media aside, and the check is clean after', async () => {
    const { dir, kept, second, orphan } = await damagedLibrary();
    const orphanBytes = await readFile(path.join(dir, mediaPath(orphan)));
    const json = cliContext('de');
    expect(await runCli(['check', dir, '--repair', '--apply', '--json'], json.ctx)).toBe(0);
    const report = JSON.parse(json.out());
    expect(report.applied).toBe(true);
    expect(report.repairs.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'dangling-reference',
      'dangling-reference',
      'dangling-reference',
      'dangling-reference',
      'dangling-reference',
      'orphaned-media',
      'temp-file',
      'temp-file',
      'thumbnail',
      'thumbnail',
    ]);

    const library = await openLibrary(dir, { readOnly: true });
    const snap = library.snapshot();
    await library.close();
    expect(snap.items.find((i) => i.id === 'keep')!.partnershipIds).toEqual(['leeds']);
    expect(snap.awards[0]).toMatchObject({ partnershipIds: ['leeds'], itemIds: [] });
    // The item block of the deleted item is gone (it shows nothing); the map stays, empty.
    const blocks = snap.exhibitions[0]!.chapters[0]!.blocks;
    expect(blocks.map((b) => b.type)).toEqual(['item', 'map']);
    expect(blocks[1]).toMatchObject({ type: 'map', partnershipIds: [] });

    // Nothing a person made is deleted: the orphan sits in backups/orphaned-media-…/.
    await expect(stat(path.join(dir, mediaPath(orphan)))).rejects.toMatchObject({ code: 'ENOENT' });
    const aside = (await readdir(path.join(dir, 'backups'))).find((n) =>
      n.startsWith('orphaned-media-'),
    )!;
    expect(
      await readFile(path.join(dir, 'backups', aside, mediaPath(orphan).slice('media/'.length))),
    ).toEqual(orphanBytes);
    for (const a of [kept, second]) {
      const meta = await sharp(path.join(dir, thumbnailPath(a.sha256))).metadata();
      expect(meta.format).toBe('webp');
    }
    expect(await readdir(path.join(dir, 'data'))).not.toContain('.awards.json.0123456789ab.tmp');
    expect(await readdir(path.join(dir, 'backups'))).not.toContain('.tmp-abcdef');

    const again = cliContext('en');
    expect(await runCli(['check', dir, '--repair'], again.ctx)).toBe(0);
    expect(again.out()).toContain('Nothing to repair.');
    // The check no longer finds dangling references (other findings, e.g. alt text, are not
    // repairs: they need a person).
    const check = cliContext('en');
    await runCli(['check', dir, '--json'], check.ctx);
    const rules = JSON.parse(check.out()).problems.map((p: { rule: string }) => p.rule);
    expect(rules).not.toContain('reference-missing');
  });

  it('refuses --apply while the app holds the library and leaves it as it was', async () => {
    const { dir } = await damagedLibrary();
    const writer = await openLibrary(dir);
    try {
      const before = await hashTree(path.join(dir, 'data'));
      const { ctx, err } = cliContext('en');
      expect(await runCli(['check', dir, '--repair', '--apply'], ctx)).toBe(2);
      expect(err().length).toBeGreaterThan(0);
      expect(await hashTree(path.join(dir, 'data'))).toEqual(before);
    } finally {
      await writer.close();
    }
    const alone = cliContext('en');
    expect(await runCli(['check', dir, '--apply'], alone.ctx)).toBe(2);
    expect(alone.err()).toContain('--apply only works together with --repair');
  });
});
