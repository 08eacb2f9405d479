import type { Block, Exhibition } from '../domain/exhibition';
import { pickText } from '../domain/language';
import type { EntityOf, LibrarySnapshot } from '../domain/library';
import { docLinks } from '../domain/richtext';
import type { Problem } from './problem';
import { checkModes, scopedExhibitions, type CheckContext, type Rule } from './rules';

/**
 * Rules about how an exhibition shows its media and links. They need to know the layout (and for
 * some, the bundle mode), so they only speak about exhibitions, never about the bare library.
 */

type Layout = 'cover' | 'item' | 'comparison' | 'gallery';

/**
 * Smallest image width (px) that still looks sharp where the layout shows it: the web page's
 * content column and a full-HD kiosk screen. Below, the image is upscaled and blurs.
 */
export const MIN_IMAGE_WIDTH: Record<'web' | 'kiosk', Record<Layout, number>> = {
  web: { cover: 1200, item: 800, comparison: 800, gallery: 400 },
  kiosk: { cover: 1920, item: 1080, comparison: 960, gallery: 540 },
};

/** Audio, video and documents are copied unchanged; above this a kiosk stick or player struggles. */
export const KIOSK_MAX_FILE_BYTES = 200 * 1024 * 1024;

const name = (x: Exhibition, snapshot: LibrarySnapshot) =>
  pickText(x.title, x.defaultLanguage || snapshot.manifest.defaultLanguage) || '—';

function imageUses(x: Exhibition): Array<{ itemId: string; layout: Layout; path: string }> {
  const uses: Array<{ itemId: string; layout: Layout; path: string }> = [];
  if (x.coverItemId) uses.push({ itemId: x.coverItemId, layout: 'cover', path: 'coverItemId' });
  x.chapters.forEach((chapter, c) =>
    chapter.blocks.forEach((block: Block, b) => {
      const at = `chapters[${c}].blocks[${b}]`;
      if (block.type === 'item')
        uses.push({ itemId: block.itemId, layout: 'item', path: `${at}.itemId` });
      if (block.type === 'gallery')
        block.itemIds.forEach((itemId, i) =>
          uses.push({ itemId, layout: 'gallery', path: `${at}.itemIds[${i}]` }),
        );
      if (block.type === 'comparison') {
        uses.push({
          itemId: block.before.itemId,
          layout: 'comparison',
          path: `${at}.before.itemId`,
        });
        uses.push({ itemId: block.after.itemId, layout: 'comparison', path: `${at}.after.itemId` });
      }
    }),
  );
  return uses;
}

const itemTitle = (item: EntityOf['items'], snapshot: LibrarySnapshot) =>
  pickText(item.title, snapshot.manifest.defaultLanguage) || item.id;

export const mediaTooSmall: Rule = {
  id: 'media-too-small',
  run(ctx: CheckContext) {
    const { snapshot } = ctx;
    const modes = checkModes(ctx);
    const items = new Map(snapshot.items.map((i) => [i.id, i]));
    const problems: Problem[] = [];
    for (const x of scopedExhibitions(ctx))
      for (const use of imageUses(x)) {
        const item = items.get(use.itemId);
        const image = item?.media.find((m) => m.kind === 'image');
        if (!item || !image?.width) continue;
        // The strictest mode asked for decides; one problem per place, not one per mode.
        const needed = Math.max(...modes.map((m) => MIN_IMAGE_WIDTH[m][use.layout]));
        if (image.width >= needed) continue;
        problems.push({
          rule: 'media-too-small',
          severity: 'warning',
          target: { collection: 'exhibitions', id: x.id, path: use.path },
          message: {
            de: `„${itemTitle(item, snapshot)}“ ist ${image.width} px breit; diese Stelle in „${name(x, snapshot)}“ braucht mindestens ${needed} px.`,
            en: `“${itemTitle(item, snapshot)}” is ${image.width} px wide; this place in “${name(x, snapshot)}” needs at least ${needed} px.`,
          },
          hint: {
            de: 'Eine größere Fassung importieren oder das Bild in einer Galerie zeigen.',
            en: 'Import a larger version or show the image in a gallery.',
          },
        });
      }
    return problems;
  },
};

