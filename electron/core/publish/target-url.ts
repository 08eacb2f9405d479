import { AppError } from '../../../shared/errors';

/** Where a bundle is published: a folder on an SFTP server or a WebDAV collection. */
export type PublishTarget =
  | { kind: 'sftp'; host: string; port: number; user: string; path: string; url: string }
  | { kind: 'webdav'; url: string; origin: string; path: string; user?: string };

function invalid(url: string, de: string, en: string): AppError {
  return new AppError(
    'PUBLISH_TARGET_INVALID',
    { de: `Ziel „${url}“: ${de}`, en: `Target “${url}”: ${en}` },
    { location: { file: url } },
  );
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Parses `sftp://user@host[:port]/path` or `https://[user@]host/path` (WebDAV). A password in the
 * URL is refused: target URLs may be saved in settings and printed in logs, so a secret must come
 * from the environment, the ssh agent, a prompt or the desktop app's encrypted store instead.
 * Security: plain `http://` is accepted only for the loopback host, because basic auth over
 * plain HTTP would send the password readable to everyone on the way.
 */
export function parsePublishTarget(raw: string): PublishTarget {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw invalid(
      raw,
      'keine gültige Adresse. Beispiele: sftp://nutzer@server/pfad oder https://server/dav/pfad',
      'not a valid address. Examples: sftp://user@server/path or https://server/dav/path',
    );
  }
  if (u.password)
    throw invalid(
      raw,
      'ein Passwort gehört nicht in die Adresse; es wird abgefragt oder aus VITRINE_PUBLISH_PASSWORD gelesen.',
      'a password does not belong in the address; it is prompted for or read from VITRINE_PUBLISH_PASSWORD.',
    );
  const folder = decodeURIComponent(u.pathname).replace(/\/+$/, '') || '/';
  if (folder.split('/').some((s) => s === '..'))
    throw invalid(raw, 'der Pfad darf kein „..“ enthalten.', 'the path must not contain “..”.');
  if (u.protocol === 'sftp:') {
    if (!u.username)
      throw invalid(
        raw,
        'der Benutzername fehlt (sftp://nutzer@server/pfad).',
        'the user name is missing (sftp://user@server/path).',
      );
    const port = u.port ? Number(u.port) : 22;
    return {
      kind: 'sftp',
      host: u.hostname,
      port,
      user: decodeURIComponent(u.username),
      path: folder,
      url: `sftp://${u.username}@${u.host}${folder}`,
    };
  }
  if (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname))) {
    const clean = new URL(u.href);
    clean.username = '';
    clean.password = '';
    return {
      kind: 'webdav',
      origin: clean.origin,
      path: clean.pathname.replace(/\/+$/, '') || '',
      url: clean.href.replace(/\/+$/, ''),
      ...(u.username ? { user: decodeURIComponent(u.username) } : {}),
    };
  }
  if (u.protocol === 'http:')
    throw invalid(
      raw,
      'unverschlüsseltes http:// ist nur für den eigenen Rechner erlaubt; bitte https:// verwenden.',
      'unencrypted http:// is allowed only for this computer; please use https://.',
    );
  throw invalid(
    raw,
    `„${u.protocol}“ wird nicht unterstützt (sftp:// oder https:// für WebDAV).`,
    `“${u.protocol}” is not supported (sftp:// or https:// for WebDAV).`,
  );
}
