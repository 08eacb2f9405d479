/**
 * pdf.js behind a dynamic import: only an item editor showing a PDF loads it, so the library
 * screen's first bundle does not carry it. Set up for the app's CSP (`script-src 'self'`,
 * `worker-src 'self' blob:`, `connect-src 'self'`): the worker is a file of our own build, no
 * eval, no fonts or character maps fetched from anywhere — standard fonts fall back to the
 * system's, which is plenty for a preview.
 */
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface FirstPage {
  pages: number;
}

/**
 * Draws page 1 of the PDF at `url` (same origin) into `canvas`, for `cssWidth` CSS pixels at
 * the screen's pixel density. Rejects if the file is no readable PDF; `signal` stops the work
 * (and the worker) when the editor moves to another item.
 */
export async function renderFirstPage(
  url: string,
  canvas: HTMLCanvasElement,
  cssWidth: number,
  signal: AbortSignal,
): Promise<FirstPage> {
  const task = getDocument({
    url,
    isEvalSupported: false,
    useSystemFonts: true,
    disableFontFace: false,
    enableXfa: false,
    // No standardFontDataUrl, cMapUrl or wasmUrl: nothing beyond the document itself is fetched.
    useWorkerFetch: false,
    stopAtErrors: false,
  });
  const stop = () => void task.destroy();
  signal.addEventListener('abort', stop, { once: true });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const ratio = Math.min(window.devicePixelRatio || 1, 3);
    const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
    // Drawn off-screen first: pdf.js refuses a canvas another (cancelled) run still holds, as
    // happens when the editor switches items quickly, and the shown canvas never flashes blank.
    const scratch = document.createElement('canvas');
    scratch.width = Math.floor(viewport.width);
    scratch.height = Math.floor(viewport.height);
    const render = page.render({ canvas: scratch, viewport });
    signal.addEventListener('abort', () => render.cancel(), { once: true });
    await render.promise;
    if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
    canvas.width = scratch.width;
    canvas.height = scratch.height;
    canvas.style.aspectRatio = `${scratch.width} / ${scratch.height}`;
    canvas.getContext('2d')?.drawImage(scratch, 0, 0);
    return { pages: doc.numPages };
  } finally {
    signal.removeEventListener('abort', stop);
    if (!signal.aborted) void task.destroy();
  }
}
