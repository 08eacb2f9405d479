import { hasText, type LocalizedText } from '../domain/language';
import type { Block, Exhibition } from '../domain/exhibition';
import { docToPlainText, type LocalizedRichText } from '../domain/richtext';

/**
 * The translatable texts of an exhibition, field by field, with the path the check reports and
 * the editor jumps to. One list for the check rule and the editor's completeness marks, so the
 * two can never disagree about what "translated" means.
 */
export interface TextField {
  /** Path inside the exhibition, without the language: `chapters[0].blocks[2].caption`. */
  path: string;
  /** The block the field belongs to, when it belongs to one. */
  blockId?: string;
  /** Whether `lang` has its own text for this field. */
  has(lang: string): boolean;
  /**
   * Required fields must exist in every language of the exhibition; optional ones (captions,
   * labels) only once some language has them — then every language needs them.
   */
  required: boolean;
  /** The field's plain text in `lang` ('' when absent), for the Leichte Sprache check. */
  text(lang: string): string;
}

const plain = (t: LocalizedText | undefined) => (lang: string) => hasText(t, lang);
const rich = (t: LocalizedRichText) => (lang: string) => docToPlainText(t[lang]).trim() !== '';
const plainText = (t: LocalizedText | undefined) => (lang: string) => t?.[lang] ?? '';
const richText = (t: LocalizedRichText) => (lang: string) => docToPlainText(t[lang]);
const anyLang = (t: LocalizedText | undefined) =>
  Object.values(t ?? {}).some((v) => v.trim() !== '');

export function blockTextFields(block: Block, at: string): TextField[] {
  const f = (
    path: string,
    has: (l: string) => boolean,
    required: boolean,
    text: (l: string) => string,
  ): TextField => ({ path: `${at}.${path}`, blockId: block.id, has, required, text });
  const optional = (path: string, t: LocalizedText | undefined) =>
    anyLang(t) ? [f(path, plain(t), false, plainText(t))] : [];
  switch (block.type) {
    case 'text':
      return [f('body', rich(block.body), true, richText(block.body))];
    case 'item':
      return optional('caption', block.caption);
    case 'gallery':
    case 'timeline':
    case 'map':
      return optional('title', block.title);
    case 'quote':
      return [
        f('text', plain(block.text), true, plainText(block.text)),
        ...optional('attribution', block.attribution),
      ];
    case 'comparison':
      return [
        ...optional('before.label', block.before.label),
        ...optional('after.label', block.after.label),
        ...optional('caption', block.caption),
      ];
  }
}

export function exhibitionTextFields(x: Exhibition): TextField[] {
  const field = (path: string, t: LocalizedText | undefined, required: boolean): TextField => ({
    path,
    has: plain(t),
    required,
    text: plainText(t),
  });
  const fields: TextField[] = [field('title', x.title, true)];
  if (anyLang(x.subtitle)) fields.push(field('subtitle', x.subtitle, false));
  if (anyLang(x.credits)) fields.push(field('credits', x.credits, false));
  if (anyLang(x.imprint)) fields.push(field('imprint', x.imprint, false));
  x.chapters.forEach((chapter, c) => {
    fields.push(field(`chapters[${c}].title`, chapter.title, true));
    chapter.blocks.forEach((block, b) =>
      fields.push(...blockTextFields(block, `chapters[${c}].blocks[${b}]`)),
    );
  });
  return fields;
}

/** Share of a block's texts present in `lang`, 0 … 1; a block with no texts is complete. */
export function blockCompleteness(block: Block, lang: string): number {
  const fields = blockTextFields(block, '');
  if (fields.length === 0) return 1;
  return fields.filter((field) => field.has(lang)).length / fields.length;
}

/**
 * Share of the exhibition's texts present in `lang`, 0 … 1: required texts, and optional ones
 * some language already has (the same fields the `untranslated` rule reports).
 */
export function exhibitionCompleteness(x: Exhibition, lang: string): number {
  const fields = exhibitionTextFields(x).filter(
    (field) => field.required || x.languages.some((l) => field.has(l)),
  );
  if (fields.length === 0) return 1;
  return fields.filter((field) => field.has(lang)).length / fields.length;
}
