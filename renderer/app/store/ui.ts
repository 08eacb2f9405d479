import type { Creator } from './creator';
import type { VitrineClient } from '../api/client';
import { DEFAULT_UI_LANGUAGE } from '../i18n';
import type { UiSlice } from './types';

export function createUiSlice(client: VitrineClient): Creator<UiSlice> {
  return (set, get) => ({
    language: DEFAULT_UI_LANGUAGE,
    section: 'library',
    selectedPartnershipId: null,

    uiLanguageChanged(language) {
      if (get().language === language) return;
      set({ language });
      // Main words its error messages and menus in the same language. A failure here only
      // means main keeps its previous language; the page has switched already.
      void client.call('app.setUiLanguage', { lang: language }).then((result) => {
        if (result.ok) set({ appInfo: result.value });
      });
    },

    sectionSelected(section) {
      set({ section });
    },

    partnershipSelected(id) {
      set({ selectedPartnershipId: id });
    },

    appDialog: null,
    appDialogOpened(dialog) {
      set({ appDialog: dialog });
    },
    appDialogClosed() {
      set({ appDialog: null });
    },
    uiLibraryClosed() {
      set({ section: 'library', selectedPartnershipId: null });
    },
  });
}
