import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Exhibition } from '../../../../shared/domain';
import type { AppStore } from '../../store';

export const PREVIEW_FRAMES = ['desktop', 'phone', 'kiosk-landscape', 'kiosk-portrait'] as const;
export type PreviewFrame = (typeof PREVIEW_FRAMES)[number];
export type EditorTab = 'content' | 'settings' | 'check';
export type Selection = { kind: 'chapter' | 'block'; id: string } | null;

import { AUTOSAVE_MS } from '../../components/forms/autosave';

/** Quiet time after the last keystroke before an edit is saved: the forms kit's one figure. */
export { AUTOSAVE_MS };

export interface EditorState {
  /** The exhibition open in the editor; null shows the list. */
  openId: string | null;
  tab: EditorTab;
  selection: Selection;
  /** Language being edited beside the default language; null edits the default alone. */
  translateLang: string | null;
  previewLang: string | null;
  previewFrame: PreviewFrame;
  /** A path from the check panel (`subtitle.en`); the settings form focuses it once. */
  focusPath: string | null;
  /**
   * Edits not yet saved. The editor and the preview show the draft at once; autosave sends it as
   * one `putExhibition`, after which the snapshot holds it and the draft is dropped.
   */
  draft: Exhibition | null;

  opened(id: string | null): void;
  tabSelected(tab: EditorTab): void;
  selected(selection: Selection): void;
  translateLangSelected(lang: string | null): void;
  previewLangSelected(lang: string | null): void;
  previewFrameSelected(frame: PreviewFrame): void;
  focusRequested(path: string | null): void;
  /** One edit of the open exhibition; saved after AUTOSAVE_MS without further edits. */
  edited(next: Exhibition): void;
  /** Saves the draft now (before undo, leaving, or a structural command). */
  flush(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export type EditorStore = StoreApi<EditorState>;

export function createEditorStore(app: AppStore, delay = AUTOSAVE_MS): EditorStore {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();

  return createStore<EditorState>()((set, get) => {
    /** The draft sent last; flushing twice must not record the same edit twice in history. */
    let lastSent: Exhibition | null = null;
    async function save(draft: Exhibition | null): Promise<void> {
      if (!draft || draft === lastSent) return;
      lastSent = draft;
      const result = await app.getState().commandSubmitted({
        type: 'putExhibition',
        exhibition: draft,
      });
      // A newer edit arrived while saving: it stays the draft and saves on its own timer.
      if (result.ok && get().draft === draft) set({ draft: null });
    }
    /** Queues the draft as it is now; saves run one after another, in order. */
    function queueSave(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      const draft = get().draft;
      saving = saving.then(
        () => save(draft),
        () => save(draft),
      );
      return saving;
    }

    return {
      openId: null,
      tab: 'content',
      selection: null,
      translateLang: null,
      previewLang: null,
      previewFrame: 'desktop',
      focusPath: null,
      draft: null,

      opened(id) {
        // The draft is taken now, so leaving the exhibition never drops its last keystrokes.
        void queueSave();
        set({
          openId: id,
          tab: 'content',
          selection: null,
          translateLang: null,
          previewLang: null,
          draft: null,
        });
      },
      tabSelected: (tab) => set({ tab }),
      selected: (selection) => set({ selection }),
      translateLangSelected: (translateLang) => set({ translateLang }),
      previewLangSelected: (previewLang) => set({ previewLang }),
      previewFrameSelected: (previewFrame) => set({ previewFrame }),
      focusRequested: (focusPath) => set({ focusPath }),
      edited(next) {
        set({ draft: next });
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void queueSave(), delay);
      },
      flush: () => queueSave(),
      // One undo for the whole app: it sends every pending draft (this editor's is registered
      // with the forms kit's flush list by the section) before stepping back.
      async undo() {
        await get().flush();
        await app.getState().undoShortcut();
      },
      async redo() {
        await get().flush();
        await app.getState().redoShortcut();
      },
    };
  });
}

const EditorContext = createContext<EditorStore | null>(null);

export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return createElement(EditorContext.Provider, { value: store }, children);
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditor outside EditorProvider');
  return store;
}

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}

/**
 * The languages the editor's text fields show: the exhibition's default language, and the one
 * being translated beside it when "Übersetzen in" names one.
 */
export function useEditedLanguages(defaultLang: string): string[] {
  const translate = useEditor((s) => s.translateLang);
  return translate && translate !== defaultLang ? [defaultLang, translate] : [defaultLang];
}
