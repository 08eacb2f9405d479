import type { Inline, Mark, RichDoc } from '../domain/richtext';
import { join, markup, userText, type Html } from './html';

/** Only these schemes may become a link target; checked again here although the schema checks. */
const SAFE_HREF = /^(https?:\/\/[^\s<>"']+|mailto:[^\s<>"']+)$/i;

export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href);
}

export interface RichTextOptions {
  /**
   * How a link is rendered. The default is an `<a>` with rel="noopener"; kiosk pages pass a
   * function that drops the link (and collects the address for a QR code).
   */
  link?: (href: string, content: Html) => Html;
}

const defaultLink = (href: string, content: Html) =>
  markup`<a href="${href}" rel="noopener">${content}</a>`;

function renderInline(nodes: readonly Inline[] | undefined, options: RichTextOptions): Html {
  const link = options.link ?? defaultLink;
  return join(
    (nodes ?? []).map((node) => {
      if (node.type === 'hardBreak') return markup`<br>`;
      if (node.type !== 'text' || typeof node.text !== 'string') return null;
      const marks: readonly Mark[] = node.marks ?? [];
      let out = userText(node.text);
      // Fixed nesting order, whatever the order in the document: em inside strong inside a.
      if (marks.some((m) => m.type === 'italic')) out = markup`<em>${out}</em>`;
      if (marks.some((m) => m.type === 'bold')) out = markup`<strong>${out}</strong>`;
      const href = marks.find((m): m is Extract<Mark, { type: 'link' }> => m.type === 'link')?.attrs
        ?.href;
      if (typeof href === 'string' && isSafeHref(href)) out = link(href, out);
      return out;
    }),
  );
}

/**
 * Walks the structured document through an allow-list: p, h2, h3, strong, em, ul, ol, li, br and
 * a. Unknown node types are skipped, never passed through, so even a document that bypassed the
 * schema cannot inject markup. `headingOffset` shifts levels where the block sits under an h2.
 */
export function renderRichText(doc: RichDoc | undefined, options: RichTextOptions = {}): Html {
  if (!doc || !Array.isArray(doc.content)) return markup``;
  return join(
    doc.content.map((block) => {
      switch (block.type) {
        case 'paragraph':
          return markup`<p>${renderInline(block.content, options)}</p>`;
        case 'heading':
          return block.attrs?.level === 3
            ? markup`<h3>${renderInline(block.content, options)}</h3>`
            : markup`<h2>${renderInline(block.content, options)}</h2>`;
        case 'bulletList':
        case 'orderedList': {
          const items = (block.content ?? []).map(
            (li) =>
              markup`<li>${join(
                (li.content ?? []).map((p) =>
                  p.type === 'paragraph'
                    ? markup`<p>${renderInline(p.content, options)}</p>`
                    : null,
                ),
              )}</li>`,
          );
          return block.type === 'bulletList'
            ? markup`<ul>${items}</ul>`
            : markup`<ol>${items}</ol>`;
        }
        default:
          return null;
      }
    }),
    '\n',
  );
}

/** Every link target of a document, in order, deduplicated. */
export function richTextLinks(doc: RichDoc | undefined): string[] {
  const out: string[] = [];
  const visit = (nodes: readonly Inline[] | undefined) => {
    for (const n of nodes ?? [])
      if (n.type === 'text')
        for (const m of n.marks ?? [])
          if (m.type === 'link' && isSafeHref(m.attrs.href) && !out.includes(m.attrs.href))
            out.push(m.attrs.href);
  };
  for (const block of doc?.content ?? []) {
    if (block.type === 'paragraph' || block.type === 'heading') visit(block.content);
    else if (block.type === 'bulletList' || block.type === 'orderedList')
      for (const li of block.content) for (const p of li.content) visit(p.content);
  }
  return out;
}
