import { hasText, pickText, type LocalizedText } from '../domain/language';
import type { EntityOf, LibrarySnapshot } from '../domain/library';
import { mediaPath, type MediaAsset } from '../domain/media';
import { referencesOf } from '../domain/references';
import { exhibitionTextFields } from './fields';
import type { Problem } from './problem';

export interface CheckContext {
  snapshot: LibrarySnapshot;
  /** Whether a media file is present; supplied by the caller because shared/ has no file system. */
  mediaExists?: (relPath: string, asset: MediaAsset) => boolean;
  /**
   * Pre-publication check of one exhibition: exhibition rules look at it alone, item rules only
   * at the items it shows. Absent: the whole library.
   */
  exhibitionId?: string;
  /**
   * The bundle being prepared. `both` checks for web and kiosk at once (the editor's panel);
   * absent means `web`, so the plain library check (`vitrine check`) speaks about what every
   * bundle needs and leaves kiosk-only concerns to the kiosk export.
   */
  mode?: 'web' | 'kiosk' | 'both';
}

/** The bundle modes a check covers. */
export function checkModes(ctx: CheckContext): Array<'web' | 'kiosk'> {
  return ctx.mode === 'both' ? ['web', 'kiosk'] : [ctx.mode ?? 'web'];
}

/** Exhibitions in scope. */
export function scopedExhibitions(ctx: CheckContext): EntityOf['exhibitions'][] {
  return ctx.exhibitionId
    ? ctx.snapshot.exhibitions.filter((x) => x.id === ctx.exhibitionId)
    : ctx.snapshot.exhibitions;
}

/**
 * Items in scope: every item for the library check; for an exhibition, the items it shows, each
 * with the first place it is shown (where the check panel can send the curator).
 */
export function scopedItems(
  ctx: CheckContext,
): Array<{ item: EntityOf['items']; usedAt?: string }> {
  if (!ctx.exhibitionId) return ctx.snapshot.items.map((item) => ({ item }));
  const byId = new Map(ctx.snapshot.items.map((i) => [i.id, i]));
  const used = new Map<string, string>();
  for (const x of scopedExhibitions(ctx))
    for (const ref of referencesOf('exhibitions', x))
      if (ref.collection === 'items' && byId.has(ref.id) && !used.has(ref.id))
        used.set(ref.id, ref.path);
  return [...used].map(([id, usedAt]) => ({ item: byId.get(id)!, usedAt }));
}

/** Where an item problem is also shown in the exhibition (see Problem.context). */
function usage(ctx: CheckContext, usedAt: string | undefined): Pick<Problem, 'context'> {
  return usedAt && ctx.exhibitionId
    ? { context: { collection: 'exhibitions', id: ctx.exhibitionId, path: usedAt } }
    : {};
}

export interface Rule {
  id: string;
  run(ctx: CheckContext): Problem[];
}

const title = (text: LocalizedText | undefined, snapshot: LibrarySnapshot) =>
  pickText(text, snapshot.manifest.defaultLanguage) || '—';

/** A reference to an item or partnership that no longer exists (e.g. after a forced delete). */
const danglingReferences: Rule = {
  id: 'reference-missing',
  run(ctx) {
    const { snapshot } = ctx;
    const exists = {
      items: new Set(snapshot.items.map((i) => i.id)),
      partnerships: new Set(snapshot.partnerships.map((p) => p.id)),
    };
    const problems: Problem[] = [];
    const scan = <C extends 'items' | 'partnerships' | 'awards' | 'exhibitions'>(
      collection: C,
      list: EntityOf[C][],
    ) => {
      for (const entity of list)
        for (const ref of referencesOf(collection, entity)) {
          if (exists[ref.collection].has(ref.id)) continue;
          const what =
            ref.collection === 'items'
              ? { de: 'Objekt', en: 'item' }
              : { de: 'Partnerschaft', en: 'partnership' };
          problems.push({
            rule: this.id,
            severity: 'error',
            target: { collection, id: entity.id, path: ref.path },
            message: {
              de: `Verweis auf gelöschtes ${what.de} „${ref.id}“.`,
              en: `Reference to deleted ${what.en} “${ref.id}”.`,
            },
            hint: {
              de: `Verweis entfernen oder ein anderes ${what.de} wählen.`,
              en: `Remove the reference or choose another ${what.en}.`,
            },
          });
        }
    };
    if (!ctx.exhibitionId) {
      scan('items', snapshot.items);
      scan('partnerships', snapshot.partnerships);
      scan('awards', snapshot.awards);
    }
    scan('exhibitions', scopedExhibitions(ctx));
    return problems;
  },
};

