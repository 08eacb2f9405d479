import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { loadSharp } from '../media/sharp';
import { Block } from '../../../shared/domain/exhibition';
import type { EntityOf, LibrarySnapshot } from '../../../shared/domain/library';
import { mediaPath, thumbnailPath } from '../../../shared/domain/media';
import type { CommandInput } from '../../../shared/domain/commands';
import { openLibrary } from '../library';
import { TEMP_FILE, fsyncDir } from '../library/fs-atomic';
import { BACKUPS_DIR, DATA_DIR, ITEMS_DIR, LOCK_FILE, MEDIA_DIR } from '../library/layout';
import { ensureThumbnail } from '../media';

/**
 * What `vitrine check --repair` can fix without guessing. Each repair is listed before anything
 * happens; applying never deletes a person's file: orphaned media are moved aside into
 * `backups/orphaned-media-<time>/`. Only derived or half-written files (thumbnails, temp files)
 * are removed, and references are removed only where they point at nothing.
 */
export type RepairKind = 'dangling-reference' | 'orphaned-media' | 'thumbnail' | 'temp-file';

export interface Repair {
  kind: RepairKind;
  /** Library-relative file, or `collection/id path` for a reference. */
  target: string;
  action: { de: string; en: string };
}

export interface RepairPlan {
  repairs: Repair[];
  /** The entities to rewrite (dangling references removed), applied as one batch. */
  commands: CommandInput[];
}

type Fixable = 'items' | 'partnerships' | 'awards' | 'exhibitions';
const PUT = {
  items: 'putItem',
  partnerships: 'putPartnership',
  awards: 'putAward',
  exhibitions: 'putExhibition',
} as const;
const KEY = {
  items: 'item',
  partnerships: 'partnership',
  awards: 'award',
  exhibitions: 'exhibition',
} as const;

function without<T>(list: T[], gone: (x: T) => boolean, note: (x: T) => void): T[] {
  return list.filter((x) => {
    if (!gone(x)) return true;
    note(x);
    return false;
  });
}

/** The entity with references to missing items/partnerships removed; null when nothing changes. */
function stripDangling(
  collection: Fixable,
  entity: EntityOf[Fixable],
  items: Set<string>,
  partnerships: Set<string>,
  repairs: Repair[],
): EntityOf[Fixable] | null {
  const at = (path: string, id: string, what: 'items' | 'partnerships') =>
    repairs.push({
      kind: 'dangling-reference',
      target: `${collection}/${entity.id} ${path}`,
      action: {
        de: `Verweis auf gelöschtes ${what === 'items' ? 'Objekt' : 'Partnerschaft'} „${id}“ entfernen`,
        en: `remove the reference to deleted ${what === 'items' ? 'item' : 'partnership'} “${id}”`,
      },
    });
  const before = repairs.length;
  const noItem = (id: string) => !items.has(id);
  const noPartner = (id: string) => !partnerships.has(id);
  const copy = structuredClone(entity) as Record<string, unknown>;
  if (collection === 'items') {
    const item = copy as EntityOf['items'];
    item.partnershipIds = without(item.partnershipIds, noPartner, (id) =>
      at('partnershipIds', id, 'partnerships'),
    );
  } else if (collection === 'partnerships') {
    const p = copy as EntityOf['partnerships'];
    p.history.forEach((event, e) => {
      event.itemIds = without(event.itemIds, noItem, (id) =>
        at(`history[${e}].itemIds`, id, 'items'),
      );
    });
  } else if (collection === 'awards') {
    const a = copy as EntityOf['awards'];
    a.partnershipIds = without(a.partnershipIds, noPartner, (id) =>
      at('partnershipIds', id, 'partnerships'),
    );
    a.itemIds = without(a.itemIds, noItem, (id) => at('itemIds', id, 'items'));
  } else {
    const x = copy as EntityOf['exhibitions'];
    if (x.coverItemId && noItem(x.coverItemId)) {
      at('coverItemId', x.coverItemId, 'items');
      delete x.coverItemId;
    }
    x.chapters.forEach((chapter, c) => {
      chapter.blocks = chapter.blocks.filter((block, b) => {
        const path = `chapters[${c}].blocks[${b}]`;
        const drop = (id: string, field: string) => {
          at(`${path}.${field}`, id, 'items');
          return false;
        };
        switch (block.type) {
          case 'item':
            return items.has(block.itemId) || drop(block.itemId, 'itemId');
          case 'comparison':
            if (noItem(block.before.itemId)) return drop(block.before.itemId, 'before.itemId');
            return items.has(block.after.itemId) || drop(block.after.itemId, 'after.itemId');
          case 'quote':
            if (block.itemId && noItem(block.itemId)) {
              at(`${path}.itemId`, block.itemId, 'items');
              delete block.itemId;
            }
            return true;
          case 'gallery':
            block.itemIds = without(block.itemIds, noItem, (id) =>
              at(`${path}.itemIds`, id, 'items'),
            );
            break;
          case 'timeline':
          case 'map':
            block.partnershipIds = without(block.partnershipIds, noPartner, (id) =>
              at(`${path}.partnershipIds`, id, 'partnerships'),
            );
            break;
          default:
            return true;
        }
        // A list that is now too short for its block (a gallery of none) takes the block with it.
        return Block.safeParse(block).success;
      });
    });
  }
  return repairs.length > before ? (copy as EntityOf[Fixable]) : null;
}

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(root, rel, out);
    else out.push(rel);
  }
}

