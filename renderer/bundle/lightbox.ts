/** Opens the largest derivative of a picture in a modal <dialog>; without script the link opens the image. */
export function initLightbox(): void {
  const closeLabel = document.documentElement.dataset.close ?? 'Close';
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[data-lightbox]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey)
      return;
    event.preventDefault();
    const dialog = document.createElement('dialog');
    dialog.className = 'lightbox-dialog';
    const img = document.createElement('img');
    img.src = link.getAttribute('href')!;
    img.alt = link.querySelector('img')?.alt ?? '';
    const caption = link.closest('figure')?.querySelector('.item-title')?.textContent ?? '';
    if (caption) dialog.setAttribute('aria-label', caption);
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'lightbox-close';
    close.textContent = closeLabel;
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      link.focus();
    });
    dialog.append(close, img);
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}
