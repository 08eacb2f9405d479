import { describe, expect, it } from 'vitest';
import { exhibitionCompleteness, runExhibitionChecks } from '../../../../../shared/check';
import { Exhibition } from '../../../../../shared/domain/exhibition';
import { LanguageCode, languageName } from '../../../../../shared/domain/language';
import { docFromParagraphs } from '../../../../../shared/domain/richtext';
import { exhibition, snapshot } from '../../../../fixtures/snapshot';

const easyShow = (extra: Record<string, unknown> = {}) =>
  exhibition('show', {
    title: { de: 'Was uns verbindet', en: 'What connects us', 'de-x-ls': 'Was uns verbindet' },
    languages: ['de', 'en', 'de-x-ls'],
    chapters: [
      {
        id: 'c1',
        title: { de: 'Anfang', en: 'Start', 'de-x-ls': 'Der Anfang' },
        blocks: [
          {
            id: 'b1',
            type: 'text',
            body: {
              de: docFromParagraphs('Die Partnerschaft wurde 1969 besiegelt.'),
              en: docFromParagraphs('The partnership was sealed in 1969.'),
              'de-x-ls': docFromParagraphs(
                'Dortmund und Leeds sind Partner.',
                'Das Haus wurde gebaut.',
              ),
            },
          },
        ],
      },
    ],
    ...extra,
  });

describe('Leichte Sprache in the pre-publication check', () => {
  it('takes de-x-ls as a language tag named "Leichte Sprache", and refuses de-LS', () => {
    expect(LanguageCode.safeParse('de-x-ls').success).toBe(true);
    expect(languageName('de-x-ls')).toBe('Leichte Sprache');
    expect(LanguageCode.safeParse('de-x-').success).toBe(false);
  });

  it('reports a finding at the Leichte Sprache field with its sentence and a German hint', () => {
    const problems = runExhibitionChecks(snapshot({ exhibitions: [easyShow()] }), 'show');
    const passive = problems.find((p) => p.rule === 'ls-passive');
    expect(passive).toMatchObject({
      severity: 'error',
      target: { collection: 'exhibitions', id: 'show', path: 'chapters[0].blocks[0].body.de-x-ls' },
    });
    expect(passive!.message.de).toContain('„Das Haus wurde gebaut.“');
    expect(passive!.hint.de).toMatch(/Passiv/);
    // Standard German is not held to the Leichte Sprache rules.
    expect(problems.filter((p) => p.target.path.endsWith('.de'))).toEqual([]);
  });

  it('warns until a test reader group has checked the texts, then stops', () => {
    const unreviewed = runExhibitionChecks(snapshot({ exhibitions: [easyShow()] }), 'show');
    expect(unreviewed.find((p) => p.rule === 'easy-language-unreviewed')?.severity).toBe('warning');
    const reviewed = easyShow({
      easyLanguage: { review: { date: '2026-11-30', by: 'Prüfgruppe Werkstatt Dortmund' } },
    });
    expect(
      runExhibitionChecks(snapshot({ exhibitions: [reviewed] }), 'show').map((p) => p.rule),
    ).not.toContain('easy-language-unreviewed');
  });

  it('leaves exhibitions without Leichte Sprache alone and needs no migration', () => {
    const plain = exhibition('plain');
    expect(plain.easyLanguage).toBeUndefined();
    const problems = runExhibitionChecks(snapshot({ exhibitions: [plain] }), 'plain');
    expect(problems.filter((p) => /^ls-|easy-language/.test(p.rule))).toEqual([]);
    expect(
      Exhibition.safeParse({ ...plain, easyLanguage: { review: { date: 'gestern', by: 'x' } } })
        .success,
    ).toBe(false);
  });

  it('counts Leichte Sprache in the completeness figure like any language', () => {
    const x = easyShow();
    expect(exhibitionCompleteness(x, 'de-x-ls')).toBe(1);
    const partial = easyShow({ title: { de: 'Titel', en: 'Title' } });
    expect(exhibitionCompleteness(partial, 'de-x-ls')).toBeLessThan(1);
  });
});
