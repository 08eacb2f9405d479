import { z } from 'zod';
import { Id } from './ids';
import { LocalizedText } from './language';

/**
 * The library's logo, shown in every exhibition bundle's header next to the title. It points at
 * an image item, so the picture goes through the media pipeline like any other (imported as
 * PNG, JPEG, WebP …, exported as resized derivatives): an SVG is never imported, so a logo is
 * never untrusted markup inlined into a page.
 */
export const LibraryLogo = z.object({
  itemId: Id,
  /**
   * What the logo says, e.g. "Stadt Dortmund". Empty means decorative: the title beside it
   * already names the link.
   */
  alt: LocalizedText.default({}),
});
export type LibraryLogo = z.infer<typeof LibraryLogo>;
