import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createKnownHosts,
  parsePublishTarget,
  planPublish,
  verifyHostKey,
} from '../../../electron/core/publish';
import { digestHeader, parseChallenge } from '../../../electron/core/publish/webdav';
import { AppError } from '../../../shared/errors';

const e = (c: string, size = 1) => ({ sha256: c.repeat(64), size });

describe('planPublish', () => {
  it('uploads changed files assets first, pages next, start pages last, and deletes deepest first', () => {
    const plan = planPublish(
      { 'index.html': e('a'), 'de/k.html': e('b'), 'de/index.html': e('c'), 'm/x.jpg': e('d', 9) },
      { 'de/k.html': e('b'), 'old/deep/y.jpg': e('e'), 'old.html': e('f'), 'index.html': e('0') },
    );
    expect(plan.upload).toEqual(['m/x.jpg', 'de/index.html', 'index.html']);
    expect(plan.remove).toEqual(['old/deep/y.jpg', 'old.html']);
    expect(plan.unchanged).toBe(1);
    expect(plan.uploadBytes).toBe(11);
  });
});

describe('parsePublishTarget', () => {
  it('reads SFTP and WebDAV addresses', () => {
    expect(parsePublishTarget('sftp://anna@example.org:2222/var/www/site/')).toMatchObject({
      kind: 'sftp',
      host: 'example.org',
      port: 2222,
      user: 'anna',
      path: '/var/www/site',
    });
    expect(parsePublishTarget('https://bob@dav.example.org/remote.php/dav/site')).toMatchObject({
      kind: 'webdav',
      origin: 'https://dav.example.org',
      path: '/remote.php/dav/site',
      user: 'bob',
    });
  });

  it('refuses passwords in the address, plain http to other hosts and unknown schemes', () => {
    for (const bad of [
      'sftp://anna:secret@example.org/x',
      'http://example.org/dav',
      'ftp://example.org/x',
      'sftp://example.org/x',
      'not a url',
    ]) {
      const err = (() => {
        try {
          parsePublishTarget(bad);
        } catch (x) {
          return x;
        }
      })();
      expect(err, bad).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('PUBLISH_TARGET_INVALID');
    }
    expect(parsePublishTarget('http://127.0.0.1:8080/dav').kind).toBe('webdav');
  });
});

describe('digest auth', () => {
  it('computes the RFC 2617 example response', () => {
    // The worked example of RFC 2617 section 3.5.
    const challenge = parseChallenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    const header = digestHeader(
      challenge,
      'GET',
      '/dir/index.html',
      'Mufasa',
      'Circle Of Life',
      1,
      '0a4f113b',
    );
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  });
});

describe('known hosts', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('stores a confirmed key, accepts it again without asking and refuses a different one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-kh-'));
    dirs.push(dir);
    const store = createKnownHosts(path.join(dir, 'sub', 'known_hosts.json'));
    let asked = 0;
    const yes = async () => {
      asked += 1;
      return true;
    };
    await verifyHostKey(store, 'h', 22, 'SHA256:one', yes);
    await verifyHostKey(store, 'h', 22, 'SHA256:one', yes);
    expect(asked).toBe(1);
    await expect(verifyHostKey(store, 'h', 22, 'SHA256:two', yes)).rejects.toMatchObject({
      code: 'PUBLISH_HOST_KEY_CHANGED',
    });
    expect(asked).toBe(1);
    expect(await store.lookup('h', 22)).toBe('SHA256:one');
  });

  it('stops on a damaged file instead of trusting everything again', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-kh-'));
    dirs.push(dir);
    const file = path.join(dir, 'known_hosts.json');
    await writeFile(file, '["not a map"]');
    const store = createKnownHosts(file);
    await expect(verifyHostKey(store, 'h', 22, 'SHA256:x', async () => true)).rejects.toMatchObject(
      { code: 'FILE_INVALID_DATA' },
    );
  });
});
