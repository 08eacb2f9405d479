import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEventPayload, ApiResult, PublishTargetsView } from '../../../../../shared/api';
import { createApiHandlers, webDialogs, type ApiService } from '../../../../../electron/core/api';
import {
  createSecretStore,
  MANIFEST_NAME,
  type Cipher,
} from '../../../../../electron/core/publish';
import { PUBLISH_TARGETS_FILE } from '../../../../../electron/core/publish/saved-targets';
import { startSshd, type SshdServer } from '../../../../servers/sshd';
import { makeLibrary, makeStoreLibrary } from '../export/library-fixture';
import { tempDir } from './helpers';

/**
 * The publishing methods of the API against a real OpenSSH server: saved targets without
 * secrets, the first-use host key question, wrong password, dry run, publish with progress,
 * a changed host key — and that no secret ever lands in the library folder.
 */
const X = 'x1';
let server: SshdServer;
let lib: Awaited<ReturnType<typeof makeLibrary>>;
const dirs: string[] = [];
const services: ApiService[] = [];

beforeAll(async () => {
  [server, lib] = await Promise.all([startSshd(), makeLibrary()]);
});
afterAll(async () => {
  for (const s of services) await s.close();
  await server?.stop();
  if (lib) await rm(lib.dir, { recursive: true, force: true });
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function ok<T>(result: ApiResult<unknown>): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { value: T }).value;
}

function failure(result: ApiResult<unknown>) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as { error: { code: string; message: string; details?: unknown } }).error;
}

async function service(name: string, secrets?: Cipher) {
  const libraryDir = await makeStoreLibrary(lib, `${name}-${Date.now()}`);
  const appDataDir = await tempDir();
  const configDir = await tempDir('vitrine-config-');
  dirs.push(libraryDir, appDataDir, configDir);
  const s = await createApiHandlers({
    appDataDir,
    lang: 'de',
    dialogs: webDialogs,
    transport: secrets ? 'electron' : 'web',
    version: 'test',
    libraryDirOnStart: libraryDir,
    knownHostsFile: join(configDir, 'known_hosts.json'),
    ...(secrets ? { secrets: createSecretStore(appDataDir, secrets) } : {}),
    logError: () => undefined,
  });
  services.push(s);
  const progress: ApiEventPayload<'publishProgress'>[] = [];
  s.on('publishProgress', (p) => progress.push(p));
  let n = 0;
  /** Starts a publish and waits for its end (the finished event, never a fixed time). */
  async function publish(input: Record<string, unknown>) {
    const taskId = `publish-${name}-${n++}`.toLowerCase();
    const finished = new Promise<ApiEventPayload<'publishFinished'>>((resolve) => {
      const off = s.on('publishFinished', (e) => {
        if (e.taskId !== taskId) return;
        off();
        resolve(e);
      });
    });
    const started = await s.dispatch('publish.start', { taskId, exhibitionId: X, ...input });
    if (!started.ok) return { started, finished: null };
    return { started, finished: await finished };
  }
  return { s, libraryDir, appDataDir, progress, publish };
}

const targetUrl = (folder: string) =>
  `sftp://${server.user}@127.0.0.1:${server.port}${server.siteDir}/${folder}`;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Proves that `secret` appears in no file below `dir` (text or binary). */
async function expectNowhere(dir: string, secret: string): Promise<void> {
  const needle = Buffer.from(secret);
  for (const file of await filesUnder(dir))
    expect((await readFile(file)).includes(needle), `${secret} found in ${file}`).toBe(false);
}

/** A reversible stand-in for safeStorage whose output never contains the plain text. */
function fakeCipher(weak: boolean): Cipher {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    available: async () => true,
    weak: () => weak,
    encrypt: async (plain) => flip(Buffer.from(plain)),
    decrypt: async (data) => ({ plain: flip(data).toString(), reEncrypt: false }),
  };
}

