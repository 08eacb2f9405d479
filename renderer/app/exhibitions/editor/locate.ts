import type { Exhibition } from '../../../../shared/domain';
import type { EditorTab, Selection } from './state';

/** Where the editor must go to fix a problem at `path` of exhibition `x`. */
export interface Place {
  tab: EditorTab;
  selection: Selection;
  /** The language to show beside the default one, when the problem is about a translation. */
  translateLang: string | null;
  /** The element to focus once the place is shown. */
  elementId: string;
}

const SETTINGS_FIELDS = new Set(['title', 'subtitle', 'credits', 'imprint']);

/**
 * Maps a check path (`chapters[1].blocks[0].caption.en`, `subtitle.en`, `coverItemId`) to the
 * tab, selection and input that edit it. Element ids follow the inspectors' naming.
 */
export function locate(x: Exhibition, path: string): Place {
  const langOf = (rest: string[]) => {
    const last = rest.at(-1);
    return last && x.languages.includes(last) ? last : null;
  };
  const translate = (lang: string | null) => (lang && lang !== x.defaultLanguage ? lang : null);
  const parts = path.split('.');
  const chapterMatch = /^chapters\[(\d+)\]$/.exec(parts[0] ?? '');
  if (chapterMatch) {
    const chapter = x.chapters[Number(chapterMatch[1])];
    if (!chapter) return settingsPlace('new-chapter-title', null, 'content');
    const blockMatch = /^blocks\[(\d+)\]$/.exec(parts[1] ?? '');
    const block = blockMatch ? chapter.blocks[Number(blockMatch[1])] : undefined;
    if (parts.length === 1) {
      // The chapter itself (it is empty): where a block is added to it.
      return {
        tab: 'content',
        selection: { kind: 'chapter', id: chapter.id },
        translateLang: null,
        elementId: `add-type-${chapter.id}`,
      };
    }
    if (!block) {
      const lang = langOf(parts);
      return {
        tab: 'content',
        selection: { kind: 'chapter', id: chapter.id },
        translateLang: translate(lang),
        elementId: `chapter-${chapter.id}-title-${lang ?? x.defaultLanguage}`,
      };
    }
    const rest = parts.slice(2);
    const lang = langOf(rest);
    const field = (lang ? rest.slice(0, -1) : rest).join('-');
    let elementId: string;
    if (field === 'before-itemId' || field === 'after-itemId')
      elementId = `block-${block.id}-${field.split('-')[0]}-picker`;
    else if (field === 'itemId' || field.startsWith('itemIds'))
      elementId = `block-${block.id}-picker`;
    else if (field.startsWith('partnershipIds')) elementId = `block-${block.id}-partnerships`;
    // The whole block (a file too large): its row in the outline.
    else if (field === '') elementId = `outline-${block.id}`;
    else elementId = `block-${block.id}-${field}-${lang ?? x.defaultLanguage}`;
    return {
      tab: 'content',
      selection: { kind: 'block', id: block.id },
      translateLang: translate(lang),
      elementId,
    };
  }
  const head = parts[0] ?? '';
  if (SETTINGS_FIELDS.has(head)) {
    const lang = langOf(parts);
    return settingsPlace(`settings-${head}-${lang ?? x.defaultLanguage}`, translate(lang));
  }
  if (head === 'easyLanguage') return settingsPlace('settings-easyReviewDate', null);
  // The library's legal settings, shown in every exhibition's settings (LegalSettings.tsx).
  if (head === 'legal')
    return settingsPlace(`settings-legal-${parts[1]}-${x.defaultLanguage}`, null);
  if (head === 'chapters') return settingsPlace('new-chapter-title', null, 'content');
  return settingsPlace(`settings-${head === 'coverItemId' ? 'coverItemId' : 'slug'}`, null);
}

function settingsPlace(
  elementId: string,
  translateLang: string | null,
  tab: EditorTab = 'settings',
): Place {
  return { tab, selection: null, translateLang, elementId };
}
