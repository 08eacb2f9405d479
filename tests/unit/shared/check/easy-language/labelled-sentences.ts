import type { EasyRuleId } from '../../../../../shared/check/easy-language/analyze';

/**
 * Sentences written for these tests, each labelled by hand with the rules it breaks. The labels
 * follow the published rules, not the detector: "Die Regeln für Leichte Sprache" of the Netzwerk
 * Leichte Sprache (short sentences, one statement each, active voice, no genitive, no
 * subjunctive, few negations, no abbreviations, split long words, digits, few special
 * characters), DIN SPEC 33429:2025 (Empfehlungen für Deutsche Leichte Sprache) and BITV 2.0
 * Anlage 2 Teil 2. A label names what a careful reader finds in the sentence; where the detector
 * misses it or fires wrongly, the precision and recall figures show it.
 */
export const LABELLED: ReadonlyArray<{ text: string; rules: EasyRuleId[] }> = [
  // Clean Leichte Sprache.
  { text: 'Dortmund ist eine Stadt in Deutschland.', rules: [] },
  { text: 'Leeds ist eine Stadt in England.', rules: [] },
  { text: 'Die beiden Städte sind Partner.', rules: [] },
  { text: 'Das heißt: Sie sind Freunde.', rules: [] },
  { text: 'Die Menschen besuchen sich.', rules: [] },
  { text: 'In der Ausstellung sehen Sie Bilder.', rules: [] },
  { text: 'Die Bilder sind alt.', rules: [] },
  { text: 'Sie zeigen Menschen aus Leeds.', rules: [] },
  { text: 'Die Stadt baut ein neues Haus.', rules: [] },
  { text: 'Sie können die Bilder an-sehen.', rules: [] },
  { text: 'Das Rat-Haus von der Stadt ist groß.', rules: [] },
  { text: 'Wir möchten Ihnen die Geschichte erzählen.', rules: [] },
  { text: 'Im Jahr 1969 wurden Dortmund und Leeds Partner.', rules: [] },
  { text: 'Die Schüler fahren nach Leeds.', rules: [] },
  { text: 'Es gibt 25 Bilder.', rules: [] },
  { text: 'Am 3. März 2026 beginnt die Ausstellung.', rules: [] },
  { text: 'Die Städte-Partnerschaft ist wichtig.', rules: [] },
  { text: 'Der Bürger-Meister kommt auch.', rules: [] },
  { text: 'Die Ausstellung ist im Museum.', rules: [] },
  { text: 'Sie wird bekannt.', rules: [] },
  { text: 'Die Kinder werden groß.', rules: [] },
  { text: 'Wir werden die Bilder zeigen.', rules: [] },
  { text: 'Die Stadt hat elf Partner-Städte.', rules: [] },
  { text: 'Das Fest ist im Sommer.', rules: [] },
  // Long sentences.
  {
    text: 'Die Menschen aus Dortmund und die Menschen aus Leeds treffen sich jedes Jahr im Sommer in einer der beiden Städte.',
    rules: ['ls-sentence-length'],
  },
  {
    text: 'Viele Schulen und Vereine aus beiden Städten machen seit vielen Jahren gemeinsam Projekte mit Musik und Sport.',
    rules: ['ls-sentence-length'],
  },
  {
    text: 'Im Museum gibt es Bilder und Briefe und Geschenke und Fotos und Zeitungen aus Leeds und Dortmund.',
    rules: ['ls-sentence-length'],
  },
  // More than one statement.
  { text: 'Die Städte sind Partner, weil sie Freunde sein wollen.', rules: ['ls-clause'] },
  { text: 'Wir wissen, dass die Reise lang war.', rules: ['ls-clause'] },
  { text: 'Obwohl es regnet, feiern die Menschen.', rules: ['ls-clause'] },
  { text: 'Wenn Sie Fragen haben, rufen Sie uns an.', rules: ['ls-clause'] },
  { text: 'Das ist der Mann, der das Bild gemalt hat.', rules: ['ls-clause'] },
  { text: 'Die Gruppe fährt los; alle freuen sich.', rules: ['ls-clause', 'ls-special-character'] },
  { text: 'Nachdem der Vertrag fertig war, gab es ein Fest.', rules: ['ls-clause'] },
  // Passive.
  { text: 'Das Haus wurde gebaut.', rules: ['ls-passive'] },
  { text: 'Die Bilder werden im Museum gezeigt.', rules: ['ls-passive'] },
  { text: 'Der Vertrag wurde im Rathaus unterschrieben.', rules: ['ls-passive'] },
  { text: 'Die Gäste werden eingeladen.', rules: ['ls-passive'] },
  { text: 'Das Museum wird renoviert.', rules: ['ls-passive'] },
  { text: 'Die Briefe wurden verkauft.', rules: ['ls-passive'] },
  // Genitive.
  { text: 'Das ist das Rathaus des Bürgermeisters.', rules: ['ls-genitive', 'ls-compound'] },
  { text: 'Die Geschichte der Stadt ist lang.', rules: ['ls-genitive'] },
  { text: 'Das Foto eines Kindes hängt hier.', rules: ['ls-genitive'] },
  { text: 'Die Farbe des Hauses ist rot.', rules: ['ls-genitive'] },
  // Subjunctive.
  { text: 'Das würde allen gefallen.', rules: ['ls-subjunctive'] },
  { text: 'Wir hätten gern mehr Bilder.', rules: ['ls-subjunctive'] },
  { text: 'Sie könnten auch am Montag kommen.', rules: ['ls-subjunctive'] },
  { text: 'Das wäre schön.', rules: ['ls-subjunctive'] },
  // Negations.
  { text: 'Das Museum ist am Montag nicht offen.', rules: ['ls-negation'] },
  { text: 'Es gibt keine Eintritts-Karten.', rules: ['ls-negation'] },
  { text: 'Niemand war in Leeds.', rules: ['ls-negation'] },
  // Abbreviations.
  { text: 'Es gibt z. B. Bilder und Briefe.', rules: ['ls-abbreviation'] },
  { text: 'Wir zeigen Fotos, Briefe usw.', rules: ['ls-abbreviation'] },
  { text: 'Das Museum hat ca. 300 Bilder.', rules: ['ls-abbreviation'] },
  { text: 'Das Haus Nr. 5 ist rot.', rules: ['ls-abbreviation'] },
  { text: 'Der Saal bzw. der Raum ist groß.', rules: ['ls-abbreviation'] },
  // Long compounds.
  { text: 'Die Städtepartnerschaft ist alt.', rules: ['ls-compound'] },
  { text: 'Die Partnerschaftsurkunde hängt im Flur.', rules: ['ls-compound'] },
  { text: 'Die Oberbürgermeisterin kommt.', rules: ['ls-compound'] },
  { text: 'Hier ist das Ausstellungsprogramm.', rules: ['ls-compound'] },
  // Numbers as words.
  { text: 'Es gibt einundzwanzig Bilder.', rules: ['ls-number-word'] },
  { text: 'Die Partnerschaft ist fünfzig Jahre alt.', rules: ['ls-number-word'] },
  { text: 'Es kamen dreihundert Gäste.', rules: ['ls-number-word'] },
  { text: 'Die Stadt hat zwölf Brücken.', rules: [] },
  // Percentages and old dates.
  { text: '80 % der Gäste kommen aus Dortmund.', rules: ['ls-percent', 'ls-special-character'] },
  { text: 'Die Hälfte kommt aus Leeds, das sind 50 Prozent.', rules: ['ls-percent', 'ls-clause'] },
  { text: 'Die Kirche ist aus dem Jahr 1250.', rules: ['ls-old-date'] },
  { text: 'Das Fest war am 03.05.1969.', rules: ['ls-old-date'] },
  // Special characters and quotation styles.
  { text: 'Kaffee & Kuchen gibt es im Café.', rules: ['ls-special-character'] },
  { text: 'Die Stadt (im Norden) ist schön.', rules: ['ls-special-character'] },
  { text: 'Der Titel ist "Freunde".', rules: ['ls-quotation'] },
  { text: 'Das Bild heißt „Freunde“.', rules: [] },
  { text: 'In Leeds sagt man «Freunde» dazu.', rules: ['ls-quotation'] },
  // Several rules at once.
  {
    text: 'Die Urkunde wurde, wie z. B. im Jahr 1969, vom Oberbürgermeister unterschrieben.',
    rules: ['ls-passive', 'ls-abbreviation', 'ls-compound'],
  },
  { text: 'Es wäre gut, wenn alle kämen.', rules: ['ls-subjunctive', 'ls-clause'] },
];
