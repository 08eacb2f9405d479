import { z } from 'zod';
import { Id, Slug, Timestamp } from './ids';
import { LanguageCode, LocalizedText } from './language';
import { LocalizedRichText } from './richtext';

const base = { id: Id };

export const TextBlock = z.object({ ...base, type: z.literal('text'), body: LocalizedRichText });
export const ItemBlock = z.object({
  ...base,
  type: z.literal('item'),
  itemId: Id,
  /** Replaces the item's title as caption in this exhibition only. */
  caption: LocalizedText.default({}),
  /** Full bleed: the picture spans the page's width instead of the text column (web bundles). */
  wide: z.boolean().optional(),
});
export const GalleryBlock = z.object({
  ...base,
  type: z.literal('gallery'),
  title: LocalizedText.default({}),
  itemIds: z.array(Id).min(1).max(200),
});
export const TimelineBlock = z.object({
  ...base,
  type: z.literal('timeline'),
  title: LocalizedText.default({}),
  partnershipIds: z.array(Id).max(100),
  /** When non-empty, only these events (by id) are shown; otherwise all events of the partnerships. */
  eventIds: z.array(Id).max(5000).default([]),
  includeAwards: z.boolean().default(true),
});
export const QuoteBlock = z.object({
  ...base,
  type: z.literal('quote'),
  text: LocalizedText,
  attribution: LocalizedText.default({}),
  itemId: Id.optional(),
});
export const ComparisonBlock = z.object({
  ...base,
  type: z.literal('comparison'),
  before: z.object({ itemId: Id, label: LocalizedText.default({}) }),
  after: z.object({ itemId: Id, label: LocalizedText.default({}) }),
  caption: LocalizedText.default({}),
});
export const MapBlock = z.object({
  ...base,
  type: z.literal('map'),
  title: LocalizedText.default({}),
  partnershipIds: z.array(Id).max(100),
});

export const Block = z.discriminatedUnion('type', [
  TextBlock,
  ItemBlock,
  GalleryBlock,
  TimelineBlock,
  QuoteBlock,
  ComparisonBlock,
  MapBlock,
]);
export type Block = z.infer<typeof Block>;
export type BlockType = Block['type'];
export const BLOCK_TYPES: readonly BlockType[] = [
  'text',
  'item',
  'gallery',
  'timeline',
  'quote',
  'comparison',
  'map',
];

export const Chapter = z.object({
  id: Id,
  title: LocalizedText,
  blocks: z.array(Block).max(500).default([]),
});
export type Chapter = z.infer<typeof Chapter>;

export const THEMES = ['civic', 'archive', 'night'] as const;
export const Theme = z.enum(THEMES);

export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const EasyLanguageSettings = z.object({
  review: z
    .object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD'),
      by: z.string().trim().min(1).max(300),
    })
    .optional(),
  compoundSeparator: z.enum(['hyphen', 'mediopunkt']).default('hyphen'),
});
export type EasyLanguageSettings = z.infer<typeof EasyLanguageSettings>;

export const Exhibition = z.object({
  id: Id,
  slug: Slug,
  title: LocalizedText,
  subtitle: LocalizedText.default({}),
  languages: z.array(LanguageCode).min(1).max(20),
  defaultLanguage: LanguageCode,
  coverItemId: Id.optional(),
  chapters: z.array(Chapter).max(200).default([]),
  credits: LocalizedText.default({}),
  imprint: LocalizedText.default({}),
  theme: Theme.default('civic'),
  accentColor: HexColor.optional(),
  status: z.enum(['draft', 'ready']).default('draft'),
  settings: z
    .object({
      web: z.object({ baseUrl: z.url({ protocol: /^https?$/ }).optional() }).default({}),
      kiosk: z
        .object({
          idleSeconds: z.number().int().min(10).max(3600).default(90),
          /**
           * Whether kiosk pages offer the search (issue 13 §2). Off unless chosen: a search
           * field on a touch screen needs the on-screen keyboard. Optional, so libraries
           * saved before it need no migration.
           */
          search: z.boolean().optional(),
        })
        .default({ idleSeconds: 90 }),
    })
    .default({ web: {}, kiosk: { idleSeconds: 90 } }),
  /**
   * Leichte Sprache settings. Optional, so libraries saved before it need no migration.
   * `review`: who of the target group checked the text and when (DIN SPEC 33429 asks for a test
   * reader group); `compoundSeparator`: how the check suggests splitting long compound nouns.
   */
  easyLanguage: EasyLanguageSettings.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Exhibition = z.infer<typeof Exhibition>;
export type ExhibitionInput = z.input<typeof Exhibition>;
