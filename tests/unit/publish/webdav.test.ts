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
} from '../../../electron/core/publish';
import { startWebdav, type WebdavServer } from '../../servers/webdav';
import { bundleFiles, listDirs, readTree, writeBundle } from './bundle-fixture';

let server: WebdavServer;
let work: string;

beforeAll(async () => {
  server = await startWebdav();
  work = await mkdtemp(path.join(os.tmpdir(), 'vitrine-publish-dav-'));
});
afterAll(async () => {
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function publish(
  auth: 'digest' | 'basic' | 'readonly',
  folder: string,
  localDir: string,
  opts: {
    password?: string;
    signal?: AbortSignal;
    onUploaded?: (rel: string) => void;
    dryRun?: boolean;
  } = {},
) {
  const target = parsePublishTarget(
    `${server.origin.replace('//', `//${server.user}@`)}/${auth}/${folder}`,
  );
  const remote = await openRemote(target, {
    credentials: { password: opts.password ?? server.password },
    knownHosts: createKnownHosts(path.join(work, 'unused.json')),
    confirmHostKey: async () => false,
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
  expect(app.messages.de.length).toBeGreaterThan(20);
  expect(app.messages.en.length).toBeGreaterThan(20);
  return app;
}

const v2 = () =>
  Object.fromEntries(Object.entries(bundleFiles(2)).map(([rel, text]) => [rel, `${text} v2`]));

describe('publishing over WebDAV to a real Apache mod_dav', () => {
  for (const auth of ['digest', 'basic'] as const) {
    it(`publishes, re-publishes nothing, uploads an edit and deletes removed files (${auth} auth)`, async () => {
      const local = path.join(work, `bundle-${auth}`);
      const files = bundleFiles(1);
      await writeBundle(local, files);
      const order: string[] = [];
      const first = await publish(auth, 'site', local, { onUploaded: (rel) => order.push(rel) });
      const site = path.join(auth === 'digest' ? server.digestDir : server.basicDir, 'site');
      expect(await readTree(site)).toEqual(files);
      expect(first.uploaded).toHaveLength(Object.keys(files).length);
      const firstHtml = order.findIndex((rel) => rel.endsWith('.html'));
      expect(order.slice(firstHtml).every((rel) => rel.endsWith('.html'))).toBe(true);
      expect(order.slice(-3).every((rel) => rel.endsWith('index.html'))).toBe(true);
      // No temporary upload names are left behind.
      expect(Object.keys(await readTree(site)).some((rel) => rel.includes('.vitrine-'))).toBe(
        false,
      );

      const again = await publish(auth, 'site', local);
      expect(again.uploaded).toEqual([]);
      expect(again.removed).toEqual([]);

      const edited = {
        ...files,
        'en/chapter-1.html': '<!doctype html><title>Chapter 1 new</title>',
      };
      await writeBundle(local, edited);
      const dry = await publish(auth, 'site', local, { dryRun: true });
      expect(dry.plan.upload).toEqual(['en/chapter-1.html']);
      expect(await readTree(site)).toEqual(files);
      expect((await publish(auth, 'site', local)).uploaded).toEqual(['en/chapter-1.html']);
      expect(await readTree(site)).toEqual(edited);

      const smaller: Record<string, string> = { ...edited };
      delete smaller['de/kapitel-2.html'];
      delete smaller['media/extra/c.jpg'];
      await writeBundle(local, smaller);
      const del = await publish(auth, 'site', local);
      expect(del.removed.sort()).toEqual(['de/kapitel-2.html', 'media/extra/c.jpg']);
      expect(await readTree(site)).toEqual(smaller);
      expect(await listDirs(site)).not.toContain('media/extra');
    });
  }

  it('resumes an interrupted publish without replacing pages early', async () => {
    const local = path.join(work, 'bundle-resume');
    await writeBundle(local, bundleFiles(1));
    await publish('digest', 'resume', local);
    await writeBundle(local, v2());
    const controller = new AbortController();
    const arrived: string[] = [];
    const err = await rejected(
      publish('digest', 'resume', local, {
        signal: controller.signal,
        onUploaded: (rel) => {
          arrived.push(rel);
          if (arrived.length === 2) controller.abort();
        },
      }),
    );
    expect(err.code).toBe('CANCELLED');
    const site = path.join(server.digestDir, 'resume');
    expect((await readTree(site))['index.html']).toBe(bundleFiles(1)['index.html']);
    expect(JSON.parse(await readFile(path.join(site, MANIFEST_NAME), 'utf8')).complete).toBe(false);
    const resumed = await publish('digest', 'resume', local);
    expect(resumed.resumed).toBe(true);
    for (const rel of arrived) expect(resumed.uploaded).not.toContain(rel);
    expect(await readTree(site)).toEqual(v2());
  });

  it('refuses a wrong password (digest and basic) without changing anything', async () => {
    const local = path.join(work, 'bundle-pw');
    await writeBundle(local, bundleFiles(1));
    for (const auth of ['digest', 'basic'] as const) {
      const err = await rejected(publish(auth, 'pw', local, { password: 'wrong' }));
      expect(err.code).toBe('PUBLISH_AUTH_FAILED');
      expect(err.messages.de).toMatch(/Passwort/);
      expect(err.messages.en).toMatch(/password/);
    }
    await expect(readTree(path.join(server.digestDir, 'pw'))).rejects.toThrow(/ENOENT/);
  });

  it('stops with a clear message where it may not write, leaving the start pages as they were', async () => {
    const local = path.join(work, 'bundle-ro');
    await writeBundle(local, bundleFiles(1));
    await publish('digest', 'ro', local);
    const site = path.join(server.digestDir, 'ro');
    execFileSync('chown', ['root', path.join(site, 'de')]);
    await writeBundle(local, v2());
    const err = await rejected(publish('digest', 'ro', local));
    expect(err.code).toBe('PUBLISH_NO_WRITE');
    expect(err.messages.de).toMatch(/Schreibrechte/);
    expect(err.messages.en).toMatch(/write permission/);
    const after = await readTree(site);
    expect(after['index.html']).toBe(bundleFiles(1)['index.html']);
    expect(after['en/index.html']).toBe(bundleFiles(1)['en/index.html']);
    expect(after['de/kapitel-1.html']).toBe(bundleFiles(1)['de/kapitel-1.html']);
    await mkdir(path.join(server.digestDir, 'locked'));
    const locked = await rejected(publish('digest', 'locked/site', local));
    expect(locked.code).toBe('PUBLISH_NO_WRITE');
    // An account that may read but not write (the server answers 403).
    const readOnly = await rejected(publish('readonly', 'site', local));
    expect(readOnly.code).toBe('PUBLISH_NO_WRITE');
    expect(readOnly.messages.en).toMatch(/HTTP 403/);
  });
});
