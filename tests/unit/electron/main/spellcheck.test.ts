import { describe, expect, it } from 'vitest';
import { spellcheckPolicy } from '../../../../electron/main/spellcheck';

describe('spell-check policy', () => {
  it('never names a real dictionary host', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const url = new URL(spellcheckPolicy(platform).downloadUrl);
      expect(url.hostname.endsWith('.invalid'), platform).toBe(true);
    }
  });

  it('uses the OS checker on macOS and Windows and is off on Linux', () => {
    expect(spellcheckPolicy('darwin').enabled).toBe(true);
    expect(spellcheckPolicy('win32')).toMatchObject({
      enabled: true,
      languages: ['de-DE', 'en-US'],
    });
    expect(spellcheckPolicy('linux').enabled).toBe(false);
  });
});
