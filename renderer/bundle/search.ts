import MiniSearch from 'minisearch';
import { SEARCH_GLOBAL, SEARCH_OPTIONS } from '../../shared/render/search-options';

type IndexGlobal = Record<string, unknown>;
interface Hit {
  id: string;
  title?: string;
  url?: string;
  excerpt?: string;
}

/** Loads the language's index script on demand; a <script> works from file:// where fetch does not. */
function loadIndex(src: string, lang: string): Promise<MiniSearch> {
  return new Promise((resolve, reject) => {
    const existing = (window as unknown as Record<string, IndexGlobal | undefined>)[
      SEARCH_GLOBAL
    ]?.[lang];
    if (existing) return resolve(MiniSearch.loadJS(existing as never, SEARCH_OPTIONS));
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => {
      const data = (window as unknown as Record<string, IndexGlobal | undefined>)[SEARCH_GLOBAL]?.[
        lang
      ];
      if (data) resolve(MiniSearch.loadJS(data as never, SEARCH_OPTIONS));
      else reject(new Error('search index missing'));
    };
    script.onerror = () => reject(new Error('search index failed to load'));
    document.head.appendChild(script);
  });
}

export function initSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search-index]');
  const results = document.querySelector<HTMLElement>('[data-search-results]');
  if (!form || !results) return;
  document.querySelectorAll<HTMLElement>('[data-noscript]').forEach((el) => (el.hidden = true));
  const input = form.querySelector<HTMLInputElement>('input[type=search]')!;
  const lang = document.documentElement.lang;
  let index: Promise<MiniSearch> | null = null;

  const run = async (query: string) => {
    index ??= loadIndex(form.dataset.searchIndex!, lang);
    const engine = await index;
    const hits = (
      query.trim() ? engine.search(query, { prefix: true, fuzzy: 0.2, combineWith: 'AND' }) : []
    ) as Hit[];
    results.replaceChildren();
    const heading = document.createElement('h2');
    heading.textContent = hits.length
      ? `${form.dataset.results} (${hits.length})`
      : (form.dataset.none ?? '');
    results.appendChild(heading);
    if (!hits.length) return;
    const list = document.createElement('ol');
    for (const hit of hits.slice(0, 50)) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = hit.url ?? '#';
      a.textContent = hit.title ?? '';
      li.appendChild(a);
      if (hit.excerpt) {
        const p = document.createElement('p');
        p.textContent = hit.excerpt;
        li.appendChild(p);
      }
      list.appendChild(li);
    }
    results.appendChild(list);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
