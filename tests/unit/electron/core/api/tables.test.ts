import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiService } from '../../../../../electron/core/api';
import type { TableImportReport, TablePreview } from '../../../../../shared/api/tables';
import { encode, GERMAN_EXCEL } from '../../../../fixtures/tables/generate';
import { treeContents } from './helpers';
import { tableService, value } from './table-service';

const cleanup: { dirs: string[]; open: ApiService[] } = { dirs: [], open: [] };
afterEach(async () => {
  while (cleanup.open.length) await cleanup.open.pop()!.close();
  while (cleanup.dirs.length) await rm(cleanup.dirs.pop()!, { recursive: true, force: true });
});

const service = () => tableService(cleanup);

describe('table import through the API', () => {
  it('preview → dry run (nothing written) → import as one undo step → undo', async () => {
    const { s, libraryDir, upload } = await service();
    const file = await upload('Bestand 2024.csv', encode(GERMAN_EXCEL, 'win1252'));
    const preview = value<TablePreview>(await s.dispatch('tables.preview', { upload: file }));
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      rowCount: 5,
    });
    expect(preview.mapping.find((m) => m.column === 'Titel (Englisch)')).toEqual({
      column: 'Titel (Englisch)',
      field: 'title',
      lang: 'en',
    });
    // The page sends no folder: the media column resolves nowhere, so that row is skipped.
    const mapping = preview.mapping;
    const before = await treeContents(libraryDir);
    const dry = value<TableImportReport>(
      await s.dispatch('tables.dryRun', { upload: file, mapping }),
    );
    expect(dry.counts).toEqual({ create: 3, update: 0, unchanged: 0, skipped: 2 });
    expect(dry.rows[0]!.reasons[0]).toMatchObject({ code: 'file-not-found', value: 'foto1.jpg' });
    expect(await treeContents(libraryDir)).toEqual(before);

    const events: unknown[] = [];
    s.on('progress', (e) => events.push(e));
    const done = value<TableImportReport>(
      await s.dispatch('tables.import', { upload: file, mapping, saveAs: 'Altbestand' }),
    );
    expect(done.counts.create).toBe(3);
    expect(events.length).toBeGreaterThan(0);
    const snapshot = value<{ items: unknown[] }>(await s.dispatch('library.snapshot', {}));
    expect(snapshot.items).toHaveLength(3);
    // The upload is consumed by the import.
    await expect(stat(join(s.uploadDir(), file.id))).rejects.toThrow();
    const again = value<TablePreview>(
      await s.dispatch('tables.preview', { upload: await upload('x.csv', 'Titel\nA\n') }),
    );
    expect(again.saved.map((m) => m.name)).toEqual(['Altbestand']);
    value(await s.dispatch('library.apply', { command: done.undo! }));
    expect(
      value<{ items: unknown[] }>(await s.dispatch('library.snapshot', {})).items,
    ).toHaveLength(0);
  });

  it('answers bad tables and unknown uploads with a message naming the person’s file', async () => {
    const { s, upload } = await service();
    const empty = await s.dispatch('tables.preview', { upload: await upload('leer.csv', '') });
    expect(empty).toMatchObject({ ok: false, error: { code: 'FILE_EMPTY' } });
    expect(JSON.stringify(empty)).toContain('leer.csv');
    const gone = await s.dispatch('tables.preview', {
      upload: { id: 'a'.repeat(32), name: 'weg.csv' },
    });
    expect(gone).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
    expect(JSON.stringify(gone)).toContain('weg.csv');
    const path = await s.dispatch('tables.preview', {
      upload: { id: '../../etc/passwd', name: 'x' },
    });
    expect(path).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
