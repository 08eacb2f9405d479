import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../../../electron/core/cli';
import { mediaPath } from '../../../../../../shared/domain';
import {
  createLibrary,
  openLibrary,
  readLibrarySnapshot,
} from '../../../../../../electron/core/library';
import { createSyntheticJpeg } from '../../../../../../electron/core/media';
import { exhibition, partnership } from '../../../../../fixtures/snapshot';
import { encode, GERMAN_EXCEL, writeFixture } from '../../../../../fixtures/tables/generate';
import { hashTree } from '../../library/helpers';
import { cliContext, tempDirs } from './harness';

/**
 * `vitrine import`, `pack` and `unpack` run their heavy part in the same worker module as the
 * app: the worker bundle is built as `npm run build` builds it, into a scratch folder in dist/
 * (so it finds node_modules), and the commands are pointed at it. Ctrl+C is the SIGINT the CLI
 * listens for, sent when the worker's first progress event has reached the progress bar.
 */
const repo = path.resolve(__dirname, '../../../../../..');
const tempDir = tempDirs('vitrine-cli-worker-');
let out: string;
let bundle: string;

beforeAll(async () => {
  out = path.join(repo, 'dist', `test-cli-worker-${process.pid}`);
  const { buildAll } = (await import(path.join(repo, 'electron/build.mjs'))) as {
    buildAll(o: { outDir: string; only: string[] }): Promise<Array<{ error?: unknown }>>;
  };
  const results = await buildAll({ outDir: out, only: ['worker'] });
  expect(results.filter((r) => r.error)).toEqual([]);
  bundle = path.join(out, 'electron', 'worker.cjs');
}, 120_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

function cli(lang: 'de' | 'en', workerBundle: string, onErr?: (text: string) => void) {
  const run = cliContext(lang);
  run.ctx.workerBundle = workerBundle;
  const stderr = run.ctx.stderr;
  run.ctx.stderr = (text) => {
    stderr(text);
    onErr?.(text);
  };
  return run;
}

/**
 * Ctrl+C once, the first time `text` appears on stderr (a progress line the worker's event fed).
 * The test runner's own SIGINT listeners are set aside meanwhile, so only the CLI's hears it.
 */
function ctrlCOn(marker: RegExp) {
  let sent = false;
  const others = process.listeners('SIGINT');
  for (const l of others) process.removeListener('SIGINT', l);
  return {
    onErr: (text: string) => {
      if (sent || !marker.test(text)) return;
      sent = true;
      process.emit('SIGINT');
    },
    sent: () => sent,
    others: others.length,
    restore: () => {
      for (const l of others) process.on('SIGINT', l);
    },
  };
}

/** The library's data and media as files, without backups and the lock (every open touches). */
async function dataFiles(dir: string) {
  const all = await hashTree(dir);
  return Object.fromEntries(
    Object.entries(all).filter(([k]) => !k.startsWith('backups') && !k.endsWith('.lock')),
  );
}

async function setup() {
  const root = await tempDir();
  const dir = path.join(root, 'lib');
  const lib = await createLibrary(dir, {
    name: 'CLI',
    languages: ['de', 'en'],
    defaultLanguage: 'de',
  });
  await lib.apply({
    type: 'batch',
    commands: [
      { type: 'putPartnership', partnership: partnership('leeds') },
      { type: 'putPartnership', partnership: partnership('amiens', { country: 'FR' }) },
    ],
  });
  await lib.close();
  const table = await writeFixture(root, 'bestand.csv', encode(GERMAN_EXCEL, 'win1252'));
  await writeFile(
    path.join(root, 'foto1.jpg'),
    await createSyntheticJpeg({ width: 160, height: 120 }),
  );
  return { root, dir, table };
}

describe('import, pack and unpack through the worker process', () => {
  it('imports with the worker’s progress, Ctrl+C leaves the library exactly as before, pack → unpack', async () => {
    const { root, dir, table } = await setup();
    const before = await dataFiles(dir);

    // Ctrl+C at the first media progress: exit 2, the message, the library as it was.
    const ctrlC = ctrlCOn(/Import \d+% Medien/);
    const cancelled = cli('de', bundle, ctrlC.onErr);
    try {
      expect(await runCli(['import', dir, '--table', table], cancelled.ctx)).toBe(2);
    } finally {
      ctrlC.restore();
    }
    expect(ctrlC.sent()).toBe(true);
    expect(cancelled.err()).toContain(
      'Der Import wurde abgebrochen; die Bibliothek ist unverändert.',
    );
    expect(await dataFiles(dir)).toEqual(before);
    // The command took its SIGINT listener away again (only the runner's are back).
    expect(process.listenerCount('SIGINT')).toBe(ctrlC.others);

    // The real run: progress lines from the worker, 4 items and the photo, exit 1 (a skipped row).
    const done = cli('en', bundle);
    expect(await runCli(['import', dir, '--table', table], done.ctx), done.err()).toBe(1);
    expect(done.err()).toMatch(/Import 100% media/);
    expect(done.out()).toContain('Import: 4 create, 0 update, 0 unchanged, 1 skipped');
    const snapshot = await readLibrarySnapshot(dir);
    expect(snapshot.items).toHaveLength(4);
    const photo = snapshot.items.flatMap((i) => i.media)[0]!;
    expect(existsSync(path.join(dir, mediaPath(photo)))).toBe(true);

    // pack → unpack into a second library, both through the worker.
    const lib = await openLibrary(dir);
    await lib.apply({
      type: 'putExhibition',
      exhibition: exhibition('treffen', {
        chapters: [
          {
            id: 'ch-1',
            title: { de: 'Eins' },
            blocks: snapshot.items.map((i, n) => ({ id: `b${n}`, type: 'item', itemId: i.id })),
          },
        ],
      }),
    });
    await lib.close();
    const pkg = path.join(root, 'treffen.vitrine');
    const packed = cli('en', bundle);
    expect(
      await runCli(['pack', dir, '--exhibition', 'treffen', '--out', pkg], packed.ctx),
      packed.err(),
    ).toBe(0);
    expect(packed.err()).toMatch(/Package 100%/);

    const second = path.join(root, 'zweite');
    await (
      await createLibrary(second, { name: 'Zwei', languages: ['de'], defaultLanguage: 'de' })
    ).close();
    const secondBefore = await dataFiles(second);
    const ctrlC2 = ctrlCOn(/Paket \d+%/);
    const stopped = cli('de', bundle, ctrlC2.onErr);
    try {
      expect(await runCli(['unpack', pkg, '--into', second], stopped.ctx)).toBe(2);
    } finally {
      ctrlC2.restore();
    }
    expect(ctrlC2.sent()).toBe(true);
    expect(stopped.err()).toContain('Abgebrochen; es wurde nichts geschrieben.');
    expect(await dataFiles(second)).toEqual(secondBefore);

    const unpacked = cli('en', bundle);
    expect(await runCli(['unpack', pkg, '--into', second], unpacked.ctx), unpacked.err()).toBe(0);
    expect(unpacked.out()).toMatch(/Unpacked: treffen — \d+ added/);
    const copy = await readLibrarySnapshot(second);
    expect(copy.items.map((i) => i.id).sort()).toEqual(snapshot.items.map((i) => i.id).sort());
    expect(existsSync(path.join(second, mediaPath(photo)))).toBe(true);
  }, 180_000);

  it('fails with the worker’s message when the worker dies, so the commands went through it', async () => {
    const { root, dir, table } = await setup();
    const dying = path.join(root, 'worker.cjs');
    await writeFile(dying, 'process.exit(3);\n');
    const before = await dataFiles(dir);
    for (const args of [
      ['import', dir, '--table', table],
      ['import', dir, '--table', table, '--dry-run'],
      ['pack', dir, '--exhibition', 'x', '--out', path.join(root, 'x.vitrine')],
    ]) {
      const run = cli('en', dying);
      expect(await runCli(args, run.ctx)).toBe(2);
      expect(run.err()).toMatch(/background process .* ended unexpectedly \(code 3\)/);
    }
    expect(await dataFiles(dir)).toEqual(before);
  }, 60_000);
});