const mediaMissing: Rule = {
  id: 'media-missing',
  run(ctx) {
    const { snapshot, mediaExists } = ctx;
    if (!mediaExists) return [];
    const problems: Problem[] = [];
    scopedItems(ctx).forEach(({ item, usedAt }) =>
      item.media.forEach((asset, m) => {
        const rel = mediaPath(asset);
        if (mediaExists(rel, asset)) return;
        problems.push({
          rule: this.id,
          severity: 'error',
          target: { collection: 'items', id: item.id, path: `media[${m}]` },
          ...usage(ctx, usedAt),
          message: {
            de: `Mediendatei fehlt: ${rel} („${asset.originalName}“ von „${title(item.title, snapshot)}“).`,
            en: `Media file missing: ${rel} (“${asset.originalName}” of “${title(item.title, snapshot)}”).`,
          },
          hint: {
            de: 'Datei erneut importieren oder die Bibliothek aus einer Sicherung wiederherstellen.',
            en: 'Import the file again or restore the library from a backup.',
          },
        });
      }),
    );
    return problems;
  },
};

const rightsMissing: Rule = {
  id: 'rights-missing',
  run(ctx) {
    const { snapshot } = ctx;
    return scopedItems(ctx)
      .filter(
        ({ item }) =>
          item.kind !== 'text' &&
          (!item.rights || !Object.values(item.rights.creditLine).some((c) => c.trim())),
      )
      .map(({ item, usedAt }) => ({
        rule: this.id,
        severity: 'warning' as const,
        target: {
          collection: 'items' as const,
          id: item.id,
          path: item.rights ? 'rights.creditLine' : 'rights',
        },
        ...usage(ctx, usedAt),
        message: item.rights
          ? {
              de: `Bildnachweis fehlt bei „${title(item.title, snapshot)}“.`,
              en: `Credit line missing for “${title(item.title, snapshot)}”.`,
            }
          : {
              de: `Rechteangabe fehlt bei „${title(item.title, snapshot)}“.`,
              en: `Rights missing for “${title(item.title, snapshot)}”.`,
            },
        hint: {
          de: 'Lizenz oder Rechtehinweis wählen und Bildnachweis eintragen.',
          en: 'Choose a licence or rights statement and enter a credit line.',
        },
      }));
  },
};

const altTextMissing: Rule = {
  id: 'alt-text-missing',
  run(ctx) {
    const { snapshot } = ctx;
    const langs = ctx.exhibitionId
      ? (scopedExhibitions(ctx)[0]?.languages ?? [])
      : [snapshot.manifest.defaultLanguage];
    return scopedItems(ctx)
      .flatMap(({ item, usedAt }) => langs.map((lang) => ({ item, usedAt, lang })))
      .filter(({ item, lang }) => item.kind === 'image' && !hasText(item.altText, lang))
      .map(({ item, usedAt, lang }) => ({
        rule: this.id,
        severity: 'warning' as const,
        target: { collection: 'items' as const, id: item.id, path: `altText.${lang}` },
        ...usage(ctx, usedAt),
        message: {
          de: `Alternativtext fehlt bei „${title(item.title, snapshot)}“ (${lang}).`,
          en: `Alt text missing for “${title(item.title, snapshot)}” (${lang}).`,
        },
        hint: {
          de: 'Beschreiben Sie in einem Satz, was auf dem Bild zu sehen ist.',
          en: 'Describe in one sentence what the image shows.',
        },
      }));
  },
};

