import { z } from 'zod';
import { EdtfDate } from './date';
import { Id, Timestamp } from './ids';
import { LocalizedText } from './language';
import { MediaAsset } from './media';
import { Rights } from './rights';

export const ITEM_KINDS = ['image', 'audio', 'video', 'document', 'text'] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

const Tag = z.string().min(1).max(100);

export const Item = z.object({
  id: Id,
  kind: ItemKind,
  media: z.array(MediaAsset).max(50).default([]),
  title: LocalizedText,
  description: LocalizedText.default({}),
  date: EdtfDate.optional(),
  creator: z.string().max(500).optional(),
  /** Where the item came from ("Stadtarchiv Dortmund, Bestand 500"). */
  source: z.string().max(1000).optional(),
  /** Archive reference / call number. */
  archiveRef: z.string().max(200).optional(),
  rights: Rights.optional(),
  /** Alternative text per language; required for images before publishing. */
  altText: LocalizedText.default({}),
  /** Transcript per language, for audio and video. */
  transcript: LocalizedText.default({}),
  tags: z.array(Tag).max(200).default([]),
  places: z.array(z.string().min(1).max(200)).max(100).default([]),
  partnershipIds: z.array(Id).max(100).default([]),
  /** Set on sample content whose facts are not from a checked source: "verify before publishing". */
  sample: z.boolean().optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Item = z.infer<typeof Item>;
export type ItemInput = z.input<typeof Item>;
