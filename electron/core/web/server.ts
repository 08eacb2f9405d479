import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { realPathInside } from '../fs/inside';
import {
  apiEventNames,
  isApiMethodName,
  WEB_API_PREFIX,
  WEB_EVENTS_PATH,
  WEB_MAX_BODY_BYTES,
  WEB_MEDIA_PREFIX,
  WEB_TOKEN_PARAM,
  WEB_UPLOAD_PATH,
  WEB_MAX_UPLOAD_BYTES,
  type ApiResult,
} from '../../../shared/api';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { unknownMethod, type ApiService } from '../api';
import { resolveMediaFile } from '../media';
import { findToken, isAllowedHost, isAllowedOrigin, newToken, tokenCookie } from './guard';
import { mediaUrlToRelPath } from './media-url';
import { contentTypeFor, SECURITY_HEADERS } from './policy';
import { parseRange } from './range';

export interface WebHostOptions {
  service: ApiService;
  /** The built renderer (dist/renderer); null serves a page saying it is not built. */
  rendererDir: string | null;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed token for tests; normally a fresh random one per run. */
  token?: string;
  logError?: (context: string, error: unknown) => void;
}

export interface WebHost {
  /** `http://127.0.0.1:PORT/?token=…`: what a person opens. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const SSE_PING_MS = 20_000;

function errorData(code: ErrorCode, de: string, en: string, lang: 'de' | 'en') {
  return new AppError(code, { de, en }).toData(lang);
}

/**
 * The loopback web host: the built renderer and the same handler table as Electron, for
 * development, tests and looking at the app where Electron cannot run.
 *
 * Security decisions, in the order they are checked on every request:
 * 1. bound to 127.0.0.1 only, never a public interface;
 * 2. `Host` must be `127.0.0.1:PORT` or `localhost:PORT` (403) — defeats DNS rebinding;
 * 3. `Origin`, when sent, must be this host (403) — no other site can call in, and no CORS
 *    headers are ever sent, so browsers refuse cross-origin reads as well;
 * 4. a per-run random token (32 bytes) in `Authorization: Bearer`, the HttpOnly SameSite=Strict
 *    cookie set by the first tokened page load, or `?token=` (401 otherwise);
 * 5. API bodies must be JSON and at most 1 MB (413), validated against the contract before any
 *    handler runs; media paths go through `mediaUrlToRelPath` and `resolveMediaFile`.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { service } = options;
  const token = options.token ?? newToken();
  const log =
    options.logError ?? ((context, error) => console.error(`[vitrine web] ${context}:`, error));
  const streams = new Set<ServerResponse>();
  let port = 0;

  const lang = () => service.uiLanguage();

  function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(text);
  }

  function sendError(
    res: ServerResponse,
    status: number,
    code: ErrorCode,
    de: string,
    en: string,
  ): void {
    sendJson(res, status, { ok: false, error: errorData(code, de, en, lang()) });
  }

  function sendText(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(text);
  }

  async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > WEB_MAX_BODY_BYTES) return 'too-large';
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > WEB_MAX_BODY_BYTES) return 'too-large';
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
  ): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendError(res, 405, 'INVALID_INPUT', 'Nur POST ist erlaubt.', 'Only POST is allowed.');
    }
    if (!isApiMethodName(method)) {
      return sendJson(res, 404, { ok: false, error: unknownMethod(method).toData(lang()) });
    }
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json(\s*;|$)/i.test(type)) {
      return sendError(
        res,
        415,
        'INVALID_INPUT',
        'Die Anfrage muss JSON sein.',
        'The request must be JSON.',
      );
    }
    const body = await readBody(req);
    if (body === 'too-large') {
      sendError(
        res,
        413,
        'INVALID_INPUT',
        `Die Anfrage ist größer als ${WEB_MAX_BODY_BYTES} Bytes.`,
        `The request is larger than ${WEB_MAX_BODY_BYTES} bytes.`,
      );
      // Stop reading the rest of an oversized upload.
      req.destroy();
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(
        res,
        400,
        'INVALID_INPUT',
        'Die Anfrage ist kein gültiges JSON.',
        'The request is not valid JSON.',
      );
    }
    const result = await service.dispatch(method, input);
    sendJson(res, result.ok ? 200 : result.error.code === 'INVALID_INPUT' ? 400 : 200, result);
  }

  /**
   * Security decision: an upload is raw bytes streamed into the app data's upload folder under
   * a fresh random id; the client sends no name and no path, so nothing it says can choose where
   * bytes land. Size is capped while streaming (413, partial file removed). Importing (and
   * deleting) happens in `media.importUploads`, through the same validation as every call.
   */
  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendError(res, 405, 'INVALID_INPUT', 'Nur POST ist erlaubt.', 'Only POST is allowed.');
    }
    const tooLarge = () =>
      sendError(
        res,
        413,
        'INVALID_INPUT',
        `Die Datei ist größer als ${WEB_MAX_UPLOAD_BYTES} Bytes.`,
        `The file is larger than ${WEB_MAX_UPLOAD_BYTES} bytes.`,
      );
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > WEB_MAX_UPLOAD_BYTES) {
      tooLarge();
      req.destroy();
      return;
    }
    const uploadId = randomBytes(16).toString('hex');
    const file = join(service.uploadDir(), uploadId);
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > WEB_MAX_UPLOAD_BYTES) done(new Error('too-large'));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(req, limit, createWriteStream(file, { flags: 'wx' }));
    } catch (error) {
      await rm(file, { force: true });
      if (size > WEB_MAX_UPLOAD_BYTES) {
        tooLarge();
        req.destroy();
        return;
      }
      throw error;
    }
    sendJson(res, 200, { ok: true, value: { uploadId } });
  }

  function handleEvents(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write('retry: 2000\n\n');
    streams.add(res);
    const offs = apiEventNames.map((name) =>
      service.on(name, (payload) => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      }),
    );
    const ping = setInterval(() => res.write(': ping\n\n'), SSE_PING_MS);
    ping.unref();
    const stop = () => {
      clearInterval(ping);
      for (const off of offs) off();
      streams.delete(res);
    };
    res.on('close', stop);
  }

  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    headers: Record<string, string>,
  ): Promise<void> {
    const info = await stat(file);
    const type = contentTypeFor(file);
    const base: Record<string, string | number> = {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      'Accept-Ranges': 'bytes',
      ...headers,
    };
    // Single byte ranges, so audio and video can seek.
    const range = parseRange(req.headers.range, info.size);
    if (range === 'invalid') {
      res.writeHead(416, { 'Content-Range': `bytes */${info.size}` });
      res.end();
      return;
    }
    if (range) {
      const { start, end } = range;
      res.writeHead(206, {
        ...base,
        'Content-Range': `bytes ${start}-${end}/${info.size}`,
        'Content-Length': end - start + 1,
      });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { ...base, 'Content-Length': info.size });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  async function handleMedia(
    req: IncomingMessage,
    res: ServerResponse,
    rawRest: string,
  ): Promise<void> {
    const dir = service.libraryDir();
    if (!dir) return sendText(res, 404, 'No library is open.');
    const rel = mediaUrlToRelPath(rawRest);
    if (!rel) return sendText(res, 403, 'Path rejected.');
    let file: string;
    try {
      file = await resolveMediaFile(dir, rel);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND')
        return sendText(res, 404, 'Not found.');
      return sendText(res, 403, 'Path rejected.');
    }
    await sendFile(req, res, file, {
      'Cache-Control': 'private, max-age=3600',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  }

  async function handleStatic(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    tokenFrom: 'header' | 'cookie' | 'query',
  ): Promise<void> {
    const cookie = tokenFrom === 'query' ? { 'Set-Cookie': tokenCookie(token) } : {};
    if (pathname === '/' || pathname === '/index.html') {
      if (!options.rendererDir) {
        const text =
          '<!doctype html><html lang="de"><meta charset="utf-8"><title>Vitrine</title>' +
          '<p>Die Oberfläche ist nicht gebaut: <code>npm run build</code>.</p>' +
          '<p lang="en">The user interface is not built: run <code>npm run build</code>.</p></html>';
        res.writeHead(503, {
          ...SECURITY_HEADERS,
          ...cookie,
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        res.end(text);
        return;
      }
      const html = await readFile(join(options.rendererDir, 'index.html'));
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        ...cookie,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': html.length,
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    if (!options.rendererDir) return sendText(res, 404, 'Not found.');
    // Static assets: the same strict rules as media (decoded once, plain segments only).
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname.slice(1));
    } catch {
      return sendText(res, 400, 'Bad path.');
    }
    const segments = decoded.split('/');
    if (
      /%|\\|\0/.test(decoded) ||
      segments.some((s) => s === '' || s === '.' || s === '..' || !/^[A-Za-z0-9._@-]+$/.test(s))
    ) {
      return sendText(res, 404, 'Not found.');
    }
    const file = await realPathInside(options.rendererDir, join(options.rendererDir, ...segments));
    const isFile =
      file !== null &&
      (await stat(file).then(
        (s) => s.isFile(),
        () => false,
      ));
    if (!file || !isFile) return sendText(res, 404, 'Not found.');
    await sendFile(req, res, file, { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '/';
    if (!target.startsWith('/')) return sendText(res, 400, 'Bad request.');
    if (!isAllowedHost(req.headers.host, port)) return sendText(res, 403, 'Forbidden host.');
    const origin = req.headers.origin;
    if (!isAllowedOrigin(Array.isArray(origin) ? origin[0] : origin, port)) {
      return sendText(res, 403, 'Forbidden origin.');
    }
    const tokenFrom = findToken(
      { authorization: req.headers.authorization, cookie: req.headers.cookie, url: target },
      token,
    );
    const q = target.indexOf('?');
    const pathname = q >= 0 ? target.slice(0, q) : target;
    if (!tokenFrom) {
      if (pathname.startsWith(WEB_API_PREFIX)) {
        return sendError(
          res,
          401,
          'UNAUTHORIZED',
          'Zugangsschlüssel fehlt oder ist falsch. Öffnen Sie die Adresse, die „vitrine web“ ausgegeben hat.',
          'Missing or wrong access token. Open the address that “vitrine web” printed.',
        );
      }
      return sendText(res, 401, 'Unauthorized: open the address that “vitrine web” printed.');
    }
    if (pathname.startsWith(WEB_API_PREFIX))
      return handleApi(req, res, pathname.slice(WEB_API_PREFIX.length));
    if (pathname === WEB_UPLOAD_PATH) return handleUpload(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed.');
    }
    if (pathname === WEB_EVENTS_PATH) return handleEvents(res);
    if (pathname.startsWith(WEB_MEDIA_PREFIX))
      return handleMedia(req, res, pathname.slice(WEB_MEDIA_PREFIX.length));
    return handleStatic(req, res, pathname, tokenFrom);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`${req.method} ${req.url?.split('?')[0]}`, error);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Interner Fehler.', 'Internal error.');
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;

  return {
    url: `${origin}/?${WEB_TOKEN_PARAM}=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
