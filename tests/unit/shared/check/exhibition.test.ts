import { describe, expect, it } from 'vitest';
import {
  blockCompleteness,
  countBySeverity,
  exhibitionCompleteness,
  KIOSK_MAX_FILE_BYTES,
  runChecks,
  runExhibitionChecks,
} from '../../../../shared/check';
import type { RichDoc } from '../../../../shared/domain';
import { docFromParagraphs } from '../../../../shared/domain/richtext';
import { exhibition, item, partnership, snapshot } from '../../../fixtures/snapshot';

const image = (width: number) => ({
  sha256: 'b'.repeat(64),
  originalName: 'foto.jpg',
  mime: 'image/jpeg',
  ext: 'jpg',
  kind: 'image',
  bytes: 1000,
  width,
  height: Math.round(width * 0.75),
});
const video = (bytes: number) => ({
  sha256: 'c'.repeat(64),
  originalName: 'film.mp4',
  mime: 'video/mp4',
  ext: 'mp4',
  kind: 'video',
  bytes,
});
const linkDoc = (href: string): RichDoc => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'mehr', marks: [{ type: 'link', attrs: { href } }] }],
    },
  ],
});
const rules = (problems: { rule: string }[]) => [...new Set(problems.map((p) => p.rule))].sort();
const chapter = (blocks: unknown[]) => ({ id: 'c1', title: { de: 'Eins', en: 'One' }, blocks });

