import { z } from 'zod';
import { Award } from './award';
import { Exhibition } from './exhibition';
import { Id, Timestamp } from './ids';
import { Item } from './item';
import { LanguageCode } from './language';
import { LegalSettings } from './legal';
import { LibraryLogo } from './logo';
import { COLLECTIONS } from './library';
import { Partnership } from './partnership';

/**
 * Every change to a library is one of these typed commands. The store applies them atomically,
 * checks references, and answers with the new revision and the inverse command, which is what
 * undo/redo replays — so undo goes through the same validation as any edit.
 */
const stamps = { createdAt: Timestamp.optional(), updatedAt: Timestamp.optional() };

export const PutItem = z.object({ type: z.literal('putItem'), item: Item.extend(stamps) });
export const PutPartnership = z.object({
  type: z.literal('putPartnership'),
  partnership: Partnership.extend(stamps),
});
export const PutAward = z.object({ type: z.literal('putAward'), award: Award.extend(stamps) });
export const PutExhibition = z.object({
  type: z.literal('putExhibition'),
  exhibition: Exhibition.extend(stamps),
});
export const DeleteEntity = z.object({
  type: z.literal('delete'),
  collection: z.enum(COLLECTIONS),
  id: Id,
  /** Delete even when other entities still refer to it; they keep a dangling reference. */
  force: z.boolean().default(false),
});
export const UpdateManifest = z.object({
  type: z.literal('updateManifest'),
  name: z.string().min(1).max(200).optional(),
  defaultLanguage: LanguageCode.optional(),
  languages: z.array(LanguageCode).min(1).max(20).optional(),
  /** Replaces the legal settings as a whole (the settings screen sends the full value). */
  legal: LegalSettings.optional(),
  /** Sets the library's logo; `null` removes it. */
  logo: LibraryLogo.nullable().optional(),
});

export const SingleCommand = z.discriminatedUnion('type', [
  PutItem,
  PutPartnership,
  PutAward,
  PutExhibition,
  DeleteEntity,
  UpdateManifest,
]);
export type SingleCommand = z.infer<typeof SingleCommand>;

/**
 * Most commands in one batch. A table import or a folder import is one batch (one undo step), so
 * this is also the most rows one import takes; a bigger table is refused before anything is
 * written, naming this cap.
 */
export const MAX_BATCH_COMMANDS = 10_000;

/** Applied all-or-nothing: batch edits and undo of batch edits. */
export const BatchCommand = z.object({
  type: z.literal('batch'),
  commands: z.array(SingleCommand).min(1).max(MAX_BATCH_COMMANDS),
});

export const Command = z.discriminatedUnion('type', [
  PutItem,
  PutPartnership,
  PutAward,
  PutExhibition,
  DeleteEntity,
  UpdateManifest,
  BatchCommand,
]);
export type Command = z.infer<typeof Command>;
export type CommandInput = z.input<typeof Command>;

export const CommandResult = z.object({
  revision: z.number().int().nonnegative(),
  /** Applying this restores the state before the command. */
  undo: Command,
});
export type CommandResult = z.infer<typeof CommandResult>;