describe('publishing through the API (web host: secrets in memory only)', () => {
  it('saves targets, asks about the host key, refuses a wrong password, dry-runs and publishes', async () => {
    const { s, libraryDir, appDataDir, progress, publish } = await service('web');
    const empty = ok<PublishTargetsView>(await s.dispatch('publish.targets', {}));
    expect(empty).toEqual({ targets: [], secretStorage: 'memory', savedSecrets: [] });

    // A password in the address is refused before anything is saved.
    const withPassword = failure(
      await s.dispatch('publish.saveTarget', {
        name: 'Mit Passwort',
        url: `sftp://${server.user}:${server.password}@127.0.0.1:${server.port}/x`,
        auth: 'password',
      }),
    );
    expect(withPassword.code).toBe('PUBLISH_TARGET_INVALID');
    expect(existsSync(join(libraryDir, PUBLISH_TARGETS_FILE))).toBe(false);

    const saved = ok<PublishTargetsView>(
      await s.dispatch('publish.saveTarget', {
        name: 'Testserver',
        url: targetUrl('api-web'),
        auth: 'password',
      }),
    );
    expect(saved.targets).toHaveLength(1);
    const targetId = saved.targets[0]!.id;
    expect(saved.targets[0]).toMatchObject({ name: 'Testserver', auth: 'password' });

    // No password: asked for, nothing attempted.
    expect(failure((await publish({ targetId })).started).code).toBe('PUBLISH_AUTH_FAILED');

    // First contact: the call answers the fingerprint for the dialog; nothing is trusted yet.
    const unknown = failure((await publish({ targetId, secret: server.password })).started);
    expect(unknown.code).toBe('PUBLISH_HOST_KEY_UNKNOWN');
    const fingerprint = (unknown.details as { presented: string }).presented;
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    // Confirming a different fingerprint than the server presents is still refused.
    const other = `SHA256:${'A'.repeat(43)}`;
    expect(
      failure((await publish({ targetId, secret: server.password, trustHostKey: other })).started)
        .code,
    ).toBe('PUBLISH_HOST_KEY_UNKNOWN');

    // Confirmed, but with a wrong password: a clear message, the server untouched.
    const wrong = failure(
      (await publish({ targetId, secret: 'falsch', trustHostKey: fingerprint })).started,
    );
    expect(wrong.code).toBe('PUBLISH_AUTH_FAILED');
    expect(wrong.message).toMatch(/Passwort oder Schlüssel stimmt nicht/);
    expect(existsSync(join(server.siteDir, 'api-web'))).toBe(false);

    // Dry run (the key is now known, no confirmation needed): lists files, uploads nothing.
    const dry = await publish({ targetId, secret: server.password, dryRun: true });
    const dryResult = dry.finished!.result!;
    expect(dry.finished!.error).toBeUndefined();
    expect(dryResult.dryRun).toBe(true);
    expect(dryResult.upload).toContain('index.html');
    expect(dryResult.upload.at(-1)).toMatch(/index\.html$/);
    expect(dryResult.uploadCount).toBe(dryResult.upload.length);
    expect(existsSync(join(server.siteDir, 'api-web', 'index.html'))).toBe(false);

    // The real publish: progress runs from the export through the upload to done.
    progress.length = 0;
    const real = await publish({ targetId, secret: server.password });
    const result = real.finished!.result!;
    expect(result.dryRun).toBe(false);
    expect(result.uploadCount).toBe(dryResult.uploadCount);
    const phases = new Set(progress.map((p) => p.phase));
    for (const phase of ['connect', 'export', 'upload', 'done'] as const)
      expect(phases.has(phase), phase).toBe(true);
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ phase: 'done', done: result.uploadCount });
    expect(last.bytesDone).toBe(last.bytesTotal);
    for (const rel of dryResult.upload)
      expect(existsSync(join(server.siteDir, 'api-web', ...rel.split('/'))), rel).toBe(true);
    expect(existsSync(join(server.siteDir, 'api-web', MANIFEST_NAME))).toBe(true);

    // Nothing changed since: a dry run lists nothing to upload.
    const again = await publish({ targetId, secret: server.password, dryRun: true });
    expect(again.finished!.result).toMatchObject({ uploadCount: 0, removeCount: 0 });

    // The secret is in no file of the library nor of the app data folder.
    await expectNowhere(libraryDir, server.password);
    await expectNowhere(appDataDir, server.password);
    expect(JSON.parse(await readFile(join(libraryDir, PUBLISH_TARGETS_FILE), 'utf8'))).toEqual({
      format: 'vitrine-publish-targets',
      targets: [{ id: targetId, name: 'Testserver', url: targetUrl('api-web'), auth: 'password' }],
    });

    // Removing the target removes it from the library's settings.
    const removed = ok<PublishTargetsView>(
      await s.dispatch('publish.removeTarget', { id: targetId }),
    );
    expect(removed.targets).toEqual([]);
  });
});

