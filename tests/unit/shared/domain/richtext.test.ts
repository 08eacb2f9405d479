import { describe, expect, it } from 'vitest';
import {
  RichDoc,
  docFromParagraphs,
  docLinks,
  docToPlainText,
} from '../../../../shared/domain/richtext';

describe('rich text documents', () => {
  const doc = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Anfänge' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Seit ' },
          { type: 'text', text: '1969', marks: [{ type: 'bold' }] },
          { type: 'hardBreak' },
          {
            type: 'text',
            text: 'Leeds',
            marks: [{ type: 'link', attrs: { href: 'https://www.leeds.gov.uk/' } }],
          },
        ],
      },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Schüleraustausch' }] }],
          },
        ],
      },
    ],
  };

  it('accepts the allowed structure and extracts text and links', () => {
    const parsed = RichDoc.parse(doc);
    expect(docToPlainText(parsed)).toBe('Anfänge\nSeit 1969\nLeeds\nSchüleraustausch');
    expect(docLinks(parsed)).toEqual(['https://www.leeds.gov.uk/']);
  });

  it.each([
    [
      'raw HTML node',
      { type: 'doc', content: [{ type: 'html', html: '<script>alert(1)</script>' }] },
    ],
    [
      'javascript: link',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'x',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
              },
            ],
          },
        ],
      },
    ],
    [
      'data: link',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'x',
                marks: [{ type: 'link', attrs: { href: 'data:text/html,hi' } }],
              },
            ],
          },
        ],
      },
    ],
    [
      'heading level 1',
      { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [] }] },
    ],
    [
      'unknown mark',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'underline' }] }],
          },
        ],
      },
    ],
  ])('rejects %s', (_name, bad) => {
    expect(RichDoc.safeParse(bad).success).toBe(false);
  });

  it('builds documents from paragraphs', () => {
    expect(docToPlainText(docFromParagraphs('Eins', 'Zwei'))).toBe('Eins\nZwei');
  });
});
