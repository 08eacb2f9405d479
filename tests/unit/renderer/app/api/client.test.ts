import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBridge, MEDIA_BASE_URL, type ApiTransport } from '../../../../../shared/api';
import {
  createClient,
  detectTransport,
  encodeMediaPath,
  resolveToken,
  type ClientEnvironment,
} from '../../../../../renderer/app/api/client';

/** A real HTTP server standing in for the web host's raw wire behaviour (status, body, headers). */
interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

let server: Server | undefined;

async function serve(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body,
      });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, seen };
}

afterEach(async () => {
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = undefined;
});

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    map,
  };
}

function webEnv(origin: string, extra: Partial<ClientEnvironment> = {}): ClientEnvironment {
  return { href: `${origin}/?token=t0k3n`, sessionStorage: memoryStorage(), ...extra };
}

describe('transport selection', () => {
  it('uses Electron only when the preload exposed a bridge', () => {
    expect(detectTransport({})).toBe('web');
    expect(detectTransport({ vitrine: { app: {} } })).toBe('web');
    expect(detectTransport({ vitrine: null })).toBe('web');
    const bridge = buildBridge({
      call: async () => ({ ok: true, value: null }),
      subscribe: () => () => {},
    });
    expect(detectTransport({ vitrine: bridge })).toBe('electron');
    expect(createClient({ vitrine: bridge }).transport).toBe('electron');
    expect(createClient({ href: 'http://127.0.0.1:1/' }).transport).toBe('web');
  });
});

describe('token', () => {
  it('is read from the URL once, remembered for the tab, and removed from the address bar', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    const token = resolveToken({
      href: 'http://127.0.0.1:4000/index.html?token=abc&x=1#top',
      sessionStorage: storage,
      replaceUrl: (url) => replaced.push(url),
    });
    expect(token).toBe('abc');
    expect(replaced).toEqual(['/index.html?x=1#top']);
    // After a reload the URL no longer has it; session storage still does.
    expect(
      resolveToken({ href: 'http://127.0.0.1:4000/index.html', sessionStorage: storage }),
    ).toBe('abc');
  });

  it('is null when neither the URL nor the tab has one', () => {
    expect(
      resolveToken({ href: 'http://127.0.0.1:4000/', sessionStorage: memoryStorage() }),
    ).toBeNull();
  });
});

describe('web transport', () => {
  it('posts JSON to /api/<method> with the bearer token and passes the envelope through', async () => {
    const { origin, seen } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, value: { library: null, recent: [] } }));
    });
    const client = createClient(webEnv(origin));
    const result = await client.call('session.state');
    expect(result).toEqual({ ok: true, value: { library: null, recent: [] } });
    expect(seen).toEqual([
      { method: 'POST', url: '/api/session.state', authorization: 'Bearer t0k3n', body: '{}' },
    ]);
    await client.bridge.library.openRecent({ id: 'abc' });
    expect(seen[1]).toMatchObject({ url: '/api/library.openRecent', body: '{"id":"abc"}' });
  });

  it("keeps the host's own error envelope, whatever the status", async () => {
    const { origin } = await serve((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: false,
          error: { code: 'INVALID_INPUT', message: 'Ungültige Eingabe' },
        }),
      );
    });
    const result = await createClient(webEnv(origin)).call('library.openRecent', { id: 'x' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Ungültige Eingabe' },
    });
  });

  it('turns a refused token without envelope into UNAUTHORIZED, worded in the UI language', async () => {
    const { origin } = await serve((_req, res) => {
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('no');
    });
    let lang: 'de' | 'en' = 'de';
    const client = createClient(webEnv(origin, { language: () => lang }));
    const german = await client.call('app.info');
    expect(german.ok).toBe(false);
    if (german.ok) return;
    expect(german.error.code).toBe('UNAUTHORIZED');
    expect(german.error.message).toMatch(/Zugangsschlüssel/);
    lang = 'en';
    const english = await client.call('app.info');
    expect(!english.ok && english.error.message).toMatch(/access token/);
  });

  it('maps 403 to FORBIDDEN and a non-JSON answer to INTERNAL with the status', async () => {
    let status = 403;
    const { origin } = await serve((_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end('<h1>oops</h1>');
    });
    const client = createClient(webEnv(origin));
    const forbidden = await client.call('app.info');
    expect(!forbidden.ok && forbidden.error.code).toBe('FORBIDDEN');
    status = 502;
    const broken = await client.call('app.info');
    expect(!broken.ok && broken.error).toMatchObject({ code: 'INTERNAL' });
    expect(!broken.ok && broken.error.message).toContain('HTTP 502');
  });

  it('answers INTERNAL when the host is gone instead of throwing', async () => {
    const { origin } = await serve(() => {});
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const result = await createClient(webEnv(origin, { language: () => 'en' })).call('app.info');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Vitrine is not answering. Is the program still running?',
      },
    });
  });
});