describe('pre-publication check of one exhibition', () => {
  it('finds nothing in a clean exhibition and ignores the rest of the library', () => {
    const snap = snapshot({
      items: [
        item('big', { media: [image(2400)] }),
        // Not used by the exhibition: its missing alt text is no problem for publishing it.
        item('unused', { altText: {}, rights: undefined }),
      ],
      exhibitions: [
        exhibition('show', { chapters: [chapter([{ id: 'b1', type: 'item', itemId: 'big' }])] }),
      ],
    });
    expect(runExhibitionChecks(snap, 'show', 'kiosk')).toEqual([]);
    expect(rules(runChecks({ snapshot: snap }))).toEqual(['alt-text-missing', 'rights-missing']);
  });

  it('reports an image too small for its layout, per mode, at the place it is shown', () => {
    const snap = snapshot({
      items: [item('small', { media: [image(900)] })],
      exhibitions: [
        exhibition('show', {
          coverItemId: 'small',
          chapters: [
            chapter([
              { id: 'b1', type: 'item', itemId: 'small' },
              { id: 'b2', type: 'gallery', itemIds: ['small'] },
            ]),
          ],
        }),
      ],
    });
    const web = runExhibitionChecks(snap, 'show', 'web');
    expect(web.map((p) => p.target.path)).toEqual(['coverItemId']);
    expect(web[0]).toMatchObject({ rule: 'media-too-small', severity: 'warning' });
    expect(web[0]!.message.de).toContain('1200 px');
    const kiosk = runExhibitionChecks(snap, 'show', 'kiosk');
    expect(kiosk.map((p) => p.target.path).sort()).toEqual([
      'chapters[0].blocks[0].itemId',
      'coverItemId',
    ]);
  });

  it('reports audio or video too large for the kiosk only in kiosk mode', () => {
    const snap = snapshot({
      items: [
        item('film', {
          kind: 'video',
          media: [video(KIOSK_MAX_FILE_BYTES + 1)],
          transcript: { de: 'T', en: 'T' },
        }),
      ],
      exhibitions: [
        exhibition('show', { chapters: [chapter([{ id: 'b1', type: 'item', itemId: 'film' }])] }),
      ],
    });
    expect(runExhibitionChecks(snap, 'show', 'web')).toEqual([]);
    const kiosk = runExhibitionChecks(snap, 'show', 'kiosk');
    expect(rules(kiosk)).toEqual(['media-too-large-kiosk']);
    expect(kiosk[0]!.target.path).toBe('chapters[0].blocks[0]');
  });

  it('reports links in texts that a kiosk cannot follow', () => {
    const body = { de: linkDoc('https://www.dortmund.de'), en: linkDoc('mailto:info@dortmund.de') };
    const snap = snapshot({
      exhibitions: [
        exhibition('show', { chapters: [chapter([{ id: 'b1', type: 'text', body }])] }),
      ],
    });
    expect(runExhibitionChecks(snap, 'show', 'web')).toEqual([]);
    // The plain library check (`vitrine check`) covers what every bundle needs: web.
    expect(runChecks({ snapshot: snap })).toEqual([]);
    expect(runChecks({ snapshot: snap, mode: 'kiosk' })).toHaveLength(2);
    expect(runExhibitionChecks(snap, 'show')).toHaveLength(2);
    const kiosk = runExhibitionChecks(snap, 'show', 'kiosk');
    expect(kiosk.map((p) => [p.rule, p.target.path])).toEqual([
      ['kiosk-link', 'chapters[0].blocks[0].body.de'],
      ['kiosk-link', 'chapters[0].blocks[0].body.en'],
    ]);
    expect(kiosk[0]!.message.en).toContain('https://www.dortmund.de');
  });

  it('reports used items without transcript, alt text per language or rights, with the place they are used', () => {
    const snap = snapshot({
      items: [
        item('audio', { kind: 'audio', altText: {} }),
        item('photo', { altText: { de: 'Ein Foto' }, rights: { statement: 'InC' } }),
      ],
      exhibitions: [
        exhibition('show', {
          chapters: [
            chapter([
              { id: 'b1', type: 'item', itemId: 'audio' },
              { id: 'b2', type: 'gallery', itemIds: ['photo'] },
            ]),
          ],
        }),
      ],
    });
    const problems = runExhibitionChecks(snap, 'show');
    expect(problems.map((p) => [p.rule, p.target.id, p.target.path])).toEqual([
      ['transcript-missing', 'audio', 'transcript.de'],
      ['alt-text-missing', 'photo', 'altText.en'],
      ['rights-missing', 'photo', 'rights.creditLine'],
    ]);
    expect(problems[1]!.context).toEqual({
      collection: 'exhibitions',
      id: 'show',
      path: 'chapters[0].blocks[1].itemIds[0]',
    });
  });

  it('reports blocks referring to deleted items as errors that block export', () => {
    const snap = snapshot({
      partnerships: [partnership('leeds')],
      exhibitions: [
        exhibition('show', {
          chapters: [chapter([{ id: 'b1', type: 'item', itemId: 'gone' }])],
        }),
        exhibition('other', {
          chapters: [chapter([{ id: 'b9', type: 'item', itemId: 'gone-too' }])],
        }),
      ],
    });
    const problems = runExhibitionChecks(snap, 'show');
    expect(problems.map((p) => [p.rule, p.target.id, p.target.path])).toEqual([
      ['reference-missing', 'show', 'chapters[0].blocks[0].itemId'],
    ]);
    expect(countBySeverity(problems).errors).toBe(1);
  });

  it('reports an exhibition without chapters and empty chapters', () => {
    const snap = snapshot({
      exhibitions: [exhibition('show'), exhibition('half', { chapters: [chapter([])] })],
    });
    expect(runExhibitionChecks(snap, 'show').map((p) => [p.rule, p.severity])).toEqual([
      ['exhibition-empty', 'error'],
    ]);
    expect(rules(runExhibitionChecks(snap, 'half'))).toEqual(['chapter-empty']);
  });

  it('reports untranslated captions, labels, attributions and subtitles once one language has them', () => {
    const snap = snapshot({
      items: [item('a'), item('b')],
      exhibitions: [
        exhibition('show', {
          subtitle: { de: 'Untertitel' },
          chapters: [
            chapter([
              { id: 'b1', type: 'item', itemId: 'a', caption: { de: 'Bildunterschrift' } },
              {
                id: 'b2',
                type: 'quote',
                text: { de: 'Zitat', en: 'Quote' },
                attribution: { en: 'Mayor' },
              },
              {
                id: 'b3',
                type: 'comparison',
                before: { itemId: 'a', label: { de: 'Vorher', en: 'Before' } },
                after: { itemId: 'b', label: { de: 'Nachher' } },
              },
              { id: 'b4', type: 'gallery', itemIds: ['a'] },
            ]),
          ],
        }),
      ],
    });
    const problems = runExhibitionChecks(snap, 'show').filter((p) => p.rule === 'untranslated');
    expect(problems.map((p) => [p.severity, p.target.path])).toEqual([
      ['error', 'chapters[0].blocks[1].attribution.de'],
      ['warning', 'chapters[0].blocks[0].caption.en'],
      ['warning', 'chapters[0].blocks[2].after.label.en'],
      ['warning', 'subtitle.en'],
    ]);
  });

  it('measures completeness per exhibition and language', () => {
    const x = exhibition('show', {
      title: { de: 'Titel', en: 'Title' },
      chapters: [
        {
          id: 'c1',
          title: { de: 'Eins' },
          blocks: [{ id: 'q', type: 'quote', text: { de: 'Zitat', en: 'Quote' } }],
        },
      ],
    });
    expect(exhibitionCompleteness(x, 'de')).toBe(1);
    expect(exhibitionCompleteness(x, 'en')).toBeCloseTo(2 / 3);
    expect(exhibitionCompleteness(x, 'ar')).toBe(0);
  });

  it('measures completeness per block and language', () => {
    const block = {
      id: 'q',
      type: 'quote' as const,
      text: { de: 'Zitat', en: 'Quote' },
      attribution: { de: 'Oberbürgermeister' },
    };
    expect(blockCompleteness(block, 'de')).toBe(1);
    expect(blockCompleteness(block, 'en')).toBe(0.5);
    expect(
      blockCompleteness({ id: 't', type: 'text', body: { de: docFromParagraphs('Hallo') } }, 'ar'),
    ).toBe(0);
    expect(blockCompleteness({ id: 'm', type: 'map', title: {}, partnershipIds: [] }, 'en')).toBe(
      1,
    );
  });
});
