import type { CollectionChanges, CommandInput, EntityChanges } from '../../../shared/domain';

/**
 * What an applied command changed, read from the command itself: the page knows it the moment
 * main answers, before (or without) the `libraryChanged` event that names the same ids. A manifest
 * update changes no collection; the answer has `manifest: true` then.
 */
export function changesOfCommand(command: CommandInput): {
  changed: EntityChanges;
  manifest: boolean;
} {
  const changed: EntityChanges = {};
  let manifest = false;
  const touch = (collection: keyof EntityChanges, kind: keyof CollectionChanges, id: string) => {
    const entry = (changed[collection] ??= { upserted: [], removed: [] });
    entry[kind].push(id);
  };
  const commands = command.type === 'batch' ? command.commands : [command];
  for (const c of commands) {
    if (c.type === 'putItem') touch('items', 'upserted', c.item.id);
    else if (c.type === 'putPartnership') touch('partnerships', 'upserted', c.partnership.id);
    else if (c.type === 'putAward') touch('awards', 'upserted', c.award.id);
    else if (c.type === 'putExhibition') touch('exhibitions', 'upserted', c.exhibition.id);
    else if (c.type === 'delete') touch(c.collection, 'removed', c.id);
    else manifest = true;
  }
  return { changed, manifest };
}
