import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import {
  createKnownHosts,
  MANIFEST_NAME,
  openRemote,
  parsePublishTarget,
  syncBundle,
  type KnownHostsStore,
  type SshCredentials,
} from '../../../electron/core/publish';
import { startSshd, type SshdServer } from '../../servers/sshd';
import { bundleFiles, listDirs, readTree, writeBundle } from './bundle-fixture';

let server: SshdServer;
let work: string;
let knownHosts: KnownHostsStore;
const trustFirstUse = async () => true;

beforeAll(async () => {
  server = await startSshd();
  work = await mkdtemp(path.join(os.tmpdir(), 'vitrine-publish-sftp-'));
  knownHosts = createKnownHosts(path.join(work, 'config', 'known_hosts.json'));
});
afterAll(async () => {
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

function url(folder: string): string {
  return `sftp://${server.user}@127.0.0.1:${server.port}${server.siteDir}/${folder}`;
}

async function publish(
  folder: string,
  localDir: string,
  opts: {
    credentials?: SshCredentials;
    signal?: AbortSignal;
    onUploaded?: (rel: string) => void;
    dryRun?: boolean;
    hosts?: KnownHostsStore;
    confirm?: (fp: string) => Promise<boolean>;
  } = {},
) {
  const remote = await openRemote(parsePublishTarget(url(folder)), {
    credentials: opts.credentials ?? { password: server.password },
    knownHosts: opts.hosts ?? knownHosts,
    confirmHostKey: opts.confirm ?? trustFirstUse,
  });
  try {
    return await syncBundle({
      localDir,
      remote,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onUploaded ? { onUploaded: opts.onUploaded } : {}),
      ...(opts.dryRun ? { dryRun: true } : {}),
    });
  } finally {
    await remote.close();
  }
}

async function rejected(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const app = err as AppError;
  // Every failure speaks both languages.
  expect(app.messages.de.length).toBeGreaterThan(20);
  expect(app.messages.en.length).toBeGreaterThan(20);
  return app;
}

describe('publishing over SFTP to a real sshd', () => {
  it('publishes, re-publishes nothing, uploads only an edit, and deletes removed files last', async () => {
    const local = path.join(work, 'bundle-a');
    const files = bundleFiles(1);
    await writeBundle(local, files);

    const order: string[] = [];
    const first = await publish('a', local, { onUploaded: (rel) => order.push(rel) });
    const site = path.join(server.siteDir, 'a');
    expect(await readTree(site)).toEqual(files);
    expect(first.uploaded).toHaveLength(Object.keys(files).length);
    // Assets before pages, the start pages last.
    const firstHtml = order.findIndex((rel) => rel.endsWith('.html'));
    expect(order.slice(firstHtml).every((rel) => rel.endsWith('.html'))).toBe(true);
    expect(order.slice(-3).every((rel) => rel.endsWith('index.html'))).toBe(true);
    const manifest = JSON.parse(await readFile(path.join(site, MANIFEST_NAME), 'utf8'));
    expect(manifest.complete).toBe(true);
    expect(Object.keys(manifest.files).sort()).toEqual(Object.keys(files).sort());

    const again = await publish('a', local);
    expect(again.uploaded).toEqual([]);
    expect(again.removed).toEqual([]);
    expect(again.plan.unchanged).toBe(Object.keys(files).length);

    // One chapter edited: only that page goes up.
    const edited = { ...files, 'de/kapitel-2.html': '<!doctype html><title>Kapitel 2 neu</title>' };
    await writeBundle(local, edited);
    const dry = await publish('a', local, { dryRun: true });
    expect(dry.plan.upload).toEqual(['de/kapitel-2.html']);
    expect(await readTree(site)).toEqual(files);
    const edit = await publish('a', local);
    expect(edit.uploaded).toEqual(['de/kapitel-2.html']);
    expect(await readTree(site)).toEqual(edited);

    // A chapter and a whole media folder removed: deleted, the empty folder with them.
    const smaller: Record<string, string> = { ...edited };
    delete smaller['en/chapter-2.html'];
    delete smaller['media/extra/c.jpg'];
    await writeBundle(local, smaller);
    const del = await publish('a', local);
    expect(del.uploaded).toEqual([]);
    expect(del.removed.sort()).toEqual(['en/chapter-2.html', 'media/extra/c.jpg']);
    expect(await readTree(site)).toEqual(smaller);
    expect(await listDirs(site)).not.toContain('media/extra');
  });

  it('logs in with a key as well as with a password', async () => {
    const local = path.join(work, 'bundle-key');
    await writeBundle(local, bundleFiles(1));
    const result = await publish('key', local, { credentials: { privateKey: server.clientKey } });
    expect(result.uploaded.length).toBe(Object.keys(bundleFiles(1)).length);
  });

  it('resumes an interrupted publish; the old pages stay until the new ones are complete', async () => {
    const local = path.join(work, 'bundle-resume');
    await writeBundle(local, bundleFiles(1));
    await publish('resume', local);
    const site = path.join(server.siteDir, 'resume');
    // Version 2 changes every file, so the upload is long enough to interrupt.
    const v2 = Object.fromEntries(
      Object.entries(bundleFiles(2)).map(([rel, text]) => [rel, `${text} v2`]),
    );
    await writeBundle(local, v2);
    const controller = new AbortController();
    const arrived: string[] = [];
    const err = await rejected(
      publish('resume', local, {
        signal: controller.signal,
        onUploaded: (rel) => {
          arrived.push(rel);
          if (arrived.length === 3) controller.abort();
        },
      }),
    );
    expect(err.code).toBe('CANCELLED');
    const during = await readTree(site);
    // No page was replaced: assets go first, and the interruption came among them.
    expect(during['index.html']).toBe(bundleFiles(1)['index.html']);
    expect(during['de/kapitel-1.html']).toBe(bundleFiles(1)['de/kapitel-1.html']);
    const manifest = JSON.parse(await readFile(path.join(site, MANIFEST_NAME), 'utf8'));
    expect(manifest.complete).toBe(false);

    const resumed = await publish('resume', local);
    expect(resumed.resumed).toBe(true);
    for (const rel of arrived) expect(resumed.uploaded).not.toContain(rel);
    expect(resumed.uploaded.length + arrived.length).toBe(Object.keys(v2).length);
    expect(await readTree(site)).toEqual(v2);
  });

  it('refuses a wrong password without changing anything', async () => {
    const local = path.join(work, 'bundle-pw');
    await writeBundle(local, bundleFiles(1));
    const err = await rejected(publish('pw', local, { credentials: { password: 'wrong' } }));
    expect(err.code).toBe('PUBLISH_AUTH_FAILED');
    expect(err.messages.de).toMatch(/Passwort/);
    expect(err.messages.en).toMatch(/password/);
    await expect(readTree(path.join(server.siteDir, 'pw'))).rejects.toThrow(/ENOENT/);
  });

  it('asks before trusting a new server and refuses a changed host key', async () => {
    const local = path.join(work, 'bundle-hk');
    await writeBundle(local, bundleFiles(1));
    const hosts = createKnownHosts(path.join(work, 'config-hk', 'known_hosts.json'));
    const asked: string[] = [];
    const unknown = await rejected(
      publish('hk', local, {
        hosts,
        confirm: async (fp) => {
          asked.push(fp);
          return false;
        },
      }),
    );
    expect(unknown.code).toBe('PUBLISH_HOST_KEY_UNKNOWN');
    expect(asked[0]).toMatch(/^SHA256:/);
    expect(unknown.messages.en).toContain(asked[0]);

    await publish('hk', local, { hosts });
    expect(await hosts.lookup('127.0.0.1', server.port)).toBe(asked[0]);

    await server.restartWithNewHostKey();
    await writeBundle(local, bundleFiles(2));
    let askedAgain = false;
    const changed = await rejected(
      publish('hk', local, {
        hosts,
        confirm: async () => {
          askedAgain = true;
          return true;
        },
      }),
    );
    expect(changed.code).toBe('PUBLISH_HOST_KEY_CHANGED');
    expect(askedAgain).toBe(false);
    expect(changed.messages.de).toMatch(/geändert/);
    expect(await readTree(path.join(server.siteDir, 'hk'))).toEqual(bundleFiles(1));
    // The store the other tests share trusted the old key; they start afresh with the new one.
    knownHosts = createKnownHosts(path.join(work, 'config-after-restart', 'known_hosts.json'));
  });

  it('stops with a clear message where it may not write, leaving the old pages in place', async () => {
    const local = path.join(work, 'bundle-ro');
    await writeBundle(local, bundleFiles(1));
    await publish('ro', local);
    const site = path.join(server.siteDir, 'ro');
    // The chapter folder now belongs to root: assets can go up, German pages cannot.
    execFileSync('chown', ['root', path.join(site, 'de')]);
    const v2 = Object.fromEntries(
      Object.entries(bundleFiles(2)).map(([rel, text]) => [rel, `${text} v2`]),
    );
    await writeBundle(local, v2);
    const err = await rejected(publish('ro', local));
    expect(err.code).toBe('PUBLISH_NO_WRITE');
    expect(err.messages.de).toMatch(/Schreibrechte/);
    expect(err.messages.en).toMatch(/write permission/);
    const after = await readTree(site);
    // Pages elsewhere may have gone up, but no start page: they are replaced only when every
    // other file has arrived.
    expect(after['index.html']).toBe(bundleFiles(1)['index.html']);
    expect(after['en/index.html']).toBe(bundleFiles(1)['en/index.html']);
    expect(after['de/kapitel-1.html']).toBe(bundleFiles(1)['de/kapitel-1.html']);
    // A folder that does not exist and cannot be made is refused the same way.
    await mkdir(path.join(server.siteDir, 'locked'));
    const locked = await rejected(publish('locked/site', local));
    expect(locked.code).toBe('PUBLISH_NO_WRITE');
  });
});
