import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers, type ApiService } from '../../../../../electron/core/api';
import { createSyntheticJpeg } from '../../../../../electron/core/media';
import { startWebHost, type WebHost } from '../../../../../electron/core/web';
import type { Item } from '../../../../../shared/domain';
import { scriptedDialogs, tempDir } from '../api/helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Envelope = { ok: boolean; value?: any; error?: { code: string; message: string } };

let host: WebHost;
let service: ApiService;
let uploads: string;

async function upload(body: Buffer, token = true): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${host.origin}/upload`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      ...(token ? { authorization: `Bearer ${host.token}` } : {}),
    },
    body: new Uint8Array(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

async function api(method: string, input: unknown) {
  const res = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as Envelope;
}

beforeAll(async () => {
  const root = await tempDir('vitrine-upload-');
  service = await createApiHandlers({
    appDataDir: join(root, 'appdata'),
    lang: 'en',
    dialogs: scriptedDialogs({ newLibrary: join(root, 'lib') }),
    transport: 'web',
    version: 'test',
    logError: () => undefined,
  });
  uploads = service.uploadDir();
  expect((await service.dispatch('library.createDialog', { name: 'Up' })).ok).toBe(true);
  host = await startWebHost({ service, rendererDir: null, logError: () => undefined });
});

afterAll(async () => {
  await host?.close();
  await service?.close();
});

describe('upload route and media.importUploads', () => {
  it('refuses uploads without the token', async () => {
    const answer = await upload(Buffer.from('x'), false);
    expect(answer.status).toBe(401);
    expect(await readdir(uploads)).toEqual([]);
  });

  it('imports uploaded files under their own names, reports duplicates and corrupt files, and consumes the uploads', async () => {
    const photo = await createSyntheticJpeg({ width: 80, height: 60, seed: 3 });
    const big = await createSyntheticJpeg({ width: 1200, height: 900, seed: 7 });
    const cut = big.subarray(0, Math.floor(big.length / 2));
    const ids: string[] = [];
    for (const body of [photo, photo, cut]) {
      const answer = await upload(body);
      expect(answer.status).toBe(200);
      const id = (answer.json as { value: { uploadId: string } }).value.uploadId;
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      ids.push(id);
    }
    expect((await readdir(uploads)).sort()).toEqual([...ids].sort());

    const result = await api('media.importUploads', {
      uploads: [
        { id: ids[0], name: '../../etc/Rathaus 1974.jpg' },
        { id: ids[1], name: 'Kopie.jpg' },
        { id: ids[2], name: 'kaputt.jpg' },
        { id: 'f'.repeat(32), name: 'gone.jpg' },
      ],
    });
    expect(result.ok).toBe(true);
    expect(result.value.itemIds).toHaveLength(1);
    const failed = result.value.failed as {
      name: string;
      error: { code: string; message: string };
    }[];
    expect(failed.map((f) => [f.name, f.error.code])).toEqual([
      ['gone.jpg', 'NOT_FOUND'],
      ['Kopie.jpg', 'MEDIA_DUPLICATE'],
      ['kaputt.jpg', 'MEDIA_CORRUPT'],
    ]);
    // The random upload id never shows in a message: people see their file's name.
    for (const f of failed) for (const id of ids) expect(f.error.message).not.toContain(id);
    const snap = await api('library.snapshot', {});
    const item = (snap.value.items as Item[]).find((i) => i.id === result.value.itemIds[0])!;
    expect(item.media[0]!.originalName).toBe('Rathaus 1974.jpg');
    expect(await readdir(uploads)).toEqual([]);
  });

  it('rejects ids that are not upload ids before anything runs', async () => {
    const result = await api('media.importUploads', { uploads: [{ id: '../library', name: 'x' }] });
    expect(result.ok).toBe(false);
    expect(result.error!.code).toBe('INVALID_INPUT');
  });
});
