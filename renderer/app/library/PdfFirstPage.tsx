import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const PREVIEW_WIDTH = 320;

/**
 * The first page of a PDF, drawn by pdf.js in the renderer (sharp's libvips here has no PDF
 * loader, so main cannot make a thumbnail), with a link that opens the whole document. The
 * canvas is an image to assistive technology, named by the item's title.
 */
export function PdfFirstPage({
  url,
  title,
  name,
  pages,
}: {
  url: string;
  title: string;
  name: string;
  pages?: number | undefined;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading');

  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    const abort = new AbortController();
    setState('loading');
    import('./pdf-page')
      .then(({ renderFirstPage }) => renderFirstPage(url, target, PREVIEW_WIDTH, abort.signal))
      .then(
        () => {
          if (!abort.signal.aborted) setState('shown');
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          console.warn('PDF preview failed', error);
          setState('failed');
        },
      );
    return () => abort.abort();
  }, [url]);

  return (
    <figure className="media-preview__pdf">
      <canvas
        ref={canvas}
        role="img"
        aria-label={title}
        data-testid="pdf-first-page"
        hidden={state === 'failed'}
        width={PREVIEW_WIDTH}
        height={Math.round(PREVIEW_WIDTH * 1.414)}
      />
      {state === 'loading' ? (
        <p className="muted" role="status">
          {t('curation.media.pdfLoading')}
        </p>
      ) : null}
      {state === 'failed' ? <p className="muted">{t('curation.media.pdfFailed')}</p> : null}
      <figcaption>
        <a className="media-preview__doc" href={url} target="_blank" rel="noopener noreferrer">
          <span aria-hidden="true">▤</span> {t('curation.media.openPdf', { name })}
          {pages ? ` · ${t('curation.media.pages', { count: pages })}` : ''}
        </a>
      </figcaption>
    </figure>
  );
}
