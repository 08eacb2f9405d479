import { derivativeHeight, derivativeWidths, type ImageFormat } from './assets';
import { markup, type Html } from './html';
import { imageSize, url, type Ctx } from './page-context';

// The library's logo in the header. Not through `picture()`: that one counts the page's
// pictures to give the first (the hero) a high fetch priority, and a small logo must not take
// that place. The smallest derivative is plenty for a mark about 3 rem high.

const LOGO_TYPES: Array<[ImageFormat, string]> = [
  ['avif', 'image/avif'],
  ['webp', 'image/webp'],
];

export function headerLogo(ctx: Ctx): Html {
  const logo = ctx.view.logo;
  const size = logo ? imageSize(ctx, logo.image) : null;
  if (!logo || !size) return markup``;
  const width = derivativeWidths(size.width)[0]!;
  const src = (format: ImageFormat) =>
    url(ctx, { type: 'image', sha256: logo.image.sha256, width, format });
  const alt = logo.alt?.text ?? '';
  const lang =
    logo.alt && logo.alt.lang !== ctx.view.lang ? markup` lang="${logo.alt.lang}"` : markup``;
  return markup`<picture class="site-logo">${LOGO_TYPES.map(
    ([format, type]) => markup`<source type="${type}" srcset="${src(format)}">`,
  )}<img src="${src('jpeg')}" width="${width}" height="${derivativeHeight(width, size)}" alt="${alt}"${lang} decoding="async"></picture>`;
}
