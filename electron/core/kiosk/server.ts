import { createReadStream } from 'node:fs';
import { realpath, stat, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { isInside } from '../fs/inside';
import { WEB_TOKEN_PARAM } from '../../../shared/api';
import {
  KIOSK_EXIT_PATH,
  KIOSK_PLAYER_META,
  KIOSK_STATS_PATH,
  MAX_EVENT_BYTES,
  kioskEventBatchSchema,
  type KioskEvent,
} from '../../../shared/kiosk/events';
import { findToken, isAllowedHost, isAllowedOrigin, newToken, tokenCookie } from '../web/guard';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, contentTypeFor } from '../web/policy';
import { parseRange } from '../web/range';
import { privacyNoticeHtml } from '../../../shared/kiosk/privacy';
import { exitPage, type ExitPageState } from './exit-page';
import type { PinResult } from './pin';

export interface KioskHostOptions {
  /** The bundle folder (its index.html forwards to the start page). */
  bundleDir: string;
  /** Called with the valid events of one request; resolves once they are stored. */
  onEvents: (events: KioskEvent[]) => Promise<void>;
  /** Called with a PIN typed on the exit page. */
  onPin: (pin: string) => Promise<PinResult>;
  /** Called after the exit page has answered a right PIN. */
  onExit: () => void;
  onRejected?: (why: string) => void;
  lang?: 'de' | 'en';
  token?: string;
}

export interface KioskHost {
  /** `http://127.0.0.1:PORT/?token=…`: the bundle's entry, what the window opens. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The player's loopback host: the bundle's files, the statistics endpoint and the exit page.
 *
 * Security decisions are the web host's (electron/core/web/guard.ts, reused, not copied):
 * 127.0.0.1 only, exact Host and Origin, a per-run 32-byte token (query once, then the HttpOnly
 * SameSite=Strict cookie). The bundle's pages get the app's strict CSP, so nothing but the bundle's
 * own script runs, and the stats endpoint takes only small JSON bodies that match the closed event
 * schema — no free text can reach the disk.
 */
export async function startKioskHost(options: KioskHostOptions): Promise<KioskHost> {
  const token = options.token ?? newToken();
  const lang = options.lang ?? 'de';
  let port = 0;
  const root = await realpath(options.bundleDir);

  const text = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  };

  async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) return null;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  async function handleStats(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return text(res, 405, 'Method not allowed.');
    const body = await readBody(req, MAX_EVENT_BYTES);
    if (!body) {
      options.onRejected?.('too large');
      req.destroy();
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      options.onRejected?.('not JSON');
      return text(res, 400, 'Bad event.');
    }
    const event = kioskEventBatchSchema.safeParse(parsed);
    if (!event.success) {
      options.onRejected?.('schema');
      return text(res, 400, 'Bad event.');
    }
    await options.onEvents(event.data);
    res.writeHead(204, { 'Cache-Control': 'no-store' });
    res.end();
  }

  function sendExitPage(res: ServerResponse, state: ExitPageState): void {
    const html = exitPage(lang, state);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      // The exit form posts to this host; everything else stays as strict as the app's policy.
      'Content-Security-Policy': CONTENT_SECURITY_POLICY.replace(
        "form-action 'none'",
        "form-action 'self'",
      ),
      // `no-referrer` would make Chromium send `Origin: null` with the form, which the Origin
      // check (rightly) refuses; same-origin keeps the origin for this host only.
      'Referrer-Policy': 'same-origin',
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(html);
  }

  async function handleExit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' || req.method === 'HEAD') return sendExitPage(res, { kind: 'ask' });
    if (req.method !== 'POST') return text(res, 405, 'Method not allowed.');
    const body = await readBody(req, 256);
    if (!body) return text(res, 413, 'Too large.');
    const pin = new URLSearchParams(body.toString('utf8')).get('pin') ?? '';
    const result = await options.onPin(pin.trim());
    if (result.ok) {
      sendExitPage(res, { kind: 'closing' });
      res.on('finish', () => options.onExit());
      return;
    }
    sendExitPage(
      res,
      result.reason === 'locked'
        ? { kind: 'locked', seconds: Math.ceil(result.retryInMs / 1000) }
        : { kind: 'wrong', attemptsLeft: result.attemptsLeft },
    );
  }

  async function handleFile(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'Method not allowed.');
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname.slice(1));
    } catch {
      return text(res, 400, 'Bad path.');
    }
    if (decoded === '' || decoded.endsWith('/')) decoded += 'index.html';
    const segments = decoded.split('/');
    // The same strict path rules as the web host's static files: plain segments only.
    if (
      /%|\\|\0/.test(decoded) ||
      segments.some((s) => s === '' || s === '.' || s === '..' || !/^[A-Za-z0-9._@-]+$/.test(s))
    )
      return text(res, 404, 'Not found.');
    let file: string;
    let size: number;
    try {
      file = await realpath(join(root, ...segments));
      const info = await stat(file);
      if (!isInside(root, file) || !info.isFile()) return text(res, 404, 'Not found.');
      size = info.size;
    } catch {
      return text(res, 404, 'Not found.');
    }
    const type = contentTypeFor(file);
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'Accept-Ranges': 'bytes',
    };
    if (type.startsWith('text/html')) {
      // Tells the bundle's runtime that a player is listening (see renderer/bundle/player.ts).
      let html = (await readFile(file, 'utf8')).replace(
        /<head>/i,
        `<head>\n<meta name="${KIOSK_PLAYER_META}" content="${KIOSK_STATS_PATH}">`,
      );
      // The info page says what this player counts: only where it counts, in the page's language.
      if (/\/credits\.html$/.test(file)) {
        const pageLang = /<html[^>]*\slang="de/.test(html) ? 'de' : 'en';
        html = html.replace('</main>', `${privacyNoticeHtml(pageLang).value}</main>`);
      }
      const bytes = Buffer.from(html);
      res.writeHead(200, { ...headers, 'Content-Length': bytes.length });
      res.end(req.method === 'HEAD' ? undefined : bytes);
      return;
    }
    const range = parseRange(req.headers.range, size);
    if (range === 'invalid') {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` });
      return void res.end();
    }
    if (range) {
      res.writeHead(206, {
        ...headers,
        'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
        'Content-Length': range.end - range.start + 1,
      });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file, range).pipe(res);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': size });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '/';
    if (!target.startsWith('/')) return text(res, 400, 'Bad request.');
    if (!isAllowedHost(req.headers.host, port)) return text(res, 403, 'Forbidden host.');
    const origin = req.headers.origin;
    if (!isAllowedOrigin(Array.isArray(origin) ? origin[0] : origin, port))
      return text(res, 403, 'Forbidden origin.');
    const from = findToken({ cookie: req.headers.cookie, url: target }, token);
    if (!from) return text(res, 401, 'Unauthorized.');
    if (from === 'query') res.setHeader('Set-Cookie', tokenCookie(token));
    const q = target.indexOf('?');
    const pathname = q >= 0 ? target.slice(0, q) : target;
    if (pathname === KIOSK_STATS_PATH) return handleStats(req, res);
    if (pathname === KIOSK_EXIT_PATH) return handleExit(req, res);
    return handleFile(req, res, pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) text(res, 500, 'Internal error.');
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const originUrl = `http://127.0.0.1:${port}`;
  return {
    url: `${originUrl}/?${WEB_TOKEN_PARAM}=${token}`,
    origin: originUrl,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
