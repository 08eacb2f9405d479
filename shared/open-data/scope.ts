import type { Exhibition } from '../domain/exhibition';
import type { Award, Item, LibrarySnapshot, Partnership } from '../domain';
import { referencesOf } from '../domain/references';

/** What one open-data set describes: the items, partnerships and awards it publishes. */
export interface OpenDataScope {
  items: Item[];
  partnerships: Partnership[];
  awards: Award[];
  /** Languages in output order, the default language first. */
  languages: string[];
}

const byId = <T extends { id: string }>(list: T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * The whole library, or what one exhibition shows: its items, the partnerships its timelines and
 * maps (and its items) refer to, and the awards of those partnerships. A web bundle publishes
 * only what its exhibition shows, so nothing a curator kept out of it leaks through the data.
 */
export function openDataScope(snapshot: LibrarySnapshot, exhibition?: Exhibition): OpenDataScope {
  const { manifest } = snapshot;
  if (!exhibition)
    return {
      items: byId(snapshot.items),
      partnerships: byId(snapshot.partnerships),
      awards: byId(snapshot.awards),
      languages: [
        manifest.defaultLanguage,
        ...manifest.languages.filter((l) => l !== manifest.defaultLanguage),
      ],
    };
  const refs = referencesOf('exhibitions', exhibition);
  const itemIds = new Set(refs.filter((r) => r.collection === 'items').map((r) => r.id));
  const items = snapshot.items.filter((i) => itemIds.has(i.id));
  const partnershipIds = new Set([
    ...refs.filter((r) => r.collection === 'partnerships').map((r) => r.id),
    ...items.flatMap((i) => i.partnershipIds),
  ]);
  const partnerships = snapshot.partnerships.filter((p) => partnershipIds.has(p.id));
  const awards = snapshot.awards.filter((a) =>
    a.partnershipIds.some((id) => partnershipIds.has(id)),
  );
  return {
    items: byId(items),
    partnerships: byId(partnerships),
    awards: byId(awards),
    languages: [
      exhibition.defaultLanguage,
      ...exhibition.languages.filter((l) => l !== exhibition.defaultLanguage),
    ],
  };
}
