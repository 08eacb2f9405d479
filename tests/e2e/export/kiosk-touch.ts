import type { Page } from 'playwright-core';

/**
 * Layout rules of the touch-first kiosk (issue 13 §2), measured in the page: every target at
 * least 64×64 CSS px, all visible text at least 22 px. They return what breaks a rule, so a
 * failure names the element.
 */

/** Everything a visitor can touch or focus that is rendered, with its size if under 64×64. */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input, select, textarea, summary, audio[controls], video[controls], [role=button], [tabindex]:not([tabindex="-1"])';
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const box = el.getBoundingClientRect();
      // Not rendered (hidden dialogs, the attract screen behind its hidden attribute).
      if (el.getClientRects().length === 0 || (box.width === 0 && box.height === 0)) continue;
      // Sub-pixel layout may round 64 down a hair.
      if (box.width < 63.5 || box.height < 63.5) {
        const label = (el.textContent ?? '').trim().slice(0, 40) || el.outerHTML.slice(0, 80);
        out.push(
          `${el.tagName.toLowerCase()} "${label}" ${box.width.toFixed(1)}×${box.height.toFixed(1)}`,
        );
      }
    }
    return out;
  });
}

/** Visible text set smaller than 22 px (screen-reader-only text and SVG labels aside). */
export function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('svg, .visually-hidden, [hidden], script, style')) continue;
      if (el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 22)
        out.push(`${el.tagName.toLowerCase()}.${el.className} "${text.slice(0, 40)}" ${size}px`);
    }
    return out;
  });
}

/** Two fingers on `selector`'s centre moving apart from `from` to `to` px (pointer events). */
export async function pinch(page: Page, selector: string, from: number, to: number): Promise<void> {
  await page.evaluate(
    ({ selector, from, to }) => {
      const el = document.querySelector<HTMLElement>(selector)!;
      const r = el.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const fire = (type: string, id: number, x: number) =>
        el.dispatchEvent(
          new PointerEvent(type, {
            pointerId: id,
            pointerType: 'touch',
            isPrimary: id === 11,
            clientX: x,
            clientY: cy,
            bubbles: true,
            cancelable: true,
          }),
        );
      fire('pointerdown', 11, cx - from / 2);
      fire('pointerdown', 12, cx + from / 2);
      for (let step = 1; step <= 4; step++) {
        const d = from + ((to - from) * step) / 4;
        fire('pointermove', 11, cx - d / 2);
        fire('pointermove', 12, cx + d / 2);
      }
      fire('pointerup', 12, cx + to / 2);
      fire('pointerup', 11, cx - to / 2);
    },
    { selector, from, to },
  );
}

/** A horizontal mouse drag of `dx` px starting on `selector`'s centre (pointer events). */
export async function drag(page: Page, selector: string, dx: number): Promise<void> {
  const box = (await page.locator(selector).first().boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 40);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + 5, { steps: 4 });
  await page.mouse.move(x + dx, y + 10, { steps: 4 });
  await page.mouse.up();
}

/** Loads every picture now (lazy ones too) and resolves when each has loaded or failed. */
export async function settleImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = 'eager';
    await document.fonts.ready;
    await Promise.all(
      [...document.images].map((img) =>
        img.complete
          ? null
          : new Promise((resolve) => {
              img.addEventListener('load', resolve, { once: true });
              img.addEventListener('error', resolve, { once: true });
            }),
      ),
    );
  });
}
