import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../../../electron/core/cli';
import { cliContext, tempDirs } from './harness';
import { createLibrary, openLibrary } from '../../../../../../electron/core/library';
import { exhibition, item, partnership } from '../../../../../fixtures/snapshot';

const tempDir = tempDirs('vitrine-check-test-');
const context = cliContext;

async function treeHashes(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return result;
}

/** A small clean library: one partnership, one item, one bilingual exhibition using the item. */
async function cleanLibrary(): Promise<string> {
  const dir = path.join(await tempDir(), 'lib');
  const library = await createLibrary(dir, {
    name: 'Partnerschaften',
    languages: ['de', 'en'],
    defaultLanguage: 'de',
  });
  await library.apply({ type: 'putPartnership', partnership: partnership('leeds') });
  await library.apply({
    type: 'putItem',
    item: item('photo', { kind: 'text', partnershipIds: ['leeds'] }),
  });
  await library.apply({
    type: 'putExhibition',
    exhibition: exhibition('was-uns-verbindet', {
      chapters: [
        {
          id: 'c1',
          title: { de: 'Anfänge', en: 'Beginnings' },
          blocks: [{ id: 'b1', type: 'item', itemId: 'photo' }],
        },
      ],
    }),
  });
  await library.close();
  return dir;
}

describe('vitrine info', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await cleanLibrary();
  });

  it('prints name, languages, counts and exhibitions with slugs', async () => {
    const { ctx, out } = context();
    expect(await runCli(['info', dir], ctx)).toBe(0);
    expect(out()).toContain('Bibliothek: Partnerschaften');
    expect(out()).toContain('Sprachen: de, en (Standard: de)');
    expect(out()).toMatch(/Objekte: 1\s+Partnerschaften: 1\s+Auszeichnungen: 0/);
    expect(out()).toContain('was-uns-verbindet  „Was uns verbindet“  [de, en]  1 Kapitel');
  });

  it('prints JSON for scripts', async () => {
    const { ctx, out } = context('en');
    expect(await runCli(['info', dir, '--json'], ctx)).toBe(0);
    const info = JSON.parse(out());
    expect(info).toMatchObject({
      name: 'Partnerschaften',
      defaultLanguage: 'de',
      languages: ['de', 'en'],
      counts: { items: 1, partnerships: 1, awards: 0, exhibitions: 1, media: 0 },
      exhibitions: [{ slug: 'was-uns-verbindet', title: 'What connects us', chapters: 1 }],
    });
    expect(info.revision).toBeGreaterThan(0);
  });
});

