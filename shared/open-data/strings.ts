/**
 * Fixed texts of the open-data page (`data/index.html`). German and English; other languages
 * get English, and the page then says so with `lang="en"`.
 */
export interface OpenDataStrings {
  title: string;
  intro: string;
  licenceTitle: string;
  licence: string;
  licenceName: string;
  mediaRights: string;
  contextLicence: string;
  filesTitle: string;
  file: string;
  format: string;
  content: string;
  fieldsTitle: string;
  field: string;
  meaning: string;
  perLanguage: string;
  back: string;
  files: Record<
    | 'partnershipsLd'
    | 'awardsLd'
    | 'itemsLd'
    | 'itemLd'
    | 'partnershipsCsv'
    | 'eventsCsv'
    | 'awardsCsv'
    | 'itemsCsv'
    | 'context',
    string
  >;
  fields: Record<string, string>;
}

const de: OpenDataStrings = {
  title: 'Offene Daten',
  intro:
    'Die Partnerschaften, ihre Ereignisse, die Auszeichnungen und die Objekte dieser Ausstellung als maschinenlesbare Daten: JSON-LD mit dem Vokabular von schema.org und CSV-Tabellen mit Dublin-Core-Spaltennamen.',
  licenceTitle: 'Lizenz',
  licence: 'Die Metadaten in diesem Ordner stehen unter',
  licenceName: 'CC0 1.0 (gemeinfrei gewidmet)',
  mediaRights:
    'Bilder und andere Medien behalten ihre eigenen Rechte; sie stehen bei jedem Objekt (Feld „Rechte“) und auf der Seite „Bildnachweise und Rechte“.',
  contextLicence:
    'Die mitgelieferte Kopie des schema.org-Kontexts (context/schemaorg.jsonld) steht unter CC BY-SA 3.0, © schema.org.',
  filesTitle: 'Dateien',
  file: 'Datei',
  format: 'Format',
  content: 'Inhalt',
  fieldsTitle: 'Felder der CSV-Tabellen',
  field: 'Spalte',
  meaning: 'Bedeutung',
  perLanguage: '„@de“, „@en“ … am Spaltennamen: eine Spalte je Sprache.',
  back: 'Zur Ausstellung',
  files: {
    partnershipsLd: 'Partnerschaften (Event mit zwei Orten) und ihre Ereignisse',
    awardsLd: 'Auszeichnungen (Event, verliehen von einer Organisation)',
    itemsLd: 'Objekte (VisualArtwork oder CreativeWork)',
    itemLd: 'je Objekt eine Datei, auf die die IIIF-Manifeste verweisen',
    partnershipsCsv: 'Partnerschaften',
    eventsCsv: 'Ereignisse der Partnerschaften',
    awardsCsv: 'Auszeichnungen',
    itemsCsv: 'Objekte',
    context: 'der schema.org-Kontext, damit die JSON-LD-Dateien ohne Netz lesbar sind',
  },
  fields: {
    'dcterms:identifier': 'Kennung des Eintrags (bei Objekten die Vitrine-Kennung)',
    'dcterms:type': 'Art: Objektart oder Partnerschaftsart',
    'dcterms:title': 'Titel, Stadt- oder Ereignisname',
    'dcterms:alternative': 'Stufe der Auszeichnung',
    'dcterms:description': 'Beschreibung',
    'dcterms:date': 'Datum nach ISO 8601 (unsichere Angaben als Zeitraum)',
    'dcterms:creator': 'Urheberin oder Urheber',
    'dcterms:source': 'Herkunft und Signatur',
    'dcterms:rights': 'Rechte als Creative-Commons- oder rightsstatements.org-Adresse',
    'dcterms:rightsHolder': 'Rechteinhaber',
    'dcterms:bibliographicCitation': 'Nachweiszeile',
    'dcterms:subject': 'Schlagwörter',
    'dcterms:spatial': 'Orte; bei Partnerschaften Land und Koordinaten',
    'dcterms:relation': 'verbundene Einträge (Kennungen) oder die Wikidata-Adresse der Stadt',
    'dcterms:isPartOf': 'die Partnerschaft(en), zu der der Eintrag gehört',
    'dcterms:publisher': 'verleihende Stelle',
  },
};

const en: OpenDataStrings = {
  title: 'Open data',
  intro:
    'The partnerships, their events, the awards and the items of this exhibition as machine-readable data: JSON-LD with the schema.org vocabulary and CSV tables with Dublin Core column names.',
  licenceTitle: 'Licence',
  licence: 'The metadata in this folder is published under',
  licenceName: 'CC0 1.0 (public domain dedication)',
  mediaRights:
    'Images and other media keep their own rights; they are given with each item (field “rights”) and on the “Credits and rights” page.',
  contextLicence:
    'The bundled copy of the schema.org context (context/schemaorg.jsonld) is licensed under CC BY-SA 3.0, © schema.org.',
  filesTitle: 'Files',
  file: 'File',
  format: 'Format',
  content: 'Content',
  fieldsTitle: 'Fields of the CSV tables',
  field: 'Column',
  meaning: 'Meaning',
  perLanguage: '“@de”, “@en” … after a column name: one column per language.',
  back: 'Back to the exhibition',
  files: {
    partnershipsLd: 'Partnerships (an Event joining two Places) and their events',
    awardsLd: 'Awards (an Event organised by an Organization)',
    itemsLd: 'Items (VisualArtwork or CreativeWork)',
    itemLd: 'one file per item, linked from the IIIF manifests',
    partnershipsCsv: 'Partnerships',
    eventsCsv: 'Events of the partnerships',
    awardsCsv: 'Awards',
    itemsCsv: 'Items',
    context: 'the schema.org context, so the JSON-LD files read without a network',
  },
  fields: {
    'dcterms:identifier': 'Identifier of the entry (for items the Vitrine id)',
    'dcterms:type': 'Kind of item or partnership',
    'dcterms:title': 'Title, city or event name',
    'dcterms:alternative': 'Stage of the award',
    'dcterms:description': 'Description',
    'dcterms:date': 'Date in ISO 8601 (uncertain dates as a range)',
    'dcterms:creator': 'Creator',
    'dcterms:source': 'Source and archive reference',
    'dcterms:rights': 'Rights as a Creative Commons or rightsstatements.org address',
    'dcterms:rightsHolder': 'Rights holder',
    'dcterms:bibliographicCitation': 'Credit line',
    'dcterms:subject': 'Tags',
    'dcterms:spatial': 'Places; for partnerships the country and coordinates',
    'dcterms:relation': 'Related entries (ids) or the city’s Wikidata address',
    'dcterms:isPartOf': 'The partnership(s) the entry belongs to',
    'dcterms:publisher': 'Awarding body',
  },
};

export function openDataStrings(lang: string): { strings: OpenDataStrings; lang: string } {
  const primary = lang.split('-')[0] ?? lang;
  return primary === 'de'
    ? { strings: de, lang }
    : { strings: en, lang: primary === 'en' ? lang : 'en' };
}
