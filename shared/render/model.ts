import { AppError } from '../errors';
import type { Award } from '../domain/award';
import { dateSortKey, formatEdtf } from '../domain/date';
import type { Block, Exhibition } from '../domain/exhibition';
import type { Item } from '../domain/item';
import { textDirection, type LocalizedText } from '../domain/language';
import type { LibrarySnapshot } from '../domain/library';
import type { MediaAsset } from '../domain/media';
import type { Partnership } from '../domain/partnership';
import type { RichDoc } from '../domain/richtext';
import { rightsInfo } from '../domain/rights';
import { chapterFilesFor } from './file-names';

export type RenderMode = 'web' | 'kiosk' | 'preview';

/** A text with the language it is really in (which differs from the page's when it fell back). */
export interface LocalText {
  text: string;
  lang: string;
}

export interface RightsView {
  statement: string;
  label: string;
  url: string;
  holder: string;
  creditLine: LocalText | null;
}

export interface ItemView {
  id: string;
  kind: Item['kind'];
  title: LocalText;
  description: LocalText | null;
  date: string;
  creator: string;
  source: string;
  archiveRef: string;
  alt: LocalText | null;
  transcript: LocalText | null;
  rights: RightsView | null;
  /** The first image of the item, shown as its picture. */
  image: MediaAsset | null;
  /** The first non-image asset (audio, video, document), if any. */
  file: MediaAsset | null;
}

export interface TimelineEventView {
  id: string;
  date: string;
  /** Machine-readable value for <time datetime>, when the date has one. */
  datetime: string | null;
  title: LocalText;
  text: LocalText | null;
  place: LocalText | null;
  award: boolean;
}

export interface MapPlace {
  id: string;
  name: LocalText;
  country: string;
  lat: number;
  lon: number;
  since: string;
  home?: boolean;
}

export type BlockView =
  | { type: 'text'; id: string; doc: RichDoc | null; lang: string }
  | { type: 'item'; id: string; item: ItemView; caption: LocalText | null; wide: boolean }
  | { type: 'gallery'; id: string; title: LocalText | null; items: ItemView[] }
  | { type: 'timeline'; id: string; title: LocalText | null; events: TimelineEventView[] }
  | {
      type: 'quote';
      id: string;
      text: LocalText;
      attribution: LocalText | null;
      item: ItemView | null;
    }
  | {
      type: 'comparison';
      id: string;
      before: { item: ItemView; label: LocalText | null };
      after: { item: ItemView; label: LocalText | null };
      caption: LocalText | null;
    }
  | { type: 'map'; id: string; title: LocalText | null; places: MapPlace[] };

export interface ChapterView {
  id: string;
  number: number;
  /** File name inside the language folder, from this language's title, e.g. `02-die-anfaenge.html`. */
  file: string;
  /** The chapter's file name in every language of the bundle (hreflang alternates, language menu). */
  files: Record<string, string>;
  title: LocalText;
  blocks: BlockView[];
}

export interface ExhibitionView {
  exhibitionId: string;
  slug: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  mode: RenderMode;
  languages: string[];
  defaultLanguage: string;
  theme: Exhibition['theme'];
  accentColor: string | null;
  title: LocalText;
  subtitle: LocalText | null;
  credits: LocalText | null;
  imprint: LocalText | null;
  cover: ItemView | null;
  chapters: ChapterView[];
  /** Every item the exhibition shows, in order of first appearance: the credits page. */
  items: ItemView[];
  idleSeconds: number;
  /** Kiosk pages link the search page (exhibition setting, off by default). */
  kioskSearch?: boolean;
  baseUrl: string | null;
  /** The library's imprint, privacy notice and accessibility contact (web bundles' legal pages). */
  legal: LegalView;
  /** The library's logo for the header (shared/domain/logo.ts), when set and still an image. */
  logo: LogoView | null;
}

export interface LogoView {
  image: MediaAsset;
  /** Null when the logo is decorative (no alt text in any language). */
  alt: LocalText | null;
}

/** The library's legal settings in the page's language (see shared/domain/legal.ts). */
export interface LegalView {
  country: string;
  imprint: LocalText | null;
  privacy: LocalText | null;
  feedbackContact: LocalText | null;
  feedbackEmail: string | null;
  conciliation: LocalText | null;
}

export interface BuildViewOptions {
  /** Exhibition id or slug. */
  exhibition: string;
  lang: string;
  mode: RenderMode;
  /** Languages of the bundle; defaults to the exhibition's. */
  languages?: string[];
  idleSeconds?: number;
  baseUrl?: string;
}

/** Dortmund, the home of every partnership, drawn on every map. */
export const HOME_PLACE = { lat: 51.5136, lon: 7.4653 };

function local(text: LocalizedText | undefined, lang: string, fallback: string): LocalText | null {
  if (!text) return null;
  const order = [lang, fallback, ...Object.keys(text).sort()];
  for (const l of order) {
    const value = text[l];
    if (value !== undefined && value.trim() !== '') return { text: value, lang: l };
  }
  return null;
}

