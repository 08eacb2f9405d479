/**
 * "Then and now" comparisons: the range input laid over the two stacked pictures moves the edge
 * between them. The input is native, so keyboard (arrows, Page Up/Down, Home/End), touch and
 * screen readers work without extra code; this only mirrors its value into the frame's --pos.
 */
export function initCompare(): void {
  for (const stage of document.querySelectorAll<HTMLElement>('[data-compare]')) {
    const range = stage.querySelector<HTMLInputElement>('.compare-range');
    if (!range) continue;
    const update = () => stage.style.setProperty('--pos', `${range.value}%`);
    range.addEventListener('input', update);
    update();
    stage.classList.add('is-live');
  }
}
