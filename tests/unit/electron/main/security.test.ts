import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  externalUrlToOpen,
  isAppUrl,
  isTrustedSender,
} from '../../../../electron/main/security';

describe('sender check', () => {
  const ok = { url: 'vitrine://app/index.html', isTopFrame: true, isOwnWindow: true };
  it('trusts only the top frame of our window on our protocol', () => {
    expect(isTrustedSender(ok)).toBe(true);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender({ ...ok, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ok, isOwnWindow: false })).toBe(false);
    for (const url of [
      'https://evil.example/',
      'file:///home/k/index.html',
      'vitrine://evil/index.html',
      'vitrine://app.evil/',
      'vitrine://user:pw@app/',
      'about:blank',
      'data:text/html,hi',
      '',
    ]) {
      expect(isTrustedSender({ ...ok, url }), url).toBe(false);
    }
  });

  it('recognises app URLs', () => {
    expect(isAppUrl('vitrine://app/')).toBe(true);
    expect(isAppUrl('vitrine://app/assets/x.js?v=1')).toBe(true);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('external links', () => {
  it('opens only plain http(s) URLs, re-serialised', () => {
    expect(externalUrlToOpen('https://www.dortmund.de/partnerstaedte')).toBe(
      'https://www.dortmund.de/partnerstaedte',
    );
    expect(externalUrlToOpen('http://example.org')).toBe('http://example.org/');
    expect(externalUrlToOpen('HTTPS://Example.org/a b')).toBeNull();
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'vitrine://app/',
      'smb://server/share',
      'ms-msdt:/id',
      'https://user:pw@example.org/',
      'https://',
      '//example.org',
      'https://example.org/\n',
      `https://example.org/${'a'.repeat(2100)}`,
      42,
      undefined,
    ]) {
      expect(externalUrlToOpen(bad), String(bad)).toBeNull();
    }
  });

  it('denies navigation, handing web links to the browser', () => {
    expect(decideNavigation('https://leeds.gov.uk/')).toEqual({
      action: 'open-external',
      url: 'https://leeds.gov.uk/',
    });
    expect(decideNavigation('vitrine://app/other.html')).toEqual({ action: 'deny' });
    expect(decideNavigation('file:///etc')).toEqual({ action: 'deny' });
    // Library media is handed to main as a library-relative path, checked on the way.
    expect(decideNavigation('vitrine://app/media/media/ab/bericht.pdf')).toEqual({
      action: 'open-media',
      relPath: 'media/ab/bericht.pdf',
    });
    for (const url of [
      'vitrine://app/media/media/..%2fsecret',
      'vitrine://app/media/library.json',
      'vitrine://evil/media/media/ab/x.pdf',
      'vitrine://app/media/media/%252e%252e/x',
    ]) {
      expect(decideNavigation(url), url).toEqual({ action: 'deny' });
    }
  });
});