async function thumbnailBroken(file: string): Promise<'missing' | 'corrupt' | null> {
  if (!(await stat(file).catch(() => null))) return 'missing';
  try {
    const meta = await (await loadSharp())(file, { failOn: 'error' }).metadata();
    await (await loadSharp())(file, { failOn: 'error' }).toBuffer();
    return meta.width ? null : 'corrupt';
  } catch {
    return 'corrupt';
  }
}

/** Lists the repairs; reads only (a read-only open), so it is safe on a library open elsewhere. */
export async function planRepairs(dir: string): Promise<RepairPlan> {
  const root = resolve(dir);
  const library = await openLibrary(root, { readOnly: true });
  let snapshot: LibrarySnapshot;
  try {
    snapshot = library.snapshot();
  } finally {
    await library.close();
  }
  const repairs: Repair[] = [];
  const commands: CommandInput[] = [];

  const items = new Set(snapshot.items.map((i) => i.id));
  const partnerships = new Set(snapshot.partnerships.map((p) => p.id));
  for (const collection of ['items', 'partnerships', 'awards', 'exhibitions'] as const)
    for (const entity of snapshot[collection]) {
      const fixed = stripDangling(collection, entity, items, partnerships, repairs);
      if (fixed) commands.push({ type: PUT[collection], [KEY[collection]]: fixed } as CommandInput);
    }

  const referenced = new Set<string>();
  const images = new Map<string, EntityOf['items']['media'][number]>();
  for (const item of snapshot.items)
    for (const asset of item.media) {
      referenced.add(mediaPath(asset));
      if (asset.kind === 'image') images.set(asset.sha256, asset);
    }
  const mediaFiles: string[] = [];
  await walk(root, MEDIA_DIR, mediaFiles);
  for (const rel of mediaFiles) {
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (TEMP_FILE.test(name) || rel.startsWith(`${MEDIA_DIR}/incoming/`)) continue;
    if (rel.startsWith(`${MEDIA_DIR}/thumbs/`)) continue;
    if (!referenced.has(rel))
      repairs.push({
        kind: 'orphaned-media',
        target: rel,
        action: {
          de: 'von keinem Objekt verwendet: nach backups/orphaned-media-…/ verschieben',
          en: 'used by no item: move to backups/orphaned-media-…/',
        },
      });
  }
  for (const asset of images.values()) {
    const rel = thumbnailPath(asset.sha256);
    if (!(await stat(join(root, mediaPath(asset))).catch(() => null))) continue; // nothing to make it from
    const broken = await thumbnailBroken(join(root, rel));
    if (broken)
      repairs.push({
        kind: 'thumbnail',
        target: rel,
        action:
          broken === 'missing'
            ? { de: 'fehlt: neu erzeugen', en: 'missing: make it again' }
            : { de: 'beschädigt: neu erzeugen', en: 'corrupt: make it again' },
      });
  }
  const temps: string[] = [];
  for (const sub of ['', DATA_DIR, ITEMS_DIR]) {
    const names = await readdir(join(root, sub)).catch(() => [] as string[]);
    for (const name of names)
      if (TEMP_FILE.test(name) || (sub === '' && name.startsWith(`${LOCK_FILE}.stale-`)))
        temps.push(sub ? `${sub}/${name}` : name);
  }
  for (const rel of mediaFiles)
    if (TEMP_FILE.test(rel.slice(rel.lastIndexOf('/') + 1))) temps.push(rel);
  for (const name of await readdir(join(root, BACKUPS_DIR)).catch(() => [] as string[]))
    if (name.startsWith('.tmp-')) temps.push(`${BACKUPS_DIR}/${name}`);
  for (const rel of temps)
    repairs.push({
      kind: 'temp-file',
      target: rel,
      action: {
        de: 'Rest eines abgebrochenen Schreibens: entfernen',
        en: 'left by an interrupted write: remove',
      },
    });
  return { repairs, commands };
}

/**
 * Carries out a plan made just before, holding the writer lock (refused while the app has the
 * library open). References go through the store as one batch, so they are undoable in a backup.
 */
export async function applyRepairs(dir: string, plan: RepairPlan, now = new Date()): Promise<void> {
  const root = resolve(dir);
  const library = await openLibrary(root);
  try {
    // Under the lock: nothing else writes while files move. (Opening already cleared the temp
    // files next to the data; rm with force takes the rest.)
    const aside = join(
      root,
      BACKUPS_DIR,
      `orphaned-media-${now.toISOString().replace(/[:.]/g, '-')}`,
    );
    for (const repair of plan.repairs) {
      const file = join(root, repair.target);
      if (repair.kind === 'temp-file') await rm(file, { recursive: true, force: true });
      if (repair.kind === 'orphaned-media') {
        const target = join(aside, relative(join(root, MEDIA_DIR), file));
        await mkdir(dirname(target), { recursive: true });
        await rename(file, target);
        await fsyncDir(dirname(file));
      }
      if (repair.kind === 'thumbnail') await rm(file, { force: true });
    }
    if (plan.commands.length)
      await library.apply({ type: 'batch', commands: plan.commands } as CommandInput);
    const snapshot = library.snapshot();
    for (const repair of plan.repairs) {
      if (repair.kind !== 'thumbnail') continue;
      const asset = snapshot.items
        .flatMap((i) => i.media)
        .find((m) => thumbnailPath(m.sha256) === repair.target);
      if (asset) await ensureThumbnail(root, asset);
    }
  } finally {
    await library.close();
  }
}