describe('publishing through the API (desktop: secrets with the OS encryption)', () => {
  it('keeps a confirmed password encrypted outside the library and reuses it', async () => {
    const { s, libraryDir, appDataDir, publish } = await service('desktop', fakeCipher(false));
    const view = ok<PublishTargetsView>(
      await s.dispatch('publish.saveTarget', {
        name: 'Desktop',
        url: targetUrl('api-desktop'),
        auth: 'password',
      }),
    );
    expect(view.secretStorage).toBe('stored');
    const targetId = view.targets[0]!.id;
    const unknown = failure((await publish({ targetId, secret: server.password })).started);
    const fingerprint = (unknown.details as { presented: string }).presented;
    // A wrong password is never saved.
    await publish({ targetId, secret: 'falsch', saveSecret: true, trustHostKey: fingerprint });
    expect(ok<PublishTargetsView>(await s.dispatch('publish.targets', {})).savedSecrets).toEqual(
      [],
    );
    const first = await publish({
      targetId,
      secret: server.password,
      saveSecret: true,
      dryRun: true,
    });
    expect(first.finished!.result!.dryRun).toBe(true);
    expect(ok<PublishTargetsView>(await s.dispatch('publish.targets', {})).savedSecrets).toEqual([
      targetId,
    ]);
    // Without typing it again: the saved password logs in.
    const second = await publish({ targetId, dryRun: true });
    expect(second.finished!.result!.uploadCount).toBeGreaterThan(0);
    await expectNowhere(libraryDir, server.password);
    await expectNowhere(appDataDir, server.password);
    // Removing the target forgets its password.
    await s.dispatch('publish.removeTarget', { id: targetId });
    expect(JSON.parse(await readFile(join(appDataDir, 'publish-secrets.json'), 'utf8'))).toEqual({
      format: 1,
      secrets: {},
    });
  });

  it('with only obfuscation (Linux basic_text) says so and saves nothing', async () => {
    const { s, appDataDir } = await service('weak', fakeCipher(true));
    const view = ok<PublishTargetsView>(await s.dispatch('publish.targets', {}));
    expect(view.secretStorage).toBe('weak');
    expect(existsSync(join(appDataDir, 'publish-secrets.json'))).toBe(false);
  });
});

describe('cancel', () => {
  it('stops a publish that has started and tells the page so; nothing reaches the server', async () => {
    const { s } = await service('cancel');
    const view = ok<PublishTargetsView>(
      await s.dispatch('publish.saveTarget', {
        name: 'C',
        url: targetUrl('api-c'),
        auth: 'password',
      }),
    );
    const targetId = view.targets[0]!.id;
    const first = failure(
      await s.dispatch('publish.start', {
        taskId: 'publish-cancel-probe',
        exhibitionId: X,
        targetId,
        secret: server.password,
      }),
    );
    const fingerprint = (first.details as { presented: string }).presented;
    const taskId = 'publish-cancel-run';
    // Cancelled the moment the run reports that it is connecting: tied to the event, not a time.
    const answers: Promise<unknown>[] = [];
    s.on('publishProgress', (p) => {
      if (p.taskId === taskId && p.phase === 'connect')
        answers.push(s.dispatch('publish.cancel', { taskId }));
    });
    const finished = new Promise<ApiEventPayload<'publishFinished'>>((resolve) =>
      s.on('publishFinished', (e) => e.taskId === taskId && resolve(e)),
    );
    ok(
      await s.dispatch('publish.start', {
        taskId,
        exhibitionId: X,
        targetId,
        secret: server.password,
        trustHostKey: fingerprint,
      }),
    );
    expect(await Promise.all(answers)).toEqual([{ ok: true, value: { cancelled: true } }]);
    const end = await finished;
    expect(end.error?.code).toBe('CANCELLED');
    expect(existsSync(join(server.siteDir, 'api-c', 'index.html'))).toBe(false);
    // Over: a second cancel finds nothing running.
    expect(await s.dispatch('publish.cancel', { taskId })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });
});

describe('a changed host key', () => {
  it('is refused even when a fingerprint is confirmed', async () => {
    const { s, publish } = await service('hostkey');
    const view = ok<PublishTargetsView>(
      await s.dispatch('publish.saveTarget', {
        name: 'K',
        url: targetUrl('api-k'),
        auth: 'password',
      }),
    );
    const targetId = view.targets[0]!.id;
    const unknown = failure((await publish({ targetId, secret: server.password })).started);
    const fingerprint = (unknown.details as { presented: string }).presented;
    await publish({ targetId, secret: server.password, trustHostKey: fingerprint, dryRun: true });
    await server.restartWithNewHostKey();
    const changed = failure(
      (await publish({ targetId, secret: server.password, trustHostKey: fingerprint })).started,
    );
    expect(changed.code).toBe('PUBLISH_HOST_KEY_CHANGED');
    const presented = (changed.details as { presented: string }).presented;
    const refused = failure(
      (await publish({ targetId, secret: server.password, trustHostKey: presented })).started,
    );
    expect(refused.code).toBe('PUBLISH_HOST_KEY_CHANGED');
    expect(refused.message).toMatch(/Angriff/);
  });
});
