import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../store';

/** Whether a key press is the platform's undo or redo chord (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y). */
export function historyChord(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/**
 * Window-wide behaviour of the curation workspace: undo/redo chords in every view (the history
 * is the library's, not a text field's: a field's pending edit is saved first, then undone),
 * and files dropped anywhere on the window are imported into the library.
 */
export function CurationGlobal() {
  const { t } = useTranslation();
  const undo = useApp((s) => s.undoShortcut);
  const redo = useApp((s) => s.redoShortcut);
  const dropped = useApp((s) => s.importFilesDropped);
  const goTo = useApp((s) => s.sectionSelected);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const chord = historyChord(event);
      if (!chord) return;
      event.preventDefault();
      void (chord === 'undo' ? undo() : redo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  useEffect(() => {
    // Both transports: the store uploads on the web host and lets main import in Electron.
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      goTo('library');
      void dropped(files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [dropped, goTo]);

  return dragging ? (
    <div className="drop-overlay" aria-hidden="true">
      <p>{t('curation.import.drop')}</p>
    </div>
  ) : null;
}
