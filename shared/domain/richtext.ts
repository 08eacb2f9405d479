import { z } from 'zod';

/**
 * Rich text is a structured document in the JSON shape of ProseMirror/TipTap, restricted to what
 * an exhibition text needs. Raw HTML is never stored: renderers walk this tree through an
 * allow-list, so nothing a curator types can become markup.
 */
const SAFE_HREF = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

export const LinkHref = z
  .string()
  .max(2000)
  .regex(SAFE_HREF, 'Links must start with http://, https:// or mailto:');

export const Mark = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: LinkHref }) }),
]);
export type Mark = z.infer<typeof Mark>;

export const TextNode = z.object({
  type: z.literal('text'),
  text: z.string().min(1).max(100_000),
  marks: z.array(Mark).max(3).optional(),
});
export const HardBreak = z.object({ type: z.literal('hardBreak') });
export const Inline = z.discriminatedUnion('type', [TextNode, HardBreak]);
export type Inline = z.infer<typeof Inline>;

export const Paragraph = z.object({
  type: z.literal('paragraph'),
  content: z.array(Inline).max(5000).optional(),
});
export const Heading = z.object({
  type: z.literal('heading'),
  attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }),
  content: z.array(Inline).max(5000).optional(),
});
export const ListItem = z.object({
  type: z.literal('listItem'),
  content: z.array(Paragraph).min(1).max(50),
});
export const BulletList = z.object({
  type: z.literal('bulletList'),
  content: z.array(ListItem).min(1).max(500),
});
export const OrderedList = z.object({
  type: z.literal('orderedList'),
  content: z.array(ListItem).min(1).max(500),
});
export const BlockNode = z.discriminatedUnion('type', [
  Paragraph,
  Heading,
  BulletList,
  OrderedList,
]);
export type BlockNode = z.infer<typeof BlockNode>;

export const RichDoc = z.object({
  type: z.literal('doc'),
  content: z.array(BlockNode).max(5000),
});
export type RichDoc = z.infer<typeof RichDoc>;

/** Rich text per language. */
export const LocalizedRichText = z.record(z.string(), RichDoc);
export type LocalizedRichText = z.infer<typeof LocalizedRichText>;

/** Builds a document from plain paragraphs; used by the sample library, import and tests. */
export function docFromParagraphs(...paragraphs: string[]): RichDoc {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({
      type: 'paragraph' as const,
      content: text ? [{ type: 'text' as const, text }] : [],
    })),
  };
}

/** The plain text of a document, for search indexes, completeness checks and descriptions. */
export function docToPlainText(doc: RichDoc | undefined): string {
  if (!doc) return '';
  const out: string[] = [];
  const inline = (nodes: Inline[] | undefined) =>
    (nodes ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
  for (const block of doc.content) {
    if (block.type === 'paragraph' || block.type === 'heading') out.push(inline(block.content));
    else for (const li of block.content) for (const p of li.content) out.push(inline(p.content));
  }
  return out.join('\n').trim();
}

export function docLinks(doc: RichDoc | undefined): string[] {
  if (!doc) return [];
  const links: string[] = [];
  const visit = (nodes: Inline[] | undefined) => {
    for (const n of nodes ?? [])
      if (n.type === 'text')
        for (const m of n.marks ?? []) if (m.type === 'link') links.push(m.attrs.href);
  };
  for (const block of doc.content) {
    if (block.type === 'paragraph' || block.type === 'heading') visit(block.content);
    else for (const li of block.content) for (const p of li.content) visit(p.content);
  }
  return links;
}
