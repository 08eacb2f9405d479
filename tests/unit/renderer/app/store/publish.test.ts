import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiHandlers, webDialogs } from '../../../../../electron/core/api';
import { buildBridge, type ApiTransport } from '../../../../../shared/api';
import { createClient } from '../../../../../renderer/app/api/client';
import { connectEvents, createAppStore, type AppStore } from '../../../../../renderer/app/store';
import { startSshd, type SshdServer } from '../../../../servers/sshd';
import { makeLibrary, makeStoreLibrary } from '../../../electron/core/export/library-fixture';

/**
 * The publish slice over the real handler table, joined as the preload joins them, against a
 * real sshd: saving a target, the host key question (declined, then confirmed), a dry run, and
 * the web host's rule that a password is asked again after a publish.
 */
let server: SshdServer;
let lib: Awaited<ReturnType<typeof makeLibrary>>;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  [server, lib] = await Promise.all([startSshd(), makeLibrary()]);
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server?.stop();
  if (lib) await rm(lib.dir, { recursive: true, force: true });
});

async function rig(): Promise<AppStore> {
  const root = await mkdtemp(join(tmpdir(), 'vitrine-store-publish-'));
  const libraryDir = await makeStoreLibrary(lib, `store-publish-${Date.now()}`);
  const service = await createApiHandlers({
    appDataDir: join(root, 'app-data'),
    lang: 'de',
    dialogs: webDialogs,
    transport: 'web',
    version: '0.0.0-test',
    libraryDirOnStart: libraryDir,
    knownHostsFile: join(root, 'known_hosts.json'),
  });
  const transport: ApiTransport = {
    call: service.dispatch,
    subscribe: (event, listener) => service.on(event, listener),
  };
  const map = new Map<string, string>();
  const client = createClient({ vitrine: buildBridge(transport), language: () => 'de' });
  const store = createAppStore({
    client,
    storage: {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    },
  });
  const off = connectEvents(store, client);
  cleanups.push(async () => {
    off();
    await service.close();
    await rm(root, { recursive: true, force: true });
    await rm(libraryDir, { recursive: true, force: true });
  });
  await store.getState().appStarted();
  await vi.waitFor(() => expect(store.getState().snapshot).not.toBeNull());
  store.getState().exportFormChanged({ exhibitionId: 'x1' });
  return store;
}

const runStatus = (store: AppStore, status: string) =>
  vi.waitFor(() => expect(store.getState().publish.run.status).toBe(status), {
    timeout: 60_000,
  });

describe('publish slice', () => {
  it('saves a target, asks about the host key, dry-runs, publishes and forgets the password', async () => {
    const store = await rig();
    const s = () => store.getState();
    await s().publishTargetsRequested();
    expect(s().publish.list).toMatchObject({ targets: [], secretStorage: 'memory' });

    // A bad address: the form keeps what was typed and shows the publisher's message.
    s().publishTargetFormChanged({ name: 'Server', url: 'ftp://example.org/x' });
    await s().publishTargetSaved();
    expect(s().publish.formError?.code).toBe('PUBLISH_TARGET_INVALID');
    expect(s().publish.form.url).toBe('ftp://example.org/x');

    s().publishTargetFormChanged({
      url: `sftp://${server.user}@127.0.0.1:${server.port}${server.siteDir}/store`,
    });
    await s().publishTargetSaved();
    expect(s().publish.formError).toBeNull();
    expect(s().publish.list!.targets.map((t) => t.name)).toEqual(['Server']);
    expect(s().publish.selectedId).toBe(s().publish.list!.targets[0]!.id);

    // The unknown server is a question for the person; declining goes back to the form.
    s().publishSecretChanged(server.password);
    await s().publishStartRequested(true);
    expect(s().publish.run.status).toBe('hostKey');
    expect(s().publish.run.hostKey).toMatchObject({ host: '127.0.0.1', port: server.port });
    expect(s().publish.run.hostKey!.fingerprint).toMatch(/^SHA256:/);
    s().publishHostKeyDeclined();
    expect(s().publish.run.status).toBe('idle');

    await s().publishStartRequested(true);
    await s().publishHostKeyConfirmed();
    await runStatus(store, 'done');
    const dry = s().publish.run.result!;
    expect(dry.dryRun).toBe(true);
    expect(dry.upload).toContain('index.html');
    expect(s().publish.run.progress?.phase).toBe('done');
    // A dry run keeps the password for the real publish that usually follows.
    expect(s().publish.secret).toBe(server.password);

    s().publishRunDismissed();
    await s().publishStartRequested(false);
    await runStatus(store, 'done');
    expect(s().publish.run.result).toMatchObject({ dryRun: false, uploadCount: dry.uploadCount });
    expect(s().publish.secret).toBe('');

    // Without the password now: a clear message instead of a login attempt.
    s().publishRunDismissed();
    await s().publishStartRequested(false);
    expect(s().publish.run.status).toBe('failed');
    expect(s().publish.run.error?.code).toBe('PUBLISH_AUTH_FAILED');
  });
});
