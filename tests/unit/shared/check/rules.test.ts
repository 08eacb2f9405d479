import { describe, expect, it } from 'vitest';
import { countBySeverity, runChecks } from '../../../../shared/check';
import { docFromParagraphs } from '../../../../shared/domain/richtext';
import { exhibition, item, partnership, snapshot } from '../../../fixtures/snapshot';

const rulesOf = (problems: { rule: string }[]) => [...new Set(problems.map((p) => p.rule))].sort();

describe('library check rules', () => {
  const clean = snapshot({
    items: [item('photo')],
    partnerships: [partnership('leeds')],
    exhibitions: [
      exhibition('show', {
        chapters: [
          {
            id: 'c1',
            title: { de: 'Anfänge', en: 'Beginnings' },
            blocks: [
              { id: 'b1', type: 'item', itemId: 'photo' },
              {
                id: 'b2',
                type: 'text',
                body: { de: docFromParagraphs('Hallo'), en: docFromParagraphs('Hello') },
              },
            ],
          },
        ],
      }),
    ],
  });

  it('finds nothing in a clean library', () => {
    expect(runChecks({ snapshot: clean, mediaExists: () => true })).toEqual([]);
  });

  it('reports dangling references as errors with the path to fix', () => {
    const snap = { ...clean, items: [] };
    const problems = runChecks({ snapshot: snap });
    expect(problems[0]).toMatchObject({
      rule: 'reference-missing',
      severity: 'error',
      target: { collection: 'exhibitions', id: 'show', path: 'chapters[0].blocks[0].itemId' },
    });
    expect(problems[0]!.message.de).toContain('photo');
    expect(problems[0]!.hint.en).toMatch(/Remove the reference/);
  });

  it('reports missing media files, rights, credit, alt text and transcripts', () => {
    const asset = {
      sha256: 'a'.repeat(64),
      originalName: 'x.jpg',
      mime: 'image/jpeg',
      ext: 'jpg',
      kind: 'image',
      bytes: 3,
    };
    const snap = snapshot({
      items: [
        item('nofile', { media: [asset] }),
        item('norights', { rights: undefined }),
        item('nocredit', { rights: { statement: 'InC' } }),
        item('noalt', { altText: { en: 'only English' } }),
        item('audio', { kind: 'audio', altText: {} }),
      ],
    });
    const problems = runChecks({ snapshot: snap, mediaExists: () => false });
    expect(rulesOf(problems)).toEqual([
      'alt-text-missing',
      'media-missing',
      'rights-missing',
      'transcript-missing',
    ]);
    expect(problems.find((p) => p.rule === 'media-missing')!.message.en).toContain(
      `media/aa/${'a'.repeat(64)}.jpg`,
    );
    expect(problems.filter((p) => p.rule === 'rights-missing').map((p) => p.target.path)).toEqual([
      'rights.creditLine',
      'rights',
    ]);
    expect(problems.find((p) => p.rule === 'alt-text-missing')!.target.path).toBe('altText.de');
  });

  it('reports empty chapters and untranslated exhibition text by language', () => {
    const snap = snapshot({
      exhibitions: [
        exhibition('show', {
          title: { de: 'Nur Deutsch' },
          chapters: [{ id: 'c1', title: { de: 'Leer' }, blocks: [] }],
        }),
      ],
    });
    const problems = runChecks({ snapshot: snap });
    expect(rulesOf(problems)).toEqual(['chapter-empty', 'untranslated']);
    expect(problems.filter((p) => p.rule === 'untranslated').map((p) => p.target.path)).toEqual([
      'chapters[0].title.en',
      'title.en',
    ]);
    expect(countBySeverity(problems)).toEqual({ errors: 0, warnings: 3, infos: 0 });
  });

  it('notes sample content without counting it as a problem', () => {
    const snap = snapshot({
      items: [item('photo', { sample: true })],
      partnerships: [partnership('leeds', { sample: true })],
    });
    const problems = runChecks({ snapshot: snap });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'sample-content', severity: 'info' });
    expect(problems[0]!.message.de).toContain('2 Einträge');
  });
});
