import { pinchZoom } from './gestures';

/**
 * Opens the largest derivative of a picture in a modal <dialog>; without script the link opens
 * the image. Inside a gallery, the dialog steps through the gallery's pictures with its buttons,
 * the arrow keys or a swipe; two fingers zoom the picture (pinch) and one finger then moves it.
 * `data-index` and `data-scale` on the dialog say what it shows, for tests and for styling.
 */
function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function open(link: HTMLAnchorElement): void {
  const data = document.documentElement.dataset;
  const gallery = link.closest('.gallery');
  const links = gallery
    ? [...gallery.querySelectorAll<HTMLAnchorElement>('a[data-lightbox]')]
    : [link];
  let index = Math.max(0, links.indexOf(link));

  const dialog = document.createElement('dialog');
  dialog.className = 'lightbox-dialog';
  const stage = document.createElement('div');
  stage.className = 'lightbox-stage';
  const img = document.createElement('img');
  img.draggable = false;
  stage.append(img);
  const tools = document.createElement('div');
  tools.className = 'lightbox-tools';

  const resetZoom = pinchZoom(stage, {
    onTransform(scale, x, y) {
      img.style.transform = scale === 1 ? '' : `translate(${x}px, ${y}px) scale(${scale})`;
      dialog.dataset.scale = String(Math.round(scale * 100) / 100);
    },
    onSwipe: (direction) => step(direction === 'next' ? 1 : -1),
  });
  const show = (i: number) => {
    index = (i + links.length) % links.length;
    const current = links[index]!;
    img.src = current.getAttribute('href')!;
    img.alt = current.querySelector('img')?.alt ?? '';
    const caption = current.closest('figure')?.querySelector('.item-title')?.textContent ?? '';
    if (caption) dialog.setAttribute('aria-label', caption);
    dialog.dataset.index = String(index);
    resetZoom();
  };
  function step(by: number) {
    if (links.length > 1) show(index + by);
  }

  if (links.length > 1)
    tools.append(
      button(data.previousImage ?? '‹', 'lightbox-previous', () => step(-1)),
      button(data.nextImage ?? '›', 'lightbox-next', () => step(1)),
    );
  tools.append(button(data.close ?? 'Close', 'lightbox-close', () => dialog.close()));
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  dialog.addEventListener('keydown', (e) => {
    const rtl = document.documentElement.dir === 'rtl';
    if (e.key === 'ArrowRight') step(rtl ? -1 : 1);
    else if (e.key === 'ArrowLeft') step(rtl ? 1 : -1);
    else return;
    e.preventDefault();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    links[index]!.focus();
  });
  dialog.append(tools, stage);
  document.body.appendChild(dialog);
  show(index);
  dialog.showModal();
}

export function initLightbox(): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[data-lightbox]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey)
      return;
    event.preventDefault();
    open(link);
  });
}
