import { describe, expect, it } from 'vitest';
import { renderPreview } from '../../../../../../renderer/app/exhibitions/preview/render';
import { chapterFiles, renderPage, buildExhibitionView } from '../../../../../../shared/render';
import { docFromParagraphs } from '../../../../../../shared/domain/richtext';
import { exhibition, item, snapshot } from '../../../../../fixtures/snapshot';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const asset = {
  sha256: 'd'.repeat(64),
  originalName: 'foto.jpg',
  mime: 'image/jpeg',
  ext: 'jpg',
  kind: 'image',
  bytes: 10,
  width: 1600,
  height: 1200,
};

function input(body: string) {
  const saved = exhibition('show', {
    chapters: [
      {
        id: 'c1',
        title: { de: 'Anfänge', en: 'Beginnings' },
        blocks: [
          { id: 'b1', type: 'text', body: { de: docFromParagraphs('gespeichert') } },
          { id: 'b2', type: 'item', itemId: 'photo', caption: { de: HOSTILE } },
        ],
      },
    ],
  });
  const draft = structuredClone(saved);
  draft.chapters[0]!.blocks[0] = { id: 'b1', type: 'text', body: { de: docFromParagraphs(body) } };
  const snap = snapshot({ items: [item('photo', { media: [asset] })], exhibitions: [saved] });
  return { snap, saved, draft };
}

describe('preview rendering', () => {
  it('renders the draft with the exporter’s code, media from the library and no script', () => {
    const { snap, draft } = input('getippt');
    const html = renderPreview({
      snapshot: snap,
      exhibition: draft,
      lang: 'de',
      frame: 'desktop',
      page: 'c1',
      mediaUrl: (rel) => `/media/${rel}`,
      stylesheetUrl: '/assets/vitrine.css',
    });
    expect(html).toContain('getippt');
    expect(html).not.toContain('gespeichert');
    expect(html).toContain('data-block="b1"');
    expect(html).toContain(`/media/media/dd/${'d'.repeat(64)}.jpg`);
    expect(html).toContain('<link rel="stylesheet" href="/assets/vitrine.css">');
    expect(html).not.toMatch(/<script/i);
    // The preview has no font files (it falls back to the system serif), so nothing to preload.
    expect(html).not.toContain('rel="preload"');
    // Same markup as the exporter's page apart from asset addresses, the script and the font
    // preload.
    const view = buildExhibitionView(
      { ...snap, exhibitions: [draft] },
      { exhibition: 'show', lang: 'de', mode: 'web' },
    );
    const exported = renderPage(view, chapterFiles(draft)[0]!)!;
    const strip = (s: string) =>
      s
        .replace(/(src|href|srcset)="[^"]*"/g, '')
        .replace(/<script[^>]*><\/script>/g, '')
        .replace(/\n<link rel="preload"[^>]*>/g, '')
        .replace(/ loading="lazy"/g, '');
    expect(strip(html)).toBe(strip(exported));
  });

  it('shows hostile text as text, never as markup', () => {
    const { snap, draft } = input(HOSTILE);
    const html = renderPreview({
      snapshot: snap,
      exhibition: draft,
      lang: 'en',
      frame: 'kiosk-portrait',
      page: 'c1',
      mediaUrl: (rel) => `/media/${rel}`,
      stylesheetUrl: '/s.css',
    });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/<script>alert/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('data-mode="kiosk"');
  });

  it('falls back to the start page for an unknown page and to the default language', () => {
    const { snap, draft } = input('x');
    const html = renderPreview({
      snapshot: snap,
      exhibition: draft,
      lang: 'fr',
      frame: 'phone',
      page: 'nope',
      mediaUrl: (rel) => rel,
      stylesheetUrl: '/s.css',
    });
    expect(html).toContain('<html lang="de"');
    expect(html).toContain('class="page-start"');
  });

  it('escapes hostile text in every field of the exhibition, its blocks and its items', () => {
    const h = (where: string) =>
      `<b data-x="${where}">${where}</b><script>alert("${where}")</script>`;
    const both = (where: string) => ({ de: h(`${where}-de`), en: h(`${where}-en`) });
    const x = exhibition('show', {
      title: both('title'),
      subtitle: both('subtitle'),
      credits: both('credits'),
      imprint: both('imprint'),
      coverItemId: 'photo',
      chapters: [
        {
          id: 'c1',
          title: both('chapter'),
          blocks: [
            { id: 'b1', type: 'text', body: { de: docFromParagraphs(h('body')) } },
            { id: 'b2', type: 'item', itemId: 'photo', caption: both('caption') },
            { id: 'b3', type: 'gallery', title: both('gallery'), itemIds: ['photo'] },
            {
              id: 'b4',
              type: 'quote',
              text: both('quote'),
              attribution: both('attribution'),
              itemId: 'photo',
            },
            {
              id: 'b5',
              type: 'comparison',
              before: { itemId: 'photo', label: both('before') },
              after: { itemId: 'photo', label: both('after') },
              caption: both('cmp'),
            },
            { id: 'b6', type: 'map', title: both('map'), partnershipIds: [] },
            { id: 'b7', type: 'timeline', title: both('timeline'), partnershipIds: [] },
          ],
        },
      ],
    });
    const photo = item('photo', {
      media: [asset],
      title: both('item'),
      description: both('description'),
      altText: both('alt'),
      creator: h('creator'),
      rights: { statement: 'CC-BY-4.0', creditLine: both('credit') },
    });
    const snap = snapshot({ items: [photo], exhibitions: [x] });
    for (const page of ['index.html', 'c1', 'credits.html'])
      for (const lang of ['de', 'en'])
        for (const frame of ['desktop', 'kiosk-landscape'] as const) {
          const html = renderPreview({
            snapshot: snap,
            exhibition: x,
            lang,
            frame,
            page,
            mediaUrl: (rel) => `/media/${rel}`,
            stylesheetUrl: '/s.css',
          });
          expect(html, `${page} ${lang} ${frame}`).not.toMatch(/<b data-x|<script>alert/);
          expect(html).toMatch(/&lt;b data-x=/);
        }
  });
});
