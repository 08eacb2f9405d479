import { z } from 'zod';
import { Award, Exhibition, Item, Partnership } from '../../../shared/domain';

/**
 * An exchange package (`.vitrine`): one zip with an exhibition, the items, partnerships and awards
 * it needs, and their media, so two offices can hand work over on a USB stick. Versioned: a
 * reader refuses versions it does not know instead of guessing.
 */
export const PACKAGE_FORMAT = 'vitrine-package';
export const PACKAGE_VERSION = 1;

export const PackageManifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.string(),
  exhibition: z.string(),
  languages: z.array(z.string()).max(20),
  counts: z.object({
    items: z.number().int().nonnegative(),
    partnerships: z.number().int().nonnegative(),
    awards: z.number().int().nonnegative(),
    media: z.number().int().nonnegative(),
  }),
});
export type PackageManifest = z.infer<typeof PackageManifest>;

export const PackageData = z.object({
  exhibition: Exhibition,
  items: z.array(Item).max(10_000),
  partnerships: z.array(Partnership).max(1_000),
  awards: z.array(Award).max(1_000),
});
export type PackageData = z.infer<typeof PackageData>;

export const MANIFEST_ENTRY = 'vitrine-package.json';
export const DATA_ENTRY = 'data.json';
/** The only other names a package may hold: media named by their content hash. */
export const MEDIA_ENTRY = /^media\/([0-9a-f]{64})\.([a-z0-9]{1,8})$/;
