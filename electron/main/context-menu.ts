import type { UiLanguage } from '../../shared/errors';

/**
 * The right-click menu as plain data, built from the facts of Electron's `context-menu` event
 * (`params.isEditable`, `params.editFlags`, `params.selectionText`, `params.misspelledWord`,
 * `params.dictionarySuggestions`; docs/api/web-contents.md "Event: 'context-menu'", and the
 * spell-checker tutorial's context-menu example). `main.ts` turns it into a `Menu` and pops it up.
 */
export interface ContextFacts {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: readonly string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export type ContextAction =
  | { type: 'role'; role: 'cut' | 'copy' | 'paste' | 'selectAll' }
  | { type: 'replaceMisspelling'; word: string }
  | { type: 'addToDictionary'; word: string };

export type ContextEntry =
  { kind: 'separator' } | { kind: 'item'; label: string; action: ContextAction; enabled: boolean };

const L = {
  cut: { de: 'Ausschneiden', en: 'Cut' },
  copy: { de: 'Kopieren', en: 'Copy' },
  paste: { de: 'Einfügen', en: 'Paste' },
  selectAll: { de: 'Alles auswählen', en: 'Select All' },
  addToDictionary: { de: 'Zum Wörterbuch hinzufügen', en: 'Add to Dictionary' },
  noSuggestions: { de: 'Keine Vorschläge', en: 'No Suggestions' },
} satisfies Record<string, Record<UiLanguage, string>>;

/** At most this many suggestions, as in Chromium's own menu. */
const MAX_SUGGESTIONS = 5;

/** Null when there is nothing to offer (a right click on plain, unselected page content). */
export function buildContextMenu(facts: ContextFacts, lang: UiLanguage): ContextEntry[] | null {
  const entries: ContextEntry[] = [];
  if (facts.isEditable && facts.misspelledWord) {
    const suggestions = facts.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    for (const word of suggestions) {
      entries.push({
        kind: 'item',
        label: word,
        action: { type: 'replaceMisspelling', word },
        enabled: true,
      });
    }
    if (suggestions.length === 0) {
      entries.push({
        kind: 'item',
        label: L.noSuggestions[lang],
        action: { type: 'replaceMisspelling', word: facts.misspelledWord },
        enabled: false,
      });
    }
    entries.push({
      kind: 'item',
      label: L.addToDictionary[lang],
      action: { type: 'addToDictionary', word: facts.misspelledWord },
      enabled: true,
    });
    entries.push({ kind: 'separator' });
  }
  const role = (r: 'cut' | 'copy' | 'paste' | 'selectAll', enabled: boolean): ContextEntry => ({
    kind: 'item',
    label: L[r][lang],
    action: { type: 'role', role: r },
    enabled,
  });
  if (facts.isEditable) {
    entries.push(
      role('cut', facts.editFlags.canCut),
      role('copy', facts.editFlags.canCopy),
      role('paste', facts.editFlags.canPaste),
      { kind: 'separator' },
      role('selectAll', facts.editFlags.canSelectAll),
    );
  } else if (facts.selectionText.trim() !== '') {
    entries.push(role('copy', facts.editFlags.canCopy), role('selectAll', true));
  }
  return entries.length > 0 ? entries : null;
}