function required(
  text: LocalizedText | undefined,
  lang: string,
  fallback: string,
  otherwise: string,
): LocalText {
  return local(text, lang, fallback) ?? { text: otherwise, lang };
}

/** Same rule as `local`, for rich text. */
function localDoc(docs: Record<string, RichDoc> | undefined, lang: string, fallback: string) {
  if (!docs) return null;
  for (const l of [lang, fallback, ...Object.keys(docs).sort()]) {
    const doc = docs[l];
    if (doc && doc.content.length > 0) return { doc, lang: l };
  }
  return null;
}

export function findExhibition(snapshot: LibrarySnapshot, idOrSlug: string): Exhibition {
  const found =
    snapshot.exhibitions.find((x) => x.id === idOrSlug) ??
    snapshot.exhibitions.find((x) => x.slug === idOrSlug);
  if (!found)
    throw new AppError('NOT_FOUND', {
      de: `Ausstellung „${idOrSlug}“ nicht gefunden.`,
      en: `Exhibition “${idOrSlug}” not found.`,
    });
  return found;
}

/** File names of the chapter pages in `lang` (default: the exhibition's default language). */
export function chapterFiles(exhibition: Exhibition, lang = exhibition.defaultLanguage): string[] {
  return chapterFilesFor(exhibition, lang);
}

function legalView(snapshot: LibrarySnapshot, lang: string, fb: string): LegalView {
  const legal = snapshot.manifest.legal;
  return {
    country: legal?.country ?? 'DE',
    // The legal texts are the library's: they fall back to its default language.
    imprint: local(legal?.imprint, lang, snapshot.manifest.defaultLanguage ?? fb),
    privacy: local(legal?.privacy, lang, snapshot.manifest.defaultLanguage ?? fb),
    feedbackContact: local(legal?.feedbackContact, lang, snapshot.manifest.defaultLanguage ?? fb),
    feedbackEmail: legal?.feedbackEmail ?? null,
    conciliation: local(legal?.conciliation, lang, snapshot.manifest.defaultLanguage ?? fb),
  };
}

function edtfDatetime(value: string | undefined): string | null {
  if (!value) return null;
  // Plain year, month or day (no range, decade or "circa") is also valid HTML <time> syntax.
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) ? value : null;
}

/** The library's logo, or null when unset or its item is gone or holds no picture. */
function logoView(snapshot: LibrarySnapshot, lang: string): LogoView | null {
  const logo = snapshot.manifest.logo;
  if (!logo) return null;
  const image = snapshot.items
    .find((i) => i.id === logo.itemId)
    ?.media.find((m) => m.kind === 'image');
  if (!image) return null;
  return { image, alt: local(logo.alt, lang, snapshot.manifest.defaultLanguage) };
}

