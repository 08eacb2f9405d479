import { request as httpRequest } from 'node:http';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers, type ApiService } from '../../../../../electron/core/api';
import { createSyntheticJpeg } from '../../../../../electron/core/media';
import { startWebHost, type WebHost } from '../../../../../electron/core/web';
import { mediaPath, type MediaAsset } from '../../../../../shared/domain';
import { scriptedDialogs, tempDir, treeContents } from '../api/helpers';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

let host: WebHost;
let service: ApiService;
let libDir: string;
let secretFile: string;
let asset: MediaAsset;
let photoBytes: Buffer;

/** Raw HTTP with full control over path and headers (fetch would normalise `..` and set Host). */
function send(
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    token?: boolean;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { host: `127.0.0.1:${host.port}`, ...options.headers };
  if (options.token !== false && !('authorization' in headers) && !('cookie' in headers)) {
    headers.authorization = `Bearer ${host.token}`;
  }
  if (options.token === false) delete headers.authorization;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers,
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: body.toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });

beforeAll(async () => {
  const root = await tempDir('vitrine-web-');
  libDir = join(root, 'lib');
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Vitrine</title><script type="module" src="/assets/app.js"></script>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  secretFile = join(root, 'secret.txt');
  await writeFile(secretFile, 'TOP-SECRET-OUTSIDE');
  const photo = join(root, 'foto.jpg');
  photoBytes = await createSyntheticJpeg({ width: 64, height: 48, seed: 9 });
  await writeFile(photo, photoBytes);
  service = await createApiHandlers({
    appDataDir: join(root, 'appdata'),
    lang: 'en',
    dialogs: scriptedDialogs({ newLibrary: libDir, media: [photo] }),
    transport: 'web',
    version: 'test',
    logError: () => undefined,
  });
  expect((await service.dispatch('library.createDialog', { name: 'Web' })).ok).toBe(true);
  expect((await service.dispatch('media.importDialog', {})).ok).toBe(true);
  const snap = await service.dispatch('library.snapshot', {});
  asset = (snap as { value: { items: Array<{ media: MediaAsset[] }> } }).value.items[0]!.media[0]!;
  // Planted links: one to a file outside the library, one to the library's own data file.
  await mkdir(join(libDir, 'media', 'zz'), { recursive: true });
  await symlink(secretFile, join(libDir, 'media', 'zz', 'out.jpg'));
  await symlink(join(libDir, 'library.json'), join(libDir, 'media', 'zz', 'manifest.jpg'));
  await symlink(root, join(libDir, 'media', 'up'));
  host = await startWebHost({ service, rendererDir, logError: () => undefined });
});

afterAll(async () => {
  await host?.close();
  await service?.close();
});

