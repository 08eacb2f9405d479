import { z } from 'zod';
import { Award } from './award';
import { Exhibition } from './exhibition';
import { Timestamp } from './ids';
import { Item } from './item';
import { LegalSettings } from './legal';
import { LibraryLogo } from './logo';
import { LanguageCode } from './language';
import { Partnership } from './partnership';

export const LIBRARY_FORMAT = 'vitrine-library';
/** Bump together with a new step in `migrations.ts`. */
export const SCHEMA_VERSION = 2;

/** `library.json`, the file that makes a folder a Vitrine library. */
export const Manifest = z
  .object({
    format: z.literal(LIBRARY_FORMAT),
    schemaVersion: z.literal(SCHEMA_VERSION),
    name: z.string().min(1).max(200),
    defaultLanguage: LanguageCode,
    languages: z.array(LanguageCode).min(1).max(20),
    createdAt: Timestamp,
    /** Imprint, privacy notice and accessibility contact; optional, so no migration is needed. */
    legal: LegalSettings.optional(),
    /** Shown in exhibition bundles' headers; optional, so no migration is needed. */
    logo: LibraryLogo.optional(),
  })
  .refine((m) => m.languages.includes(m.defaultLanguage), {
    message: 'defaultLanguage must be one of languages',
    path: ['defaultLanguage'],
  });
export type Manifest = z.infer<typeof Manifest>;

export const COLLECTIONS = ['items', 'partnerships', 'awards', 'exhibitions'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export const EntitySchemas = {
  items: Item,
  partnerships: Partnership,
  awards: Award,
  exhibitions: Exhibition,
} as const;

export interface EntityOf {
  items: z.infer<typeof Item>;
  partnerships: z.infer<typeof Partnership>;
  awards: z.infer<typeof Award>;
  exhibitions: z.infer<typeof Exhibition>;
}

/** Everything in a library, as one plain value: what rendering, checks and export consume. */
export interface LibrarySnapshot {
  manifest: Manifest;
  revision: number;
  items: EntityOf['items'][];
  partnerships: EntityOf['partnerships'][];
  awards: EntityOf['awards'][];
  exhibitions: EntityOf['exhibitions'][];
}
