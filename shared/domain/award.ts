import { z } from 'zod';
import { EdtfDate } from './date';
import { Id, Timestamp } from './ids';
import { LocalizedText } from './language';

/** A distinction such as the Council of Europe's Ehrenfahne (1979) or Ehrenplakette (2021). */
export const Award = z.object({
  id: Id,
  name: LocalizedText,
  /** The award's stage, e.g. "third of four stages towards the Europe Prize". */
  level: LocalizedText.default({}),
  date: EdtfDate,
  awardingBody: LocalizedText,
  partnershipIds: z.array(Id).max(100).default([]),
  text: LocalizedText.default({}),
  itemIds: z.array(Id).max(200).default([]),
  sample: z.boolean().optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Award = z.infer<typeof Award>;
export type AwardInput = z.input<typeof Award>;