describe('vitrine check', () => {
  it('exits 0 on a valid, clean library and writes nothing', async () => {
    const dir = await cleanLibrary();
    const before = await treeHashes(dir);
    const { ctx, out } = context();
    expect(await runCli(['check', dir], ctx)).toBe(0);
    expect(out()).toContain('„Partnerschaften“ ist gültig');
    expect(await treeHashes(dir)).toEqual(before);
  });

  it('exits 1 with each problem, its place and a hint', async () => {
    const dir = await cleanLibrary();
    const library = await openLibrary(dir);
    await library.apply({ type: 'delete', collection: 'items', id: 'photo', force: true });
    await library.close();
    const { ctx, out } = context('en');
    expect(await runCli(['check', dir], ctx)).toBe(1);
    expect(out()).toContain(
      '[error] exhibitions/was-uns-verbindet chapters[0].blocks[0].itemId: Reference to deleted item “photo”.',
    );
    expect(out()).toContain('→ Remove the reference or choose another item.');
    expect(out()).toContain('1 errors, 0 warnings');

    const json = context('de');
    expect(await runCli(['check', dir, '--json'], json.ctx)).toBe(1);
    const report = JSON.parse(json.out());
    expect(report).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(report.problems[0]).toMatchObject({
      rule: 'reference-missing',
      target: {
        collection: 'exhibitions',
        id: 'was-uns-verbindet',
        path: 'chapters[0].blocks[0].itemId',
      },
    });
    expect(report.problems[0].message).toContain('gelöschtes Objekt');
  });

  it('exits 2 for a missing library, naming the folder', async () => {
    const dir = path.join(await tempDir(), 'gibt-es-nicht');
    const { ctx, err } = context();
    expect(await runCli(['check', dir], ctx)).toBe(2);
    expect(err()).toContain('gibt-es-nicht');
  });

  it('exits 2 for a damaged file, names file and place, and leaves every byte as it was', async () => {
    const dir = await cleanLibrary();
    const file = path.join(dir, 'data', 'exhibitions.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    const before = await treeHashes(dir);
    const { ctx, err } = context('en');
    expect(await runCli(['check', dir], ctx)).toBe(2);
    expect(err()).toContain('exhibitions.json');
    expect(err()).toMatch(/line \d+|\d+:\d+/);
    expect(await treeHashes(dir)).toEqual(before);
  });

  it('reads a library that the app holds open (read-only, consistent)', async () => {
    const dir = await cleanLibrary();
    const writer = await openLibrary(dir);
    try {
      const { ctx } = context();
      expect(await runCli(['check', dir], ctx)).toBe(0);
    } finally {
      await writer.close();
    }
  });

  it('runs the pre-publication rules of one exhibition for a chosen mode', async () => {
    const dir = await cleanLibrary();
    const library = await openLibrary(dir);
    const show = library.get('exhibitions', 'was-uns-verbindet')!;
    const linked = (text: string) => ({
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph' as const,
          content: [
            {
              type: 'text' as const,
              text,
              marks: [{ type: 'link' as const, attrs: { href: 'https://www.dortmund.de/' } }],
            },
          ],
        },
      ],
    });
    await library.apply({
      type: 'putExhibition',
      exhibition: {
        ...show,
        chapters: [
          {
            ...show.chapters[0]!,
            blocks: [
              ...show.chapters[0]!.blocks,
              {
                id: 'b2',
                type: 'text',
                body: { de: linked('Stadt Dortmund'), en: linked('City of Dortmund') },
              },
            ],
          },
        ],
      },
    });
    await library.close();

    // A web bundle of a public body needs its imprint and privacy notice: the check says so …
    const unsigned = context('en');
    expect(
      await runCli(['check', dir, '--exhibition', 'was-uns-verbindet', '--json'], unsigned.ctx),
    ).toBe(1);
    expect(JSON.parse(unsigned.out()).problems.map((p: { rule: string }) => p.rule)).toContain(
      'legal-missing',
    );
    // … and is content once the library has them.
    const signed = await openLibrary(dir);
    await signed.apply({
      type: 'updateManifest',
      legal: {
        country: 'DE',
        imprint: { de: 'Stadt Dortmund, Friedensplatz 1' },
        privacy: { de: 'Diese Seiten setzen keine Cookies.' },
        feedbackContact: {},
        feedbackEmail: 'barrierefreiheit@dortmund.example',
        conciliation: {},
      },
    });
    await signed.close();

    const web = context('en');
    expect(await runCli(['check', dir, '--exhibition', 'was-uns-verbindet'], web.ctx)).toBe(0);

    const kiosk = context('en');
    expect(
      await runCli(
        ['check', dir, '--exhibition', 'was-uns-verbindet', '--mode', 'kiosk', '--json'],
        kiosk.ctx,
      ),
    ).toBe(1);
    const report = JSON.parse(kiosk.out());
    expect(report.problems.map((p: { rule: string }) => p.rule)).toContain('kiosk-link');
    expect(report.problems.find((p: { rule: string }) => p.rule === 'kiosk-link').target.path).toBe(
      'chapters[0].blocks[1].body.de',
    );

    const unknown = context('de');
    expect(await runCli(['check', dir, '--exhibition', 'gibt-es-nicht'], unknown.ctx)).toBe(2);
    expect(unknown.err()).toContain('Vorhanden: was-uns-verbindet');
    const badMode = context('en');
    expect(await runCli(['check', dir, '--mode', 'print'], badMode.ctx)).toBe(2);
    expect(badMode.err()).toContain('use web, kiosk or both');
  });

  it('answers usage errors with exit 2 and help on every command', async () => {
    const usage = context();
    expect(await runCli(['check'], usage.ctx)).toBe(2);
    expect(usage.err()).toMatch(/missing required argument|fehlt/i);
    for (const command of ['init', 'info', 'check', 'export', 'web']) {
      const help = context('en');
      expect(await runCli([command, '--help'], help.ctx)).toBe(0);
      expect(help.out()).toContain(`Usage: vitrine ${command}`);
    }
  });
});
