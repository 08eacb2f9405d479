import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Remote } from './remote';

export interface WebdavOptions {
  /** `https://host` (or loopback `http://`), without a path. */
  origin: string;
  /** Folder path on the server, `/dav/site`, without a trailing slash. */
  root: string;
  user?: string;
  password?: string;
  /** Injected for tests that count requests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** Parses `Digest realm="x", nonce="y", qop="auth"` into its fields. */
export function parseChallenge(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.replace(/^Digest\s+/i, '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g))
    out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  return out;
}

/**
 * HTTP Digest (RFC 7616, MD5 with qop=auth — what Apache's mod_auth_digest speaks). Kept here
 * because publishing needs only PUT, MOVE, MKCOL, DELETE and GET; a full WebDAV client library
 * would add a dependency tree for five requests.
 */
export function digestHeader(
  challenge: Record<string, string>,
  method: string,
  uri: string,
  user: string,
  password: string,
  nc: number,
  cnonce = randomBytes(8).toString('hex'),
): string {
  const realm = challenge.realm ?? '';
  const nonce = challenge.nonce ?? '';
  const ha1 = md5(`${user}:${realm}:${password}`);
  const ha2 = md5(`${method}:${uri}`);
  const ncHex = nc.toString(16).padStart(8, '0');
  const qop = (challenge.qop ?? '').split(',').map((q) => q.trim());
  const parts = [`username="${user}"`, `realm="${realm}"`, `nonce="${nonce}"`, `uri="${uri}"`];
  if (qop.includes('auth')) {
    const response = md5(`${ha1}:${nonce}:${ncHex}:${cnonce}:auth:${ha2}`);
    parts.push(`qop=auth`, `nc=${ncHex}`, `cnonce="${cnonce}"`, `response="${response}"`);
  } else parts.push(`response="${md5(`${ha1}:${nonce}:${ha2}`)}"`);
  if (challenge.opaque !== undefined) parts.push(`opaque="${challenge.opaque}"`);
  parts.push('algorithm=MD5');
  return `Digest ${parts.join(', ')}`;
}

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/**
 * A WebDAV collection as a publish target. Basic or Digest is chosen by the server's challenge.
 * Each file goes up under a temporary name and is then moved over the old one (MOVE with
 * Overwrite: T), so a visitor never gets half a file.
 */
export function openWebdav(opts: WebdavOptions): Remote {
  const doFetch = opts.fetch ?? fetch;
  let challenge: Record<string, string> | undefined;
  let basic = false;
  let nc = 0;
  const madeDirs = new Map<string, Promise<void>>();
  const where = `${opts.origin}${opts.root}`;

  function authHeader(method: string, uri: string): Record<string, string> {
    if (opts.user === undefined || opts.password === undefined) return {};
    if (basic)
      return {
        authorization: `Basic ${Buffer.from(`${opts.user}:${opts.password}`).toString('base64')}`,
      };
    if (challenge)
      return {
        authorization: digestHeader(challenge, method, uri, opts.user, opts.password, ++nc),
      };
    return {};
  }

  async function request(
    method: string,
    rel: string,
    init: { body?: Buffer; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const uri = encodePath(`${opts.root}/${rel}`.replace(/\/+$/, '') || '/');
    for (let attempt = 0; attempt < 3; attempt++) {
      let res: Response;
      try {
        res = await doFetch(`${opts.origin}${uri}`, {
          method,
          headers: { ...init.headers, ...authHeader(method, uri) },
          ...(init.body ? { body: new Uint8Array(init.body) } : {}),
          redirect: 'manual',
        });
      } catch (err) {
        throw new AppError(
          'PUBLISH_UNREACHABLE',
          {
            de: `WebDAV-Server ${opts.origin} nicht erreichbar. Es wurde nichts geändert.`,
            en: `WebDAV server ${opts.origin} cannot be reached. Nothing was changed.`,
          },
          { cause: err },
        );
      }
      if (res.status !== 401) return res;
      const www = res.headers.get('www-authenticate') ?? '';
      await res.arrayBuffer();
      const stale = /stale="?true/i.test(www);
      const firstTry = !basic && !challenge;
      if (opts.password !== undefined && (firstTry || stale)) {
        if (/^Digest/i.test(www)) challenge = parseChallenge(www);
        else basic = true;
        nc = 0;
        continue;
      }
      throw new AppError('PUBLISH_AUTH_FAILED', {
        de: `Anmeldung bei ${where} abgelehnt: Benutzername oder Passwort stimmt nicht. Es wurde nichts geändert.`,
        en: `Login to ${where} refused: the user name or password is wrong. Nothing was changed.`,
      });
    }
    throw new AppError('PUBLISH_AUTH_FAILED', {
      de: `Anmeldung bei ${where} abgelehnt.`,
      en: `Login to ${where} refused.`,
    });
  }

  function check(res: Response, what: string, rel: string, write = true): void {
    if (res.ok) return;
    if (res.status === 403 || res.status === 405 || res.status === 507)
      throw new AppError(
        'PUBLISH_NO_WRITE',
        {
          de: `Keine Schreibrechte auf dem Server für „${rel}“ (HTTP ${res.status}). Die Startseiten dort zeigen weiter den bisherigen Stand; bitte Rechte oder Zielordner prüfen, dann erneut veröffentlichen.`,
          en: `No write permission on the server for “${rel}” (HTTP ${res.status}). The start pages there still show the previous version; please check permissions or the target folder, then publish again.`,
        },
        { location: { file: `${where}/${rel}` } },
      );
    // mod_dav_fs answers 500 when the file system refuses a write (it logs "Permission denied"
    // but does not say so to the client); for a write request that is what it almost always is.
    if (res.status === 500 && write)
      throw new AppError(
        'PUBLISH_NO_WRITE',
        {
          de: `Der Server konnte „${rel}“ nicht schreiben (HTTP 500) – meist fehlen Schreibrechte im Zielordner. Die Startseiten dort bleiben unverändert.`,
          en: `The server could not write “${rel}” (HTTP 500) – usually the target folder lacks write permission. The start pages there are left unchanged.`,
        },
        { location: { file: `${where}/${rel}` } },
      );
    throw new AppError('PUBLISH_FAILED', {
      de: `WebDAV: ${what} „${rel}“ fehlgeschlagen (HTTP ${res.status}).`,
      en: `WebDAV: ${what} “${rel}” failed (HTTP ${res.status}).`,
    });
  }

  // One promise per folder, so parallel uploads into a new folder create it once ('' is the
  // target folder itself, created when missing).
  function mkcol(dir: string): Promise<void> {
    let made = madeDirs.get(dir);
    if (!made) {
      made = (async () => {
        if (dir !== '') await mkcol(dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '');
        const res = await request('MKCOL', dir === '' ? '' : `${dir}/`);
        await res.arrayBuffer();
        // 405: the collection already exists.
        if (res.status !== 201 && res.status !== 405)
          check(res, 'Ordner anlegen / create folder', dir || '/');
      })();
      madeDirs.set(dir, made);
      made.catch(() => madeDirs.delete(dir));
    }
    return made;
  }

  return {
    async read(rel) {
      const res = await request('GET', rel);
      if (res.status === 404) {
        await res.arrayBuffer();
        return null;
      }
      check(res, 'Lesen / read', rel, false);
      return Buffer.from(await res.arrayBuffer());
    },
    async write(rel, data) {
      const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
      await mkcol(dir);
      const tmp = `${dir ? `${dir}/` : ''}.vitrine-${randomBytes(6).toString('hex')}.tmp`;
      const put = await request('PUT', tmp, { body: data });
      await put.arrayBuffer();
      check(put, 'Hochladen / upload', rel);
      const move = await request('MOVE', tmp, {
        headers: {
          destination: `${opts.origin}${encodePath(`${opts.root}/${rel}`)}`,
          overwrite: 'T',
        },
      });
      await move.arrayBuffer();
      if (!move.ok) {
        await request('DELETE', tmp).then(
          (r) => r.arrayBuffer(),
          () => undefined,
        );
        check(move, 'Umbenennen / rename', rel);
      }
    },
    async remove(rel) {
      const res = await request('DELETE', rel);
      await res.arrayBuffer();
      if (res.status === 404) return;
      check(res, 'Löschen / delete', rel);
    },
    async removeEmptyDir(rel) {
      // WebDAV DELETE of a collection is recursive, so ask first whether anything is left.
      const res = await request('PROPFIND', `${rel}/`, { headers: { depth: '1' } });
      const body = await res.text();
      if (res.status !== 207) return;
      if ((body.match(/<(?:\w+:)?response[\s>]/g) ?? []).length > 1) return;
      const del = await request('DELETE', `${rel}/`);
      await del.arrayBuffer();
    },
    async close() {},
  };
}
