import { z } from 'zod';
import { EdtfDate } from './date';
import { Id, Timestamp } from './ids';
import { LocalizedText } from './language';

export const PARTNERSHIP_KINDS = ['twin-city', 'friendship', 'project'] as const;
export const PartnershipKind = z.enum(PARTNERSHIP_KINDS);
export type PartnershipKind = z.infer<typeof PartnershipKind>;

export const PARTNERSHIP_STATUSES = ['active', 'dormant', 'suspended', 'ended'] as const;
export const PartnershipStatus = z.enum(PARTNERSHIP_STATUSES);

/** ISO 3166-1 alpha-2, upper case ("GB", "FR", "PS"). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code such as "GB"');

export const Coordinates = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const HistoryEvent = z.object({
  id: Id,
  date: EdtfDate,
  title: LocalizedText,
  text: LocalizedText.default({}),
  itemIds: z.array(Id).max(200).default([]),
  tags: z.array(z.string().min(1).max(100)).max(100).default([]),
  sample: z.boolean().optional(),
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

export const Partnership = z.object({
  id: Id,
  city: LocalizedText,
  country: CountryCode,
  coordinates: Coordinates.optional(),
  kind: PartnershipKind,
  since: EdtfDate.optional(),
  status: PartnershipStatus.default('active'),
  summary: LocalizedText.default({}),
  /** Kept in curator order; the UI offers sorting by date but never reorders silently. */
  history: z.array(HistoryEvent).max(5000).default([]),
  sample: z.boolean().optional(),
  /**
   * The partner city's Wikidata item (`Q1295` for Dortmund), for `sameAs` links in open data.
   * Optional, so libraries written before it existed load without a migration.
   */
  wikidataId: z
    .string()
    .regex(/^Q[1-9][0-9]{0,11}$/)
    .optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Partnership = z.infer<typeof Partnership>;
export type PartnershipInput = z.input<typeof Partnership>;
