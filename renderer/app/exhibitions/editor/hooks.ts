import type { Exhibition } from '../../../../shared/domain';
import { useApp } from '../../store';
import { useEditor } from './state';

/** The open exhibition as the curator sees it: the unsaved draft, else the saved version. */
export function useOpenExhibition(): Exhibition | null {
  const openId = useEditor((s) => s.openId);
  const draft = useEditor((s) => s.draft);
  const saved = useApp((s) => s.snapshot?.exhibitions.find((x) => x.id === openId) ?? null);
  return draft && draft.id === openId ? draft : saved;
}

export function useNow(): () => string {
  return () => new Date().toISOString();
}