export const mediaTooLargeForKiosk: Rule = {
  id: 'media-too-large-kiosk',
  run(ctx: CheckContext) {
    if (!checkModes(ctx).includes('kiosk')) return [];
    const { snapshot } = ctx;
    const items = new Map(snapshot.items.map((i) => [i.id, i]));
    const problems: Problem[] = [];
    for (const x of scopedExhibitions(ctx)) {
      const seen = new Set<string>();
      x.chapters.forEach((chapter, c) =>
        chapter.blocks.forEach((block, b) => {
          const ids =
            block.type === 'item' ? [block.itemId] : block.type === 'gallery' ? block.itemIds : [];
          for (const id of ids) {
            const item = items.get(id);
            if (!item || seen.has(id)) continue;
            seen.add(id);
            for (const asset of item.media) {
              if (asset.kind === 'image' || asset.bytes <= KIOSK_MAX_FILE_BYTES) continue;
              const mb = Math.round(asset.bytes / (1024 * 1024));
              problems.push({
                rule: 'media-too-large-kiosk',
                severity: 'warning',
                target: {
                  collection: 'exhibitions',
                  id: x.id,
                  path: `chapters[${c}].blocks[${b}]`,
                },
                message: {
                  de: `„${asset.originalName}“ (${mb} MB) ist zu groß für den Kiosk (höchstens ${KIOSK_MAX_FILE_BYTES / (1024 * 1024)} MB).`,
                  en: `“${asset.originalName}” (${mb} MB) is too large for the kiosk (at most ${KIOSK_MAX_FILE_BYTES / (1024 * 1024)} MB).`,
                },
                hint: {
                  de: 'Eine kürzere oder stärker komprimierte Fassung importieren.',
                  en: 'Import a shorter or more compressed version.',
                },
              });
            }
          }
        }),
      );
    }
    return problems;
  },
};

/** A kiosk has no browser to leave to: links in texts cannot be followed there. */
export const kioskLinks: Rule = {
  id: 'kiosk-link',
  run(ctx: CheckContext) {
    if (!checkModes(ctx).includes('kiosk')) return [];
    const problems: Problem[] = [];
    for (const x of scopedExhibitions(ctx))
      x.chapters.forEach((chapter, c) =>
        chapter.blocks.forEach((block, b) => {
          if (block.type !== 'text') return;
          for (const lang of x.languages)
            for (const href of docLinks(block.body[lang]))
              problems.push({
                rule: 'kiosk-link',
                severity: 'warning',
                target: {
                  collection: 'exhibitions',
                  id: x.id,
                  path: `chapters[${c}].blocks[${b}].body.${lang}`,
                },
                message: {
                  de: `Der Link ${href} kann am Kiosk nicht geöffnet werden (${lang}); er erscheint dort nur als QR-Code.`,
                  en: `The link ${href} cannot be followed on the kiosk (${lang}); it appears there only as a QR code.`,
                },
                hint: {
                  de: 'Den Inhalt in den Text aufnehmen oder den Link als Hinweis formulieren.',
                  en: 'Bring the content into the text or phrase the link as a pointer.',
                },
              });
        }),
      );
    return problems;
  },
};

export const exhibitionEmpty: Rule = {
  id: 'exhibition-empty',
  run(ctx: CheckContext) {
    return scopedExhibitions(ctx)
      .filter((x) => x.chapters.length === 0)
      .map((x) => ({
        rule: 'exhibition-empty',
        severity: 'error' as const,
        target: { collection: 'exhibitions' as const, id: x.id, path: 'chapters' },
        message: {
          de: `„${name(x, ctx.snapshot)}“ hat noch kein Kapitel.`,
          en: `“${name(x, ctx.snapshot)}” has no chapter yet.`,
        },
        hint: { de: 'Ein Kapitel mit Inhalten anlegen.', en: 'Add a chapter with content.' },
      }));
  },
};

export const EXHIBITION_RULES: readonly Rule[] = [
  mediaTooSmall,
  mediaTooLargeForKiosk,
  kioskLinks,
  exhibitionEmpty,
];