export function buildExhibitionView(
  snapshot: LibrarySnapshot,
  options: BuildViewOptions,
): ExhibitionView {
  const exhibition = findExhibition(snapshot, options.exhibition);
  const lang = options.lang;
  const fb = exhibition.defaultLanguage;
  const itemsById = new Map(snapshot.items.map((i) => [i.id, i]));
  const partnersById = new Map(snapshot.partnerships.map((p) => [p.id, p]));
  const itemViews = new Map<string, ItemView>();
  const used: ItemView[] = [];

  const itemView = (id: string | undefined): ItemView | null => {
    if (!id) return null;
    const cached = itemViews.get(id);
    if (cached) return cached;
    const item = itemsById.get(id);
    if (!item) return null;
    const info = item.rights ? rightsInfo(item.rights.statement) : undefined;
    const rights: RightsView | null = item.rights
      ? {
          statement: item.rights.statement,
          label: info ? (lang === 'de' ? info.label.de : info.label.en) : item.rights.statement,
          url: info?.url ?? '',
          holder: item.rights.holder ?? '',
          creditLine: local(item.rights.creditLine, lang, fb),
        }
      : null;
    const view: ItemView = {
      id: item.id,
      kind: item.kind,
      title: required(item.title, lang, fb, item.id),
      description: local(item.description, lang, fb),
      date: formatEdtf(item.date, lang),
      creator: item.creator ?? '',
      source: item.source ?? '',
      archiveRef: item.archiveRef ?? '',
      alt: local(item.altText, lang, fb),
      transcript: local(item.transcript, lang, fb),
      rights,
      image: item.media.find((m) => m.kind === 'image') ?? null,
      file: item.media.find((m) => m.kind !== 'image') ?? null,
    };
    itemViews.set(id, view);
    used.push(view);
    return view;
  };

  const cover = itemView(exhibition.coverItemId);

  const timeline = (block: Extract<Block, { type: 'timeline' }>): TimelineEventView[] => {
    const wanted = new Set(block.eventIds);
    const entries: Array<{ key: string; order: number; view: TimelineEventView }> = [];
    let order = 0;
    for (const pid of block.partnershipIds) {
      const partner = partnersById.get(pid);
      if (!partner) continue;
      for (const event of partner.history) {
        if (wanted.size > 0 && !wanted.has(event.id)) continue;
        entries.push({
          key: dateSortKey(event.date),
          order: order++,
          view: {
            id: `${partner.id}-${event.id}`,
            date: formatEdtf(event.date, lang),
            datetime: edtfDatetime(event.date),
            title: required(event.title, lang, fb, event.id),
            text: local(event.text, lang, fb),
            place: local(partner.city, lang, fb),
            award: false,
          },
        });
      }
    }
    if (block.includeAwards) {
      const partners = new Set(block.partnershipIds);
      for (const award of snapshot.awards as Award[]) {
        const related =
          award.partnershipIds.length === 0 || award.partnershipIds.some((p) => partners.has(p));
        if (!related) continue;
        entries.push({
          key: dateSortKey(award.date),
          order: order++,
          view: {
            id: `award-${award.id}`,
            date: formatEdtf(award.date, lang),
            datetime: edtfDatetime(award.date),
            title: required(award.name, lang, fb, award.id),
            text: local(award.text, lang, fb) ?? local(award.awardingBody, lang, fb),
            place: null,
            award: true,
          },
        });
      }
    }
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order));
    return entries.map((e) => e.view);
  };

  const places = (ids: string[]): MapPlace[] =>
    ids
      .map((id) => partnersById.get(id))
      .filter((p): p is Partnership => Boolean(p?.coordinates))
      .map((p) => ({
        id: p.id,
        name: required(p.city, lang, fb, p.id),
        country: p.country,
        lat: p.coordinates!.lat,
        lon: p.coordinates!.lon,
        since: formatEdtf(p.since, lang),
      }));

  const blockView = (block: Block): BlockView | null => {
    switch (block.type) {
      case 'text': {
        const found = localDoc(block.body, lang, fb);
        return found ? { type: 'text', id: block.id, doc: found.doc, lang: found.lang } : null;
      }
      case 'item': {
        const item = itemView(block.itemId);
        return item
          ? {
              type: 'item',
              id: block.id,
              item,
              caption: local(block.caption, lang, fb),
              wide: block.wide === true,
            }
          : null;
      }
      case 'gallery': {
        const items = block.itemIds.map(itemView).filter((i): i is ItemView => i !== null);
        return items.length
          ? { type: 'gallery', id: block.id, title: local(block.title, lang, fb), items }
          : null;
      }
      case 'timeline':
        return {
          type: 'timeline',
          id: block.id,
          title: local(block.title, lang, fb),
          events: timeline(block),
        };
      case 'quote': {
        const text = local(block.text, lang, fb);
        if (!text) return null;
        return {
          type: 'quote',
          id: block.id,
          text,
          attribution: local(block.attribution, lang, fb),
          item: itemView(block.itemId),
        };
      }
      case 'comparison': {
        const before = itemView(block.before.itemId);
        const after = itemView(block.after.itemId);
        if (!before || !after) return null;
        return {
          type: 'comparison',
          id: block.id,
          before: { item: before, label: local(block.before.label, lang, fb) },
          after: { item: after, label: local(block.after.label, lang, fb) },
          caption: local(block.caption, lang, fb),
        };
      }
      case 'map':
        return {
          type: 'map',
          id: block.id,
          title: local(block.title, lang, fb),
          places: places(block.partnershipIds),
        };
    }
  };

  const languages = (options.languages ?? exhibition.languages).filter(
    (l, i, all) => all.indexOf(l) === i,
  );
  const filesByLang = new Map(
    [...new Set([lang, ...languages])].map((l) => [l, chapterFilesFor(exhibition, l)]),
  );
  const chapters: ChapterView[] = exhibition.chapters.map((chapter, index) => ({
    id: chapter.id,
    number: index + 1,
    file: filesByLang.get(lang)![index]!,
    files: Object.fromEntries([...filesByLang].map(([l, names]) => [l, names[index]!])),
    title: required(chapter.title, lang, fb, `${index + 1}`),
    blocks: chapter.blocks.map(blockView).filter((b): b is BlockView => b !== null),
  }));

  const baseUrl = options.baseUrl ?? exhibition.settings.web.baseUrl ?? null;
  return {
    exhibitionId: exhibition.id,
    slug: exhibition.slug,
    lang,
    dir: textDirection(lang),
    mode: options.mode,
    languages,
    defaultLanguage: languages.includes(fb) ? fb : languages[0]!,
    theme: exhibition.theme,
    accentColor: exhibition.accentColor ?? null,
    title: required(exhibition.title, lang, fb, exhibition.slug),
    subtitle: local(exhibition.subtitle, lang, fb),
    credits: local(exhibition.credits, lang, fb),
    imprint: local(exhibition.imprint, lang, fb),
    cover,
    chapters,
    items: used,
    idleSeconds: options.idleSeconds ?? exhibition.settings.kiosk.idleSeconds,
    kioskSearch: exhibition.settings.kiosk.search === true,
    legal: legalView(snapshot, lang, fb),
    logo: logoView(snapshot, lang),
    // A kiosk never points outside the bundle, so it ignores the public address.
    baseUrl: baseUrl && options.mode !== 'kiosk' ? baseUrl.replace(/\/+$/, '') + '/' : null,
  };
}