describe('electron transport', () => {
  function bridgeOver(transport: ApiTransport) {
    // The preload builds `window.vitrine` with the same shared `buildBridge` over IPC.
    return createClient({ vitrine: buildBridge(transport), language: () => 'de' });
  }

  it('passes envelopes through and forwards events', async () => {
    const listeners: ((payload: unknown) => void)[] = [];
    const client = bridgeOver({
      call: async (method, input) => ({ ok: true, value: { method, input } }),
      subscribe: (_event, listener) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    });
    expect(await client.call('library.openRecent', { id: 'r1' })).toEqual({
      ok: true,
      value: { method: 'library.openRecent', input: { id: 'r1' } },
    });
    const got: number[] = [];
    const off = client.on('libraryChanged', ({ revision }) => got.push(revision));
    listeners.forEach((l) => l({ revision: 7 }));
    off();
    expect(got).toEqual([7]);
    expect(listeners).toHaveLength(0);
  });

  it('turns a rejected invoke or a value that is no envelope into an INTERNAL envelope', async () => {
    let mode: 'reject' | 'garbage' = 'reject';
    const client = bridgeOver({
      call: async () => {
        if (mode === 'reject') throw new Error('channel closed');
        return 42 as never;
      },
      subscribe: () => () => {},
    });
    const rejected = await client.call('app.info');
    expect(rejected).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Die Verbindung zum Hauptprozess ist fehlgeschlagen: channel closed',
      },
    });
    mode = 'garbage';
    const garbage = await client.call('app.info');
    expect(!garbage.ok && garbage.error.code).toBe('INTERNAL');
  });

  it('refuses events the contract does not declare', () => {
    const client = bridgeOver({
      call: async () => ({ ok: true, value: null }),
      subscribe: () => () => {},
    });
    expect(() => client.on('nope' as never, () => {})).toThrow(/Unknown event/);
  });
});

describe('dropped files', () => {
  it('in Electron hands the File objects to the preload and passes its envelope through', async () => {
    const got: unknown[] = [];
    const bridge = buildBridge({
      call: async () => ({ ok: true, value: null }),
      subscribe: () => () => {},
    });
    const answer = { ok: true, value: { itemIds: ['item-1'], failed: [], revision: 3 } };
    const vitrine = {
      ...bridge,
      media: {
        ...bridge.media,
        importDropped: async (files: unknown) => {
          got.push(files);
          return answer;
        },
      },
    };
    const client = createClient({ vitrine, language: () => 'en' });
    const file = new File(['x'], 'Rathaus.jpg');
    expect(await client.importDropped([file])).toEqual(answer);
    expect(got).toEqual([[file]]);
  });

  it('in Electron turns a failing or garbled preload answer into an INTERNAL envelope', async () => {
    const bridge = buildBridge({
      call: async () => ({ ok: true, value: null }),
      subscribe: () => () => {},
    });
    let answer: () => Promise<unknown> = async () => 'nonsense';
    const vitrine = { ...bridge, media: { ...bridge.media, importDropped: () => answer() } };
    const client = createClient({ vitrine, language: () => 'en' });
    expect(await client.importDropped([])).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    answer = async () => {
      throw new Error('channel closed');
    };
    expect(await client.importDropped([])).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('channel closed') },
    });
  });

  it('on the web host refuses: dropped files are uploaded there', async () => {
    const client = createClient(webEnv('http://127.0.0.1:9', { language: () => 'en' }));
    expect(await client.importDropped([new File(['x'], 'a.jpg')])).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('uploaded') },
    });
  });
});

describe('media URLs', () => {
  it('are same-origin paths under the media prefix with each segment encoded', () => {
    const client = createClient({ href: 'http://127.0.0.1:1/' });
    expect(MEDIA_BASE_URL.startsWith('/')).toBe(true);
    expect(client.mediaUrl('media/thumbs/ab/ab12.webp')).toBe(
      `${MEDIA_BASE_URL}media/thumbs/ab/ab12.webp`,
    );
    expect(client.mediaUrl('media/a b.jpg')).toBe(`${MEDIA_BASE_URL}media/a%20b.jpg`);
    expect(encodeMediaPath('media/a b/#x?.jpg')).toBe('media/a%20b/%23x%3F.jpg');
    expect(encodeMediaPath('/media//x.jpg')).toBe('media/x.jpg');
  });
});
