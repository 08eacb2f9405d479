import { initCompare } from './compare';
import { initKiosk } from './kiosk';
import { initLightbox } from './lightbox';
import { initPlayer } from './player';
import { initSearch } from './search';
import { initZoom } from './zoom';

/**
 * The runtime shipped in every bundle: a classic script (IIFE) so it runs from file://, where
 * Chromium refuses module scripts. The pages are complete without it.
 */
function start(): void {
  initLightbox();
  initSearch();
  initZoom();
  initCompare();
  if (document.documentElement.dataset.mode === 'kiosk') {
    initKiosk();
    initPlayer();
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
