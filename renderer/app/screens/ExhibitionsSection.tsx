import { useEffect, useState } from 'react';
import '../editor/editor.css';
import { createEditorStore, EditorProvider, useEditor } from '../editor/state';
import { useAppStore } from '../store';
import { ExhibitionEditor } from './ExhibitionEditor';
import { ExhibitionList } from './ExhibitionList';

/** The list of exhibitions, or the editor of the one opened from it. */
export function ExhibitionsSection() {
  const app = useAppStore();
  const [store] = useState(() => createEditorStore(app));
  // Leaving the section must not lose the last keystrokes.
  useEffect(() => () => void store.getState().flush(), [store]);
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
