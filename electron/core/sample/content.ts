import { z } from 'zod';
import {
  Award,
  Exhibition,
  Item,
  LanguageCode,
  LegalSettings,
  LocalizedText,
  Partnership,
  Timestamp,
} from '../../../shared/domain';
import awardsJson from '../../../resources/sample/awards.json';
import exhibitionsJson from '../../../resources/sample/exhibitions.json';
import itemsJson from '../../../resources/sample/items.json';
import libraryJson from '../../../resources/sample/library.json';
import partnershipsJson from '../../../resources/sample/partnerships.json';

/**
 * The sample library's content as stored in resources/sample/*.json. Entities are the domain
 * schemas without the store's timestamps; items name media recipes (see media.ts) instead of
 * carrying MediaAssets, because hashes only exist once the files have been generated. The
 * JSON is imported (not read from disk) so that bundling the CLI or the app carries it along.
 */
const noStamps = { createdAt: true, updatedAt: true } as const;

export const SampleItem = Item.omit({ ...noStamps, media: true })
  .extend({ media: z.array(z.string().min(1)).max(50).default([]) })
  .strict();
export type SampleItem = z.infer<typeof SampleItem>;

export const SamplePartnership = Partnership.omit(noStamps).strict();
export type SamplePartnership = z.infer<typeof SamplePartnership>;

export const SampleAward = Award.omit(noStamps).strict();
export type SampleAward = z.infer<typeof SampleAward>;

export const SampleExhibition = Exhibition.omit(noStamps).strict();
export type SampleExhibition = z.infer<typeof SampleExhibition>;

export const SampleLibraryInfo = z
  .object({
    name: z.string().min(1).max(200),
    languages: z.array(LanguageCode).min(1).max(20),
    defaultLanguage: LanguageCode,
    /** The fixed time every timestamp of the sample gets, so two builds are identical. */
    clock: Timestamp,
    note: LocalizedText.default({}),
    /** Sample imprint, privacy notice and accessibility contact (marked as sample). */
    legal: LegalSettings.optional(),
  })
  .strict();
export type SampleLibraryInfo = z.infer<typeof SampleLibraryInfo>;

export interface SampleContent {
  library: SampleLibraryInfo;
  items: SampleItem[];
  partnerships: SamplePartnership[];
  awards: SampleAward[];
  exhibitions: SampleExhibition[];
}

/** The raw JSON, for tests that check the files themselves. */
export const SAMPLE_JSON = {
  library: libraryJson as unknown,
  items: itemsJson as unknown,
  partnerships: partnershipsJson as unknown,
  awards: awardsJson as unknown,
  exhibitions: exhibitionsJson as unknown,
};

/** Parses the bundled JSON; throws a ZodError naming the file's path if it is malformed. */
export function loadSampleContent(): SampleContent {
  return {
    library: SampleLibraryInfo.parse(SAMPLE_JSON.library),
    items: z.array(SampleItem).parse(SAMPLE_JSON.items),
    partnerships: z.array(SamplePartnership).parse(SAMPLE_JSON.partnerships),
    awards: z.array(SampleAward).parse(SAMPLE_JSON.awards),
    exhibitions: z.array(SampleExhibition).parse(SAMPLE_JSON.exhibitions),
  };
}
