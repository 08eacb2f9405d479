import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WEB_TOKEN_COOKIE, WEB_TOKEN_PARAM } from '../../../shared/api';

/** 32 random bytes, URL-safe: the per-run secret that every request must carry. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Security decision (DNS rebinding): a page on `evil.example` whose name was re-pointed at
 * 127.0.0.1 reaches this port with its own name in `Host`. Only the exact loopback names with
 * our port are accepted.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const value = host.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`;
}

/**
 * Security decision: a browser sends `Origin` on cross-origin requests (and on same-origin POSTs);
 * when present it must be this host itself. Absent is fine (same-origin GETs, non-browser
 * clients), because the token is still required.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const value = origin.toLowerCase();
  return value === `http://127.0.0.1:${port}` || value === `http://localhost:${port}`;
}

export function tokenMatches(candidate: string | undefined | null, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface TokenSources {
  authorization?: string | undefined;
  cookie?: string | undefined;
  /** The request target, e.g. `/index.html?token=…`. */
  url?: string | undefined;
}

/** Which of the accepted places carries the right token, if any. */
export function findToken(
  sources: TokenSources,
  token: string,
): 'header' | 'cookie' | 'query' | null {
  const auth = sources.authorization;
  if (auth?.startsWith('Bearer ') && tokenMatches(auth.slice(7).trim(), token)) return 'header';
  if (sources.cookie) {
    for (const part of sources.cookie.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      if (
        part.slice(0, eq).trim() === WEB_TOKEN_COOKIE &&
        tokenMatches(part.slice(eq + 1).trim(), token)
      )
        return 'cookie';
    }
  }
  if (sources.url) {
    const q = sources.url.indexOf('?');
    if (q >= 0) {
      const value = new URLSearchParams(sources.url.slice(q + 1)).get(WEB_TOKEN_PARAM);
      if (tokenMatches(value, token)) return 'query';
    }
  }
  return null;
}

/** HttpOnly so page scripts cannot read it; SameSite=Strict so other sites cannot ride on it. */
export function tokenCookie(token: string): string {
  return `${WEB_TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}
