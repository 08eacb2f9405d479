import { describe, expect, it } from 'vitest';
import type { RichDoc } from '../../../../shared/domain';
import { renderRichText, richTextLinks } from '../../../../shared/render/richtext';

const doc = (content: unknown[]): RichDoc => ({ type: 'doc', content }) as RichDoc;

describe('renderRichText', () => {
  it('renders the allowed nodes and marks', () => {
    const out = renderRichText(
      doc([
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titel' }] },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Unter' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'fett', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'kursiv', marks: [{ type: 'italic' }] },
            {
              type: 'text',
              text: 'Link',
              marks: [{ type: 'link', attrs: { href: 'https://example.org/?a=1&b=2' } }],
            },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }],
            },
          ],
        },
        {
          type: 'orderedList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b' }] }],
            },
          ],
        },
      ]),
    ).value;
    expect(out).toBe(
      '<h2>Titel</h2>\n<h3>Unter</h3>\n<p><strong>fett</strong><br><em>kursiv</em><a href="https://example.org/?a=1&amp;b=2" rel="noopener">Link</a></p>\n<ul><li><p>a</p></li></ul>\n<ol><li><p>b</p></li></ol>',
    );
  });

  it('drops unknown nodes, unsafe links and raw HTML in text', () => {
    const out = renderRichText(
      doc([
        { type: 'html', content: '<script>alert(1)</script>' },
        { type: 'image', attrs: { src: 'x' } },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '<img src=x onerror=alert(1)>' },
            {
              type: 'text',
              text: 'js',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
            {
              type: 'text',
              text: 'data',
              marks: [{ type: 'link', attrs: { href: 'data:text/html,<b>' } }],
            },
            {
              type: 'text',
              text: 'q',
              marks: [{ type: 'link', attrs: { href: 'https://x.org/"onmouseover=alert(1)' } }],
            },
            { type: 'script', text: 'alert(1)' },
          ],
        },
      ]),
    ).value;
    expect(out).toBe('<p>&lt;img src=x onerror=alert(1)&gt;jsdataq</p>');
  });

  it('lets callers replace links (kiosk) and lists link targets', () => {
    const d = doc([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'L', marks: [{ type: 'link', attrs: { href: 'mailto:a@b.de' } }] },
        ],
      },
    ]);
    expect(renderRichText(d, { link: (_h, c) => c }).value).toBe('<p>L</p>');
    expect(richTextLinks(d)).toEqual(['mailto:a@b.de']);
  });
});
