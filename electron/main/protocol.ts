import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { realPathInside } from '../core/fs/inside';
import { resolveMediaFile } from '../core/media';
import { contentTypeFor, parseRange, SECURITY_HEADERS } from '../core/web';
import { classifyAppRequest } from './app-protocol';

/**
 * Must run before `app` is ready: `vitrine:` becomes a standard, secure scheme, so the page has a
 * real origin (`vitrine://app`), `'self'` in the CSP means that origin, and fetch works on it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

function plain(status: number): Response {
  return new Response(null, { status, headers: { 'X-Content-Type-Options': 'nosniff' } });
}

async function fileResponse(
  request: Request,
  file: string,
  headers: Record<string, string>,
): Promise<Response> {
  const info = await stat(file);
  const base: Record<string, string> = {
    'Content-Type': contentTypeFor(file),
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
    ...headers,
  };
  const range = parseRange(request.headers.get('range'), info.size);
  if (range === 'invalid')
    return new Response(null, {
      status: 416,
      headers: { 'Content-Range': `bytes */${info.size}` },
    });
  const body = (start: number, end: number) =>
    request.method === 'HEAD'
      ? null
      : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream);
  if (range) {
    return new Response(body(range.start, range.end), {
      status: 206,
      headers: {
        ...base,
        'Content-Range': `bytes ${range.start}-${range.end}/${info.size}`,
        'Content-Length': String(range.end - range.start + 1),
      },
    });
  }
  return new Response(body(0, Math.max(0, info.size - 1)), {
    status: 200,
    headers: { ...base, 'Content-Length': String(info.size) },
  });
}

/**
 * Serves the renderer and library media on `vitrine://app/`. Every response carries the security
 * headers (CSP included); media goes through the same containment as the web host.
 */
export function handleAppProtocol(
  session: Session,
  deps: { rendererDir: string; libraryDir: () => string | null; log: (error: unknown) => void },
): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    try {
      const decision = classifyAppRequest(request.url, request.method);
      if (decision.kind === 'reject') return plain(decision.status);
      if (decision.kind === 'media') {
        const dir = deps.libraryDir();
        if (!dir) return plain(404);
        try {
          const file = await resolveMediaFile(dir, decision.relPath);
          return await fileResponse(request, file, { 'Cache-Control': 'private, max-age=3600' });
        } catch (error) {
          if (error instanceof AppError) return plain(error.code === 'NOT_FOUND' ? 404 : 403);
          throw error;
        }
      }
      const file = await realPathInside(
        deps.rendererDir,
        join(deps.rendererDir, ...decision.segments),
      );
      if (!file) return plain(404);
      return await fileResponse(request, file, {
        ...SECURITY_HEADERS,
        'Cache-Control': 'no-cache',
      });
    } catch (error) {
      deps.log(error);
      return plain(500);
    }
  });
}
