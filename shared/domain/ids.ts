import { z } from 'zod';

/** Ids are short, lowercase and file-name safe, so they can appear in URLs and logs unescaped. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and hyphens, at most 64');
export type Id = z.infer<typeof Id>;

/** A slug becomes a folder name in exported bundles; the rule keeps it a single safe segment. */
export const Slug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');
export type Slug = z.infer<typeof Slug>;

export const Timestamp = z.iso.datetime({ offset: true });

const TRANSLIT: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  å: 'a',
};

/** "50 Jahre Dortmund–Leeds: Was uns verbindet" → "50-jahre-dortmund-leeds-was-uns-verbindet". */
export function slugify(text: string, maxLength = 60): string {
  const lowered = text.toLowerCase().replace(/[äöüßæøå]/g, (c) => TRANSLIT[c] ?? c);
  const slug = lowered
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug || 'untitled';
}
