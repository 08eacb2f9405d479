// The public face of the page renderer; the parts live by concern in page-context.ts (options,
// shared helpers), blocks.ts, frame.ts, start-page.ts, chapter-page.ts and site-pages.ts.
export type { MapGeometry, RenderedFile, RenderOptions } from './page-context';
export { renderFramedPage } from './frame';
export {
  externalLinks,
  renderLanguagePages,
  renderNotFound,
  renderPage,
  renderRootIndex,
  renderSitemap,
} from './site-pages';
