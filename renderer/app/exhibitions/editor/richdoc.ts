import { RichDoc, type BlockNode, type Inline, type Mark } from '../../../../shared/domain';

/**
 * TipTap's JSON carries more than the model keeps (link targets and classes, list start numbers,
 * nested lists, marks the schema does not know). This maps it onto the model's subset and
 * validates with `RichDoc`; whatever is not in the allow-list is dropped, never stored.
 */
interface PmNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type?: string; attrs?: Record<string, unknown> }>;
  content?: PmNode[];
}

function marks(node: PmNode): Mark[] {
  const out: Mark[] = [];
  for (const m of node.marks ?? []) {
    if (m.type === 'bold' || m.type === 'italic') out.push({ type: m.type });
    if (m.type === 'link' && typeof m.attrs?.href === 'string')
      out.push({ type: 'link', attrs: { href: m.attrs.href } });
  }
  return out;
}

function inline(nodes: PmNode[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') out.push({ type: 'hardBreak' });
    if (n.type === 'text' && n.text) {
      const m = marks(n);
      out.push(
        m.length ? { type: 'text', text: n.text, marks: m } : { type: 'text', text: n.text },
      );
    }
  }
  return out;
}

function paragraph(n: PmNode) {
  const content = inline(n.content);
  return content.length ? { type: 'paragraph' as const, content } : { type: 'paragraph' as const };
}

/** Paragraphs of a list item, nested lists flattened into it (the model has one level). */
function listItemParagraphs(n: PmNode): ReturnType<typeof paragraph>[] {
  const out: ReturnType<typeof paragraph>[] = [];
  for (const child of n.content ?? []) {
    if (child.type === 'paragraph' || child.type === 'heading') out.push(paragraph(child));
    if (child.type === 'bulletList' || child.type === 'orderedList')
      for (const li of child.content ?? []) out.push(...listItemParagraphs(li));
  }
  return out.length ? out : [{ type: 'paragraph' }];
}

export function toRichDoc(json: unknown): RichDoc | null {
  const root = json as PmNode;
  if (!root || root.type !== 'doc') return null;
  const content: BlockNode[] = [];
  for (const n of root.content ?? []) {
    if (n.type === 'paragraph') content.push(paragraph(n));
    else if (n.type === 'heading') {
      const level = n.attrs?.level === 3 ? 3 : 2;
      const c = inline(n.content);
      content.push(
        c.length
          ? { type: 'heading', attrs: { level }, content: c }
          : { type: 'heading', attrs: { level } },
      );
    } else if (n.type === 'bulletList' || n.type === 'orderedList') {
      const items = (n.content ?? []).map((li) => ({
        type: 'listItem' as const,
        content: listItemParagraphs(li),
      }));
      if (items.length) content.push({ type: n.type, content: items });
    } else if (n.type === 'blockquote' || n.type === 'codeBlock') {
      for (const child of n.content ?? [])
        if (child.type === 'paragraph') content.push(paragraph(child));
    }
  }
  const parsed = RichDoc.safeParse({ type: 'doc', content });
  return parsed.success ? parsed.data : null;
}

/** A document with no text at all counts as absent: the language is then simply not written. */
export function isEmptyDoc(doc: RichDoc): boolean {
  return doc.content.every(
    (b) =>
      (b.type === 'paragraph' || b.type === 'heading') &&
      (b.content ?? []).every((i) => i.type === 'hardBreak'),
  );
}
