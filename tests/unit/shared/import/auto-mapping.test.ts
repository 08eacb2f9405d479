import { describe, expect, it } from 'vitest';
import { autoMapping, guessColumn } from '../../../../shared/import/auto-mapping';

describe('automatic column mapping', () => {
  it('maps Dublin Core names in their common spellings', () => {
    expect(guessColumn('dcterms:title')).toEqual({ field: 'title' });
    expect(guessColumn('Title')).toEqual({ field: 'title' });
    expect(guessColumn('Dublin Core:Title')).toEqual({ field: 'title' });
    expect(guessColumn('dc:creator')).toEqual({ field: 'creator' });
    expect(guessColumn('dcterms:subject')).toEqual({ field: 'tags' });
    expect(guessColumn('dcterms:spatial')).toEqual({ field: 'places' });
  });

  it('maps the CollectionBuilder template', () => {
    const headers =
      'objectid,title,creator,date,description,subject,location,latitude,longitude,source,identifier,type,format,language,rights,rightsstatement,object_location,image_small,image_thumb'.split(
        ',',
      );
    const fields = Object.fromEntries(autoMapping(headers).map((m) => [m.column, m.field]));
    expect(fields).toMatchObject({
      objectid: 'id',
      title: 'title',
      creator: 'creator',
      date: 'date',
      description: 'description',
      subject: 'tags',
      location: 'places',
      latitude: 'ignore',
      longitude: 'ignore',
      source: 'source',
      identifier: 'archiveRef',
      type: 'kind',
      format: 'kind',
      language: 'ignore',
      rights: 'rights',
      rightsstatement: 'rights',
      object_location: 'media',
      image_small: 'ignore',
      image_thumb: 'ignore',
    });
  });

  it('maps Omeka S export columns with their language tags', () => {
    expect(guessColumn('o:id')).toEqual({ field: 'id' });
    expect(guessColumn('dcterms:title @fr')).toEqual({ field: 'title', lang: 'fr' });
    expect(guessColumn('dcterms:description ^^literal')).toEqual({ field: 'description' });
    expect(guessColumn('o:media/o:source')).toEqual({ field: 'media' });
  });

  it('maps German headers', () => {
    const pairs: Array<[string, string]> = [
      ['Titel', 'title'],
      ['Beschreibung', 'description'],
      ['Datum', 'date'],
      ['Urheber', 'creator'],
      ['Fotograf', 'creator'],
      ['Quelle', 'source'],
      ['Signatur', 'archiveRef'],
      ['Rechte', 'rights'],
      ['Lizenz', 'rights'],
      ['Schlagworte', 'tags'],
      ['Ort', 'places'],
      ['Partnerschaft', 'partnerships'],
      ['Partnerstadt', 'partnerships'],
      ['Alternativtext', 'altText'],
      ['Datei', 'media'],
    ];
    for (const [header, field] of pairs) expect(guessColumn(header).field, header).toBe(field);
  });

  it('reads the language of language columns', () => {
    expect(guessColumn('title_en')).toEqual({ field: 'title', lang: 'en' });
    expect(guessColumn('Titel (Englisch)')).toEqual({ field: 'title', lang: 'en' });
    expect(guessColumn('description:fr')).toEqual({ field: 'description', lang: 'fr' });
    expect(guessColumn('Beschreibung [tr]')).toEqual({ field: 'description', lang: 'tr' });
    expect(guessColumn('Alternativtext (Französisch)')).toEqual({ field: 'altText', lang: 'fr' });
  });

  it('leaves unknown headers to the mapping editor', () => {
    expect(guessColumn('Bemerkung intern')).toEqual({ field: 'ignore' });
    expect(guessColumn('rights_url')).toEqual({ field: 'ignore' });
  });
});
