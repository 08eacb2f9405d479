import { useEffect, useState } from 'react';
import './editor/editor.css';
import { registerFlush } from '../components/forms/autosave';
import { createEditorStore, EditorProvider, useEditor } from './editor/state';
import { useAppStore } from '../store';
import { ExhibitionEditor } from './ExhibitionEditor';
import { ExhibitionList } from './ExhibitionList';

/** The list of exhibitions, or the editor of the one opened from it. */
export function ExhibitionsSection() {
  const app = useAppStore();
  const [store] = useState(() => createEditorStore(app));
  // Undo chords (CurationGlobal) save what is still waiting first, ours included; leaving the
  // section must not lose the last keystrokes either.
  useEffect(() => {
    const unregister = registerFlush(() => store.getState().flush());
    return () => {
      unregister();
      void store.getState().flush();
    };
  }, [store]);
  return (
    <EditorProvider store={store}>
      <ExhibitionsView />
    </EditorProvider>
  );
}

function ExhibitionsView() {
  const openId = useEditor((s) => s.openId);
  return openId ? <ExhibitionEditor /> : <ExhibitionList />;
}
