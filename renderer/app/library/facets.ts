// The facet rules moved to shared/query so main's query API and the page count and filter alike.
export * from '../../../shared/query/facets';
