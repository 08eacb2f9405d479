import { describe, expect, it } from 'vitest';
import { buildContextMenu, type ContextFacts } from '../../../../electron/main/context-menu';

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const field: ContextFacts = {
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: flags,
};

function labels(facts: ContextFacts, lang: 'de' | 'en' = 'de'): string[] {
  return (buildContextMenu(facts, lang) ?? []).map((e) => (e.kind === 'item' ? e.label : '—'));
}

describe('context menu', () => {
  it('offers cut, copy, paste and select all in a text field', () => {
    expect(labels(field)).toEqual(['Ausschneiden', 'Kopieren', 'Einfügen', '—', 'Alles auswählen']);
    expect(labels(field, 'en')).toEqual(['Cut', 'Copy', 'Paste', '—', 'Select All']);
  });

  it('disables what the field cannot do', () => {
    const menu = buildContextMenu({ ...field, editFlags: { ...flags, canCut: false } }, 'en')!;
    expect(menu[0]).toMatchObject({ label: 'Cut', enabled: false });
  });

  it('puts spelling suggestions first and lets a word be added', () => {
    const menu = buildContextMenu(
      { ...field, misspelledWord: 'Parnterstadt', dictionarySuggestions: ['Partnerstadt'] },
      'de',
    )!;
    expect(menu[0]).toEqual({
      kind: 'item',
      label: 'Partnerstadt',
      action: { type: 'replaceMisspelling', word: 'Partnerstadt' },
      enabled: true,
    });
    expect(menu[1]).toMatchObject({ action: { type: 'addToDictionary', word: 'Parnterstadt' } });
    expect(menu[2]).toEqual({ kind: 'separator' });
  });

  it('says when there are no suggestions', () => {
    const menu = buildContextMenu({ ...field, misspelledWord: 'xqz' }, 'en')!;
    expect(menu[0]).toMatchObject({ label: 'No Suggestions', enabled: false });
  });

  it('offers copy for selected page text and nothing for a plain click', () => {
    const page = { ...field, isEditable: false };
    expect(labels({ ...page, selectionText: 'Leeds 1969' }, 'en')).toEqual(['Copy', 'Select All']);
    expect(buildContextMenu(page, 'en')).toBeNull();
  });
});