const transcriptMissing: Rule = {
  id: 'transcript-missing',
  run(ctx) {
    const { snapshot } = ctx;
    const lang = scopedExhibitions(ctx)[0]?.defaultLanguage ?? snapshot.manifest.defaultLanguage;
    return scopedItems(ctx)
      .filter(
        ({ item }) =>
          (item.kind === 'audio' || item.kind === 'video') && !hasText(item.transcript, lang),
      )
      .map(({ item, usedAt }) => ({
        rule: this.id,
        severity: 'warning' as const,
        target: { collection: 'items' as const, id: item.id, path: `transcript.${lang}` },
        ...usage(ctx, usedAt),
        message: {
          de: `Transkript fehlt bei „${title(item.title, snapshot)}“.`,
          en: `Transcript missing for “${title(item.title, snapshot)}”.`,
        },
        hint: {
          de: 'Transkript eintragen, damit Hörgeschädigte und Suchende den Inhalt finden.',
          en: 'Add a transcript so that deaf visitors and search can reach the content.',
        },
      }));
  },
};

const emptyChapters: Rule = {
  id: 'chapter-empty',
  run(ctx) {
    const { snapshot } = ctx;
    const problems: Problem[] = [];
    for (const x of scopedExhibitions(ctx))
      x.chapters.forEach((chapter, c) => {
        if (chapter.blocks.length > 0) return;
        problems.push({
          rule: this.id,
          severity: 'warning',
          target: { collection: 'exhibitions', id: x.id, path: `chapters[${c}]` },
          message: {
            de: `Kapitel „${title(chapter.title, snapshot)}“ in „${title(x.title, snapshot)}“ ist leer.`,
            en: `Chapter “${title(chapter.title, snapshot)}” in “${title(x.title, snapshot)}” is empty.`,
          },
          hint: {
            de: 'Inhalte hinzufügen oder das Kapitel löschen.',
            en: 'Add content or delete the chapter.',
          },
        });
      });
    return problems;
  },
};

/** Texts an exhibition shows, per language it promises; a missing one would fall back silently. */
const untranslated: Rule = {
  id: 'untranslated',
  run(ctx) {
    const { snapshot } = ctx;
    const problems: Problem[] = [];
    for (const x of scopedExhibitions(ctx)) {
      const fields = exhibitionTextFields(x);
      for (const lang of x.languages) {
        for (const field of fields) {
          if (field.has(lang)) continue;
          // An optional text missing in every language is simply not used.
          if (!field.required && !x.languages.some((l) => field.has(l))) continue;
          problems.push({
            rule: this.id,
            severity: lang === x.defaultLanguage ? 'error' : 'warning',
            target: { collection: 'exhibitions', id: x.id, path: `${field.path}.${lang}` },
            message: {
              de: `„${title(x.title, snapshot)}“: ${field.path} ist nicht auf ${lang} vorhanden.`,
              en: `“${title(x.title, snapshot)}”: ${field.path} is missing in ${lang}.`,
            },
            hint: {
              de: `Text auf ${lang} ergänzen oder die Sprache aus der Ausstellung entfernen.`,
              en: `Add the ${lang} text or remove the language from the exhibition.`,
            },
          });
        }
      }
    }
    return problems;
  },
};

/** Sample content is allowed but must never be published unchecked; an info, not a problem. */
const sampleContent: Rule = {
  id: 'sample-content',
  run({ snapshot, exhibitionId }) {
    if (exhibitionId) return [];
    const count =
      snapshot.items.filter((i) => i.sample).length +
      snapshot.awards.filter((a) => a.sample).length +
      snapshot.partnerships.reduce(
        (n, p) => n + (p.sample ? 1 : 0) + p.history.filter((e) => e.sample).length,
        0,
      );
    if (count === 0) return [];
    return [
      {
        rule: this.id,
        severity: 'info',
        target: { collection: 'library', id: '', path: '' },
        message: {
          de: `${count} Einträge sind als Beispielinhalt markiert – vor Veröffentlichung prüfen.`,
          en: `${count} entries are marked as sample content — verify before publishing.`,
        },
        hint: {
          de: 'Fakten prüfen und die Markierung „Beispiel“ entfernen.',
          en: 'Verify the facts and remove the “sample” mark.',
        },
      },
    ];
  },
};

export const LIBRARY_RULES: readonly Rule[] = [
  danglingReferences,
  mediaMissing,
  rightsMissing,
  altTextMissing,
  transcriptMissing,
  emptyChapters,
  untranslated,
  sampleContent,
];