describe('binding and address', () => {
  it('listens on 127.0.0.1 and prints a tokened URL', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('makes a new token per run', async () => {
    const other = await startWebHost({ service, rendererDir: null });
    try {
      expect(other.token).not.toBe(host.token);
      expect(other.port).not.toBe(host.port);
    } finally {
      await other.close();
    }
  });
});

describe('token', () => {
  it('refuses every route without the token', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/assets/app.js',
      '/events',
      `/media/${mediaPath(asset)}`,
    ]) {
      const res = await send(path, { token: false });
      expect(res.status, path).toBe(401);
      expect(res.text).not.toContain('Vitrine</title>');
    }
    const apiRes = await send('/api/app.info', {
      method: 'POST',
      token: false,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(apiRes.status).toBe(401);
    expect(JSON.parse(apiRes.text)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('refuses a wrong token in every place', async () => {
    const wrong = `${host.token.slice(0, -1)}${host.token.endsWith('A') ? 'B' : 'A'}`;
    expect((await send(`/?token=${wrong}`, { token: false })).status).toBe(401);
    expect((await send('/', { headers: { authorization: `Bearer ${wrong}` } })).status).toBe(401);
    expect((await send('/', { headers: { cookie: `vitrine_token=${wrong}` } })).status).toBe(401);
    expect((await send('/', { headers: { authorization: `Bearer ${host.token}x` } })).status).toBe(
      401,
    );
  });

  it('serves the page for ?token=, sets an HttpOnly SameSite=Strict cookie, and then accepts the cookie', async () => {
    const page = await send(`/?token=${host.token}`, { token: false });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Vitrine</title>');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain(`vitrine_token=${host.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const asset = await send('/assets/app.js', {
      headers: { cookie: `vitrine_token=${host.token}` },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('sends a strict CSP and nosniff with the HTML, and no CORS headers anywhere', async () => {
    const page = await send('/');
    const csp = String(page.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob:",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const preflight = await send('/api/app.info', {
      method: 'OPTIONS',
      headers: { origin: `http://127.0.0.1:${host.port}`, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    for (const res of [page, preflight, await api('app.info', {})]) {
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('Host and Origin (DNS rebinding)', () => {
  it('accepts 127.0.0.1 and localhost with our port only', async () => {
    expect((await send('/', { headers: { host: `localhost:${host.port}` } })).status).toBe(200);
    for (const bad of [
      `evil.example:${host.port}`,
      'evil.example',
      `127.0.0.1:${host.port + 1}`,
      '127.0.0.1',
      `127.0.0.1.evil.example:${host.port}`,
      `[::1]:${host.port}`,
      `0.0.0.0:${host.port}`,
    ]) {
      const res = await send('/', { headers: { host: bad } });
      expect(res.status, bad).toBe(403);
    }
  });

  it('refuses a foreign Origin even with a valid token', async () => {
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${host.port}`,
      'null',
      `https://127.0.0.1:${host.port}`,
    ]) {
      const res = await api('app.info', {}, { origin });
      expect(res.status, origin).toBe(403);
      expect(res.text).not.toContain('"ok":true');
    }
    expect((await api('app.info', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(
      200,
    );
  });
});

describe('API over HTTP', () => {
  it('answers envelopes from the handler table', async () => {
    const res = await api('app.info', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      ok: true,
      value: { transport: 'web', mediaBaseUrl: '/media/' },
    });
  });

  it('rejects malformed, oversized and invalid input with an error envelope and no change on disk', async () => {
    const before = await treeContents(libDir);
    const cases: Array<[string, Promise<Answer>, number]> = [
      [
        'not json',
        send('/api/library.apply', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"command":',
        }),
        400,
      ],
      [
        'bad command',
        api('library.apply', {
          command: { type: 'delete', collection: 'library.json', id: '../x' },
        }),
        400,
      ],
      [
        'extra key',
        api('library.apply', { command: { type: 'updateManifest', name: 'Neu' }, evil: 1 }),
        400,
      ],
      ['array', api('library.apply', [1, 2, 3]), 400],
      [
        'oversized',
        api('library.apply', {
          command: { type: 'updateManifest', name: 'x'.repeat(1024 * 1024 + 10) },
        }),
        413,
      ],
      [
        'form post',
        send('/api/library.apply', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'a=b',
        }),
        415,
      ],
      ['unknown method', api('library.drop', {}), 404],
      ['proto method', api('__proto__', {}), 404],
      ['GET on api', send('/api/library.snapshot'), 405],
    ];
    for (const [name, pending, status] of cases) {
      const res = await pending;
      expect(res.status, name).toBe(status);
      const body = JSON.parse(res.text);
      expect(body.ok, name).toBe(false);
      expect(typeof body.error.code, name).toBe('string');
      expect(typeof body.error.message, name).toBe('string');
    }
    expect(await treeContents(libDir)).toEqual(before);
    // Still serving afterwards.
    expect((await api('session.state', {})).status).toBe(200);
  });

  it('pushes libraryChanged over server-sent events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/events',
          headers: { authorization: `Bearer ${host.token}`, host: `127.0.0.1:${host.port}` },
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (text.includes('event: libraryChanged')) {
              req.destroy();
              resolve(text);
            }
          });
          // Once the stream is open, cause a change through the API.
          void api('library.apply', {
            command: { type: 'updateManifest', name: 'Web (geändert)' },
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    // A manifest update touches no entity, so `changed` is empty.
    expect(received).toMatch(/event: libraryChanged\ndata: \{"revision":\d+,"changed":\{\}\}\n\n/);
  });
});

describe('media route', () => {
  it('serves a library media file, with ranges', async () => {
    const res = await send(`/media/${mediaPath(asset)}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.equals(photoBytes)).toBe(true);
    const part = await send(`/media/${mediaPath(asset)}`, { headers: { range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect(part.body.equals(photoBytes.subarray(0, 10))).toBe(true);
  });

  it('refuses traversal in every spelling and symlinks that leave the library', async () => {
    const manifest = await readFile(join(libDir, 'library.json'), 'utf8');
    const attempts = [
      '/media/../library.json',
      '/media/media/../library.json',
      '/media/media/../../secret.txt',
      '/media/%2e%2e/library.json',
      '/media/media/%2e%2e/%2e%2e/secret.txt',
      '/media/media/%2E%2E/library.json',
      '/media/media%2f..%2flibrary.json',
      '/media/media%2F..%2F..%2Fsecret.txt',
      '/media/media/..%5c..%5csecret.txt',
      '/media/media/..%5Clibrary.json',
      '/media/media\\..\\library.json',
      '/media/..\\..\\secret.txt',
      '/media/media/%252e%252e/library.json',
      '/media//etc/passwd',
      '/media/%2fetc%2fpasswd',
      '/media/C:/Windows/win.ini',
      '/media/C:%5cWindows%5cwin.ini',
      '/media/media/ab/x%00.jpg',
      '/media/media/./library.json',
      '/media/library.json',
      '/media/data/items/00.json',
      '/media/media/zz/out.jpg',
      '/media/media/zz/manifest.jpg',
      '/media/media/up/secret.txt',
      '/media/media/up/lib/library.json',
      `/media/${encodeURIComponent(join(libDir, 'library.json'))}`,
    ];
    for (const path of attempts) {
      const res = await send(path);
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.text, path).not.toContain('TOP-SECRET-OUTSIDE');
      expect(res.text, path).not.toContain(manifest.slice(0, 40));
      expect(res.text, path).not.toContain('root:');
    }
  });

  it('refuses traversal out of the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
    ]) {
      const res = await send(path);
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.text, path).not.toContain('TOP-SECRET-OUTSIDE');
    }
  });
});
