import { describe, expect, it } from 'vitest';
import { classifyAppRequest } from '../../../../electron/main/app-protocol';

describe('vitrine:// requests', () => {
  it('serves the renderer and its assets', () => {
    expect(classifyAppRequest('vitrine://app/')).toEqual({
      kind: 'renderer',
      segments: ['index.html'],
    });
    expect(classifyAppRequest('vitrine://app/index.html?x=1')).toEqual({
      kind: 'renderer',
      segments: ['index.html'],
    });
    expect(classifyAppRequest('vitrine://app/assets/index-Ab12.js')).toEqual({
      kind: 'renderer',
      segments: ['assets', 'index-Ab12.js'],
    });
  });

  it('routes media through the containment rules', () => {
    expect(classifyAppRequest('vitrine://app/media/media/ab/ab.jpg')).toEqual({
      kind: 'media',
      relPath: 'media/ab/ab.jpg',
    });
    for (const url of [
      'vitrine://app/media/media/%2e%2e/library.json',
      'vitrine://app/media/media%2f..%2flibrary.json',
      'vitrine://app/media/media/..%5clibrary.json',
      'vitrine://app/media/library.json',
      'vitrine://app/media//etc/passwd',
    ]) {
      expect(classifyAppRequest(url), url).toMatchObject({ kind: 'reject' });
    }
  });

  it('refuses other hosts, methods and odd paths', () => {
    expect(classifyAppRequest('vitrine://evil/index.html')).toMatchObject({
      kind: 'reject',
      status: 403,
    });
    expect(classifyAppRequest('vitrine://app.evil/')).toMatchObject({ kind: 'reject' });
    expect(classifyAppRequest('vitrine://app:8080/')).toMatchObject({ kind: 'reject' });
    expect(classifyAppRequest('vitrine://app/', 'POST')).toMatchObject({
      kind: 'reject',
      status: 405,
    });
    for (const url of [
      'vitrine://app/../x',
      'vitrine://app/%2e%2e/x',
      'vitrine://app/a\\b',
      'vitrine://app/a//b',
    ]) {
      expect(classifyAppRequest(url), url).toMatchObject({ kind: 'reject' });
    }
  });
});
