import { z } from 'zod';
import { LocalizedText } from './language';

/**
 * Rights come from two controlled vocabularies: Creative Commons (for material the city may
 * licence) and rightsstatements.org (for material it holds but may not licence). A free-text
 * field would make "rights missing" impossible to check reliably.
 */
export interface RightsStatementInfo {
  id: string;
  url: string;
  label: { de: string; en: string };
  /** Whether the statement lets a public exhibition show the item without further clearance. */
  open: boolean;
}

export const RIGHTS_STATEMENTS: readonly RightsStatementInfo[] = [
  {
    id: 'CC0-1.0',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    label: { de: 'CC0 1.0 (gemeinfrei gewidmet)', en: 'CC0 1.0 (public domain dedication)' },
    open: true,
  },
  {
    id: 'PDM-1.0',
    url: 'https://creativecommons.org/publicdomain/mark/1.0/',
    label: { de: 'Public Domain Mark 1.0', en: 'Public Domain Mark 1.0' },
    open: true,
  },
  {
    id: 'CC-BY-4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    label: { de: 'CC BY 4.0', en: 'CC BY 4.0' },
    open: true,
  },
  {
    id: 'CC-BY-SA-4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    label: { de: 'CC BY-SA 4.0', en: 'CC BY-SA 4.0' },
    open: true,
  },
  {
    id: 'CC-BY-ND-4.0',
    url: 'https://creativecommons.org/licenses/by-nd/4.0/',
    label: { de: 'CC BY-ND 4.0', en: 'CC BY-ND 4.0' },
    open: true,
  },
  {
    id: 'CC-BY-NC-4.0',
    url: 'https://creativecommons.org/licenses/by-nc/4.0/',
    label: { de: 'CC BY-NC 4.0', en: 'CC BY-NC 4.0' },
    open: true,
  },
  {
    id: 'CC-BY-NC-SA-4.0',
    url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
    label: { de: 'CC BY-NC-SA 4.0', en: 'CC BY-NC-SA 4.0' },
    open: true,
  },
  {
    id: 'CC-BY-NC-ND-4.0',
    url: 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
    label: { de: 'CC BY-NC-ND 4.0', en: 'CC BY-NC-ND 4.0' },
    open: true,
  },
  {
    id: 'InC',
    url: 'http://rightsstatements.org/vocab/InC/1.0/',
    label: { de: 'Urheberrechtlich geschützt', en: 'In Copyright' },
    open: true,
  },
  {
    id: 'InC-EDU',
    url: 'http://rightsstatements.org/vocab/InC-EDU/1.0/',
    label: {
      de: 'Urheberrechtlich geschützt – Nutzung für Bildungszwecke erlaubt',
      en: 'In Copyright – Educational Use Permitted',
    },
    open: true,
  },
  {
    id: 'InC-NC',
    url: 'http://rightsstatements.org/vocab/InC-NC/1.0/',
    label: {
      de: 'Urheberrechtlich geschützt – nicht-kommerzielle Nutzung erlaubt',
      en: 'In Copyright – Non-Commercial Use Permitted',
    },
    open: true,
  },
  {
    id: 'InC-OW-EU',
    url: 'http://rightsstatements.org/vocab/InC-OW-EU/1.0/',
    label: {
      de: 'Urheberrechtlich geschützt – verwaistes Werk (EU)',
      en: 'In Copyright – EU Orphan Work',
    },
    open: true,
  },
  {
    id: 'InC-RUU',
    url: 'http://rightsstatements.org/vocab/InC-RUU/1.0/',
    label: {
      de: 'Urheberrechtlich geschützt – Rechteinhaber nicht auffindbar',
      en: 'In Copyright – Rights-holder(s) Unlocatable or Unidentifiable',
    },
    open: true,
  },
  {
    id: 'NoC-NC',
    url: 'http://rightsstatements.org/vocab/NoC-NC/1.0/',
    label: {
      de: 'Kein Urheberrechtsschutz – nur nicht-kommerzielle Nutzung',
      en: 'No Copyright – Non-Commercial Use Only',
    },
    open: true,
  },
  {
    id: 'NoC-OKLR',
    url: 'http://rightsstatements.org/vocab/NoC-OKLR/1.0/',
    label: {
      de: 'Kein Urheberrechtsschutz – andere rechtliche Einschränkungen',
      en: 'No Copyright – Other Known Legal Restrictions',
    },
    open: true,
  },
  {
    id: 'NKC',
    url: 'http://rightsstatements.org/vocab/NKC/1.0/',
    label: { de: 'Kein bekanntes Urheberrecht', en: 'No Known Copyright' },
    open: true,
  },
  {
    id: 'CNE',
    url: 'http://rightsstatements.org/vocab/CNE/1.0/',
    label: { de: 'Urheberrecht nicht geprüft', en: 'Copyright Not Evaluated' },
    open: false,
  },
  {
    id: 'UND',
    url: 'http://rightsstatements.org/vocab/UND/1.0/',
    label: { de: 'Urheberrecht ungeklärt', en: 'Copyright Undetermined' },
    open: false,
  },
];

const IDS = RIGHTS_STATEMENTS.map((r) => r.id) as [string, ...string[]];
export const RightsStatementId = z.enum(IDS);
export type RightsStatementId = z.infer<typeof RightsStatementId>;

export const Rights = z.object({
  statement: RightsStatementId,
  /** Rights holder, e.g. "Stadtarchiv Dortmund". */
  holder: z.string().max(500).optional(),
  /** The line printed under the item, per language ("Foto: … / Stadt Dortmund"). */
  creditLine: LocalizedText.default({}),
});
export type Rights = z.infer<typeof Rights>;

export function rightsInfo(id: string): RightsStatementInfo | undefined {
  return RIGHTS_STATEMENTS.find((r) => r.id === id);
}
