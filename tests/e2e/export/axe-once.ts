import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { axeViolations } from '../harness/axe';

/**
 * The page's structure with its words left out: every element with its tag and attributes, in
 * document order, after the page's scripts ran. Attribute values that axe reads only for being
 * there and not empty (texts such as `alt`, `title`, `aria-label`; URLs; language codes, which
 * come from the same checked list on every page) count as "set" or "empty"; values that decide
 * roles, relations, ids, styles and direction are kept as they are. Text nodes count as "text".
 *
 * Two pages with the same skeleton differ only in their words (the same template filled in
 * another language, or another chapter with the same blocks), and no axe rule that runs here
 * turns on which words they are: names, alternatives and headings are checked for being
 * present and not empty, ids for being unique, contrast from styles. So axe runs once per
 * skeleton and direction instead of once per page, which is where the bundle walk spent most
 * of its time as languages were added.
 */
export async function pageSkeleton(page: Page): Promise<string> {
  const skeleton = await page.evaluate(() => {
    const kept =
      /^(class|role|id|type|dir|tabindex|for|headers|scope|style|hidden|open|disabled|controls|aria-(?!label$|description$|roledescription$|valuetext$|placeholder$).*)$/;
    const parts: string[] = [];
    const walk = (node: Node, depth: number): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.textContent?.trim()) parts.push(`${depth}#text`);
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const el = node as Element;
      const attrs = [...el.attributes]
        .map((a) => {
          // The language switcher marks the page's own language as current: the same links on
          // every page, only the marked one moves, and axe reads no more than a valid value.
          if (a.name === 'aria-current' && el.hasAttribute('hreflang')) return '';
          if (kept.test(a.name)) return `${a.name}=${a.value}`;
          // In-page links are checked for their target (skip links): keep the fragment.
          if (a.name === 'href' && a.value.startsWith('#')) return `href=${a.value}`;
          return `${a.name}${a.value.trim() ? '+' : '-'}`;
        })
        .filter(Boolean)
        .sort();
      parts.push(`${depth}<${el.tagName.toLowerCase()} ${attrs.join(' ')}>`);
      for (const child of el.childNodes) walk(child, depth + 1);
    };
    walk(document.documentElement, 0);
    return parts.join('\n');
  });
  return createHash('sha256').update(skeleton).digest('hex');
}

/**
 * Runs axe on a page only if no page with the same skeleton was checked before; returns the
 * violations (empty when skipped). `checked` counts the runs, so a test can show that the
 * pages it walked were covered by at least one run each skeleton.
 */
export function axeOncePerSkeleton(): {
  check(page: Page, label: string): Promise<string[]>;
  readonly runs: number;
  readonly pages: number;
} {
  const seen = new Set<string>();
  let pages = 0;
  return {
    async check(page, label) {
      pages += 1;
      const key = await pageSkeleton(page);
      if (seen.has(key)) return [];
      seen.add(key);
      return (await axeViolations(page)).map((v) => `${label}:\n${v}`);
    },
    get runs() {
      return seen.size;
    },
    get pages() {
      return pages;
    },
  };
}
