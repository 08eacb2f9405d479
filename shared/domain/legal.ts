import { z } from 'zod';
import { LocalizedText } from './language';

/**
 * What a public body in Germany must publish beside an exhibition: the imprint (Impressum,
 * § 5 DDG), the privacy notice (Datenschutzerklärung, Art. 13 GDPR) and, for the accessibility
 * statement (BITV 2.0 § 7), a contact for accessibility feedback. They belong to the library,
 * not to one exhibition: the office publishes every exhibition under the same ones.
 */
export const LegalSettings = z.object({
  /**
   * ISO 3166-1 country of the publishing body. It decides the conciliation body the
   * accessibility statement names (Germany: the Schlichtungsstelle BGG).
   */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'two capital letters, ISO 3166-1 (DE, AT, …)')
    .default('DE'),
  imprint: LocalizedText.default({}),
  privacy: LocalizedText.default({}),
  /** Who answers accessibility feedback (office, address, phone), shown in the statement. */
  feedbackContact: LocalizedText.default({}),
  /** The feedback address the statement links to (BITV 2.0 § 7 (1) 2: a feedback mechanism). */
  feedbackEmail: z.email().max(200).optional(),
  /**
   * Replaces the country's conciliation body, e.g. a state's own enforcement office: bodies of
   * a German state or town fall under that state's accessibility law.
   */
  conciliation: LocalizedText.default({}),
});
export type LegalSettings = z.infer<typeof LegalSettings>;

/** The settings of a library that has none yet. */
export function emptyLegalSettings(): LegalSettings {
  return LegalSettings.parse({});
}
