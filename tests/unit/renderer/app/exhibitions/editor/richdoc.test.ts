import { describe, expect, it } from 'vitest';
import { isEmptyDoc, toRichDoc } from '../../../../../../renderer/app/exhibitions/editor/richdoc';

describe('TipTap JSON to the model’s rich text', () => {
  it('keeps headings 2/3, paragraphs, bold, italic, lists and safe links, dropping extra attributes', () => {
    const doc = toRichDoc({
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2, textAlign: null },
          content: [{ type: 'text', text: 'Titel' }],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'fett', marks: [{ type: 'bold' }, { type: 'strike' }] },
            {
              type: 'text',
              text: 'Link',
              marks: [
                {
                  type: 'link',
                  attrs: {
                    href: 'https://leeds.gov.uk',
                    target: '_blank',
                    rel: 'noopener',
                    class: null,
                  },
                },
              ],
            },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 3, type: null },
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [{ type: 'text', text: 'eins', marks: [{ type: 'italic' }] }],
                },
                {
                  type: 'bulletList',
                  content: [
                    {
                      type: 'listItem',
                      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'tief' }] }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(doc).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titel' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'fett', marks: [{ type: 'bold' }] },
            {
              type: 'text',
              text: 'Link',
              marks: [{ type: 'link', attrs: { href: 'https://leeds.gov.uk' } }],
            },
          ],
        },
        {
          type: 'orderedList',
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [{ type: 'text', text: 'eins', marks: [{ type: 'italic' }] }],
                },
                { type: 'paragraph', content: [{ type: 'text', text: 'tief' }] },
              ],
            },
          ],
        },
      ],
    });
  });

  it('refuses a document whose link is not http(s) or mailto', () => {
    const bad = {
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
    };
    expect(toRichDoc(bad)).toBeNull();
    expect(toRichDoc({ type: 'paragraph' })).toBeNull();
  });

  it('turns unknown blocks into paragraphs and recognises an empty document', () => {
    const doc = toRichDoc({
      type: 'doc',
      content: [
        {
          type: 'blockquote',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'zitiert' }] }],
        },
        { type: 'image', attrs: { src: 'x' } },
      ],
    });
    expect(doc).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'zitiert' }] }],
    });
    expect(isEmptyDoc(toRichDoc({ type: 'doc', content: [{ type: 'paragraph' }] })!)).toBe(true);
    expect(isEmptyDoc(doc!)).toBe(false);
  });
});
