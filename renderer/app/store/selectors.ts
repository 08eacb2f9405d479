import {
  dateSortKey,
  type Award,
  type Exhibition,
  type Item,
  type Partnership,
} from '../../../shared/domain';
import type { AppState } from './types';

/**
 * Selectors return entities by reference (never freshly built objects), so derived arrays can be
 * compared element by element with `useShallow` and a component re-renders only on real change.
 */
const NO_ITEMS: Item[] = [];
const NO_PARTNERSHIPS: Partnership[] = [];
const NO_EXHIBITIONS: Exhibition[] = [];

export const selectItems = (s: AppState): Item[] => s.snapshot?.items ?? NO_ITEMS;

export const selectExhibitions = (s: AppState): Exhibition[] =>
  s.snapshot?.exhibitions ?? NO_EXHIBITIONS;

/** Oldest partnership first, as the office tells its history; undated ones last, then by id. */
export const selectPartnershipsByDate = (s: AppState): Partnership[] => {
  const list = s.snapshot?.partnerships ?? NO_PARTNERSHIPS;
  return [...list].sort(
    (a, b) => dateSortKey(a.since).localeCompare(dateSortKey(b.since)) || a.id.localeCompare(b.id),
  );
};

export const selectSelectedPartnership = (s: AppState): Partnership | null => {
  const id = s.selectedPartnershipId;
  if (!id) return null;
  return s.snapshot?.partnerships.find((p) => p.id === id) ?? null;
};

export const selectAwardsOf =
  (partnershipId: string | null) =>
  (s: AppState): Award[] =>
    partnershipId
      ? (s.snapshot?.awards ?? []).filter((a) => a.partnershipIds.includes(partnershipId))
      : [];

/** The library's content language: what localized fields fall back to. */
export const selectDefaultContentLanguage = (s: AppState): string =>
  s.snapshot?.manifest.defaultLanguage ?? s.language;

export const selectLibraryName = (s: AppState): string | null =>
  s.snapshot?.manifest.name ?? s.library?.name ?? null;

export const selectCanUndo = (s: AppState): boolean => s.history.past.length > 0;
export const selectCanRedo = (s: AppState): boolean => s.history.future.length > 0;
