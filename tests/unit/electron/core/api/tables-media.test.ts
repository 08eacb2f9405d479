import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiService } from '../../../../../electron/core/api';
import type { Dialogs } from '../../../../../electron/core/api';
import type { MediaFolder, TableImportReport, TablePreview } from '../../../../../shared/api';
import { encode, GERMAN_EXCEL } from '../../../../fixtures/tables/generate';
import { scriptedDialogs, tempDir, treeContents } from './helpers';
import { tableService, value } from './table-service';

const cleanup: { dirs: string[]; open: ApiService[] } = { dirs: [], open: [] };
afterEach(async () => {
  while (cleanup.open.length) await cleanup.open.pop()!.close();
  while (cleanup.dirs.length) await rm(cleanup.dirs.pop()!, { recursive: true, force: true });
});

const jpeg = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .jpeg()
    .toBuffer();

describe('table import media over the API', () => {
  it('stages an uploaded folder, resolves the media column inside it, imports with progress', async () => {
    const { s, upload } = await tableService(cleanup);
    const table = await upload('Bestand.csv', encode(GERMAN_EXCEL, 'win1252'));
    const photo = await upload('foto1.jpg', await jpeg());
    const other = await upload('x.jpg', await jpeg());
    const folder = value<MediaFolder>(
      await s.dispatch('tables.stageMedia', {
        name: 'Fotos',
        files: [
          { id: photo.id, path: 'foto1.jpg' },
          { id: other.id, path: 'unter/x.jpg' },
          // Gone (already consumed): left out, not an error.
          { id: 'f'.repeat(32), path: 'weg.jpg' },
        ],
      }),
    );
    expect(folder).toMatchObject({ name: 'Fotos', files: 2 });
    const { mapping } = value<TablePreview>(await s.dispatch('tables.preview', { upload: table }));
    const dry = value<TableImportReport>(
      await s.dispatch('tables.dryRun', { upload: table, mapping, mediaFolder: folder.folderId }),
    );
    // Row 1 names foto1.jpg: found in the staged folder now (without it: "file not found").
    expect(dry.rows[0]).toMatchObject({ action: 'create' });
    expect(dry.counts).toEqual({ create: 4, update: 0, unchanged: 0, skipped: 1 });

    const events: { taskId: string; step?: string }[] = [];
    s.on('progress', (e) => events.push(e));
    const done = value<TableImportReport>(
      await s.dispatch('tables.import', {
        upload: table,
        mapping,
        mediaFolder: folder.folderId,
        taskId: 'table-media-1',
      }),
    );
    expect(done.counts.create).toBe(4);
    expect(events.filter((e) => e.taskId === 'table-media-1').map((e) => e.step)).toContain(
      'media',
    );
    const items = value<{ items: { media: unknown[] }[] }>(
      await s.dispatch('library.snapshot', {}),
    ).items;
    expect(items.filter((i) => i.media.length === 1)).toHaveLength(1);
    // The staged folder went into the library and is gone; it cannot be named again.
    const again = await s.dispatch('tables.dryRun', {
      upload: await upload('b.csv', encode(GERMAN_EXCEL, 'win1252')),
      mapping,
      mediaFolder: folder.folderId,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses staged paths that leave the folder and folder ids it never gave out', async () => {
    const { s, upload } = await tableService(cleanup);
    const photo = await upload('a.jpg', await jpeg());
    for (const path of ['../a.jpg', '/etc/a.jpg', 'C:/a.jpg', 'a/../../b.jpg', 'a//b.jpg']) {
      const answer = await s.dispatch('tables.stageMedia', {
        name: 'x',
        files: [{ id: photo.id, path }],
      });
      expect(answer, path).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const table = await upload('t.csv', 'Titel;Datei\nA;a.jpg\n');
    const unknown = await s.dispatch('tables.dryRun', {
      upload: table,
      mapping: [],
      mediaFolder: 'media-0123456789abcdef',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('cancel during the media phase leaves the library exactly as before', async () => {
    const { s, libraryDir, upload } = await tableService(cleanup);
    const files = [];
    const lines = ['Titel;Datei'];
    for (let i = 0; i < 4; i++) {
      const bytes = await sharp({
        create: { width: 64 + i, height: 48, channels: 3, background: '#3c3' },
      })
        .jpeg()
        .toBuffer();
      files.push({ id: (await upload(`f${i}.jpg`, bytes)).id, path: `f${i}.jpg` });
      lines.push(`Bild ${i};f${i}.jpg`);
    }
    const folder = value<MediaFolder>(
      await s.dispatch('tables.stageMedia', { name: 'Fotos', files }),
    );
    const table = await upload('t.csv', lines.join('\n'));
    const { mapping } = value<TablePreview>(await s.dispatch('tables.preview', { upload: table }));
    const before = await treeContents(libraryDir);
    let asked: Promise<unknown> | null = null;
    // Cancel tied to the import's own first progress report, as the wizard's button would.
    s.on('progress', (e) => {
      if (e.taskId === 'table-cancel-1' && !asked)
        asked = s.dispatch('tasks.cancel', { taskId: 'table-cancel-1' });
    });
    const answer = await s.dispatch('tables.import', {
      upload: table,
      mapping,
      mediaFolder: folder.folderId,
      taskId: 'table-cancel-1',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await asked).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(await treeContents(libraryDir)).toEqual(before);
    expect(await s.dispatch('tasks.cancel', { taskId: 'table-cancel-1' })).toMatchObject({
      ok: true,
      value: { cancelled: false },
    });
    // The upload and the staged folder stay after a cancel, so the same run can start again.
    const retry = value<TableImportReport>(
      await s.dispatch('tables.import', { upload: table, mapping, mediaFolder: folder.folderId }),
    );
    expect(retry.counts).toMatchObject({ create: 4, skipped: 0 });
  });

  it('desktop: main’s dialogs choose the table (copied to an upload) and the media folder', async () => {
    const outside = await tempDir('vitrine-table-src-');
    cleanup.dirs.push(outside);
    await mkdir(join(outside, 'Fotos'));
    await writeFile(join(outside, 'Fotos', 'foto1.jpg'), await jpeg());
    const tableFile = join(outside, 'Bestand.csv');
    await writeFile(tableFile, encode(GERMAN_EXCEL, 'win1252'));
    const dialogs: Dialogs = {
      ...scriptedDialogs({}),
      chooseFile: async (kind) => (kind === 'table' ? tableFile : null),
      chooseMediaFolder: async () => join(outside, 'Fotos'),
    };
    const { s } = await tableService(cleanup, dialogs);
    const chosen = value<{ upload: { id: string; name: string } }>(
      await s.dispatch('files.chooseUpload', { kind: 'table' }),
    );
    expect(chosen.upload.name).toBe('Bestand.csv');
    expect(value(await s.dispatch('files.chooseUpload', { kind: 'package' }))).toBeNull();
    const folder = value<MediaFolder>(await s.dispatch('tables.chooseMediaFolder', {}));
    expect(folder).toMatchObject({ name: 'Fotos', files: null });
    const { mapping } = value<TablePreview>(
      await s.dispatch('tables.preview', { upload: chosen.upload }),
    );
    const done = value<TableImportReport>(
      await s.dispatch('tables.import', {
        upload: chosen.upload,
        mapping,
        mediaFolder: folder.folderId,
      }),
    );
    expect(done.rows[0]).toMatchObject({ action: 'create' });
    // The person's own files stay where and as they were.
    expect((await readdir(join(outside, 'Fotos'))).sort()).toEqual(['foto1.jpg']);
    expect((await readdir(outside)).sort()).toEqual(['Bestand.csv', 'Fotos']);
  });

  it('the web host has no dialogs: a clear FORBIDDEN', async () => {
    const { s } = await tableService(cleanup);
    for (const [method, input] of [
      ['files.chooseUpload', { kind: 'table' }],
      ['tables.chooseMediaFolder', {}],
    ] as const) {
      const answer = await s.dispatch(method, input);
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
