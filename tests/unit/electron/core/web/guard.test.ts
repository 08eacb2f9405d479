import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  defaultAppDataDir,
  findToken,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  parseRange,
  tokenCookie,
} from '../../../../../electron/core/web';

describe('guards', () => {
  it('accepts only loopback hosts with the right port', () => {
    expect(isAllowedHost('127.0.0.1:8123', 8123)).toBe(true);
    expect(isAllowedHost('LOCALHOST:8123', 8123)).toBe(true);
    expect(isAllowedHost(undefined, 8123)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 8123)).toBe(false);
    expect(isAllowedHost('127.0.0.1:8124', 8123)).toBe(false);
    expect(isAllowedHost('attacker.example:8123', 8123)).toBe(false);
  });

  it('accepts an absent Origin or our own, nothing else', () => {
    expect(isAllowedOrigin(undefined, 80)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:80', 80)).toBe(true);
    expect(isAllowedOrigin('http://localhost:80', 80)).toBe(true);
    expect(isAllowedOrigin('null', 80)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:81', 80)).toBe(false);
    expect(isAllowedOrigin('https://127.0.0.1:80', 80)).toBe(false);
  });

  it('finds the token in header, cookie or query, and nowhere else', () => {
    const token = newToken();
    expect(newToken()).not.toBe(token);
    expect(findToken({ authorization: `Bearer ${token}` }, token)).toBe('header');
    expect(findToken({ cookie: `a=1; vitrine_token=${token}; b=2` }, token)).toBe('cookie');
    expect(findToken({ url: `/?x=1&token=${token}` }, token)).toBe('query');
    expect(findToken({ url: `/${token}` }, token)).toBeNull();
    expect(findToken({ authorization: `Basic ${token}` }, token)).toBeNull();
    expect(findToken({ cookie: `other_token=${token}` }, token)).toBeNull();
    expect(findToken({ url: '/?token=' }, token)).toBeNull();
    expect(tokenCookie(token)).toBe(`vitrine_token=${token}; Path=/; HttpOnly; SameSite=Strict`);
  });

  it('has a CSP without inline or eval script', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('maps content types and never guesses HTML for unknown files', () => {
    expect(contentTypeFor('a/b.JPG')).toBe('image/jpeg');
    expect(contentTypeFor('x.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
    expect(contentTypeFor('noext')).toBe('application/octet-stream');
  });

  it('parses single byte ranges', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=0-1000', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('invalid');
    expect(parseRange('bytes=5-1', 100)).toBe('invalid');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange(undefined, 100)).toBeNull();
  });

  it('puts app data where Electron puts userData for "Vitrine"', () => {
    expect(defaultAppDataDir({}, 'linux', '/home/k')).toBe('/home/k/.config/Vitrine');
    expect(defaultAppDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/k')).toBe('/x/Vitrine');
    expect(defaultAppDataDir({}, 'darwin', '/Users/k')).toBe(
      '/Users/k/Library/Application Support/Vitrine',
    );
    expect(defaultAppDataDir({ VITRINE_APP_DATA: '/tmp/v' }, 'linux', '/home/k')).toBe('/tmp/v');
  });
});
