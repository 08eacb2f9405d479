// The facet rules moved to shared/query so main's query API and the page count and filter alike.
import type { FacetCountsData } from '../../../shared/api';
import type { ItemKind } from '../../../shared/domain';
import type { FacetCounts } from '../../../shared/query/facets';

export * from '../../../shared/query/facets';

const NO_COUNTS: FacetCountsData = {
  kinds: {},
  partnerships: {},
  decades: {},
  tags: [],
  rightsMissing: 0,
  altTextMissing: 0,
  notTranslated: {},
};

/**
 * Main's facet counts (plain JSON) as the facet panel reads them; none yet (before the first
 * answer) counts as all zero. Decades come as strings ("1960") and become numbers again.
 */
export function facetCountsOf(data: FacetCountsData | null): FacetCounts {
  const d = data ?? NO_COUNTS;
  const map = <K>(record: Record<string, number>, key: (k: string) => K) =>
    new Map(Object.entries(record).map(([k, n]) => [key(k), n]));
  return {
    kinds: map(d.kinds, (k) => k as ItemKind),
    partnerships: map(d.partnerships, String),
    decades: map(d.decades, Number),
    tags: new Map(d.tags),
    rightsMissing: d.rightsMissing,
    altTextMissing: d.altTextMissing,
    notTranslated: map(d.notTranslated, String),
  };
}
