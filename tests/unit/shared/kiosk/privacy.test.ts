import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { privacyNoticeHtml, privacyNoticeMarkdown } from '../../../../shared/kiosk/privacy';

describe('kiosk privacy notice', () => {
  it('is in the README exactly as the player shows it', async () => {
    const readme = await readFile('README.md', 'utf8');
    const block =
      /<!-- privacy-notice:start[^>]*-->\n\n([\s\S]*?)\n<!-- privacy-notice:end -->/.exec(readme);
    expect(block?.[1]).toBe(privacyNoticeMarkdown());
  });

  it('says what is not counted, in both languages', () => {
    expect(privacyNoticeHtml('de').value).toContain('IP-Adressen');
    expect(privacyNoticeHtml('en').value).toContain('IP addresses');
    expect(privacyNoticeHtml('en').value).toContain('lang="en"');
  });
});
