import { describe, expect, it } from 'vitest';
import { useAppSessions } from '../harness';
import { expectNoAxeViolations, openItem } from './helpers';

/**
 * The item editor's media preview draws the first page of a PDF with pdf.js (lazily loaded,
 * worker from our own build, under the app's CSP) and still offers the whole document as a link.
 */
const sessions = useAppSessions();

describe('PDF preview', () => {
  it('shows the first page of the sample letter of greeting and links the PDF', async () => {
    const { page, problems } = await sessions.start({ withSampleLibrary: true });
    await page.getByTestId('item-grid').getByRole('listitem').first().waitFor();
    await openItem(page, 'Grußwort zur Online-Ausstellung');

    const editor = page.getByTestId('item-editor');
    const canvas = editor.getByRole('img', { name: 'Grußwort zur Online-Ausstellung' });
    await canvas.waitFor();
    await editor.getByText('Erste Seite wird geladen …').waitFor({ state: 'detached' });

    // Pixels that are not white: the page's text was drawn, not just a blank sheet.
    const inked = await canvas.evaluate((node) => {
      const el = node as HTMLCanvasElement;
      const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 0 && data[i]! + data[i + 1]! + data[i + 2]! < 600) dark += 1;
      }
      return { dark, width: el.width, height: el.height };
    });
    expect(inked.width).toBeGreaterThan(100);
    expect(inked.height).toBeGreaterThan(inked.width);
    expect(inked.dark).toBeGreaterThan(50);

    const link = editor.getByRole('link', { name: /^PDF öffnen: / });
    await expect(link.getAttribute('href')).resolves.toMatch(/^\/media\/.+\.pdf$/);
    await expectNoAxeViolations(page, 'item editor with a PDF');
    expect(problems).toEqual([]);
  });
});
