import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AxeAudit, NuAudit } from '../../../shared/render/legal';

/**
 * The checks an export runs over its own pages for the accessibility statement (issue 13 §4):
 * axe-core without a browser (in jsdom) and, when this machine has Java and the Nu Html Checker,
 * Nu. What did not run is reported as not run, so the statement never claims a check it lacks.
 */

const run = promisify(execFile);
const requireHere = createRequire(import.meta.url);

/** WCAG 2.0–2.2 levels A and AA: what BITV 2.0 (through EN 301 549) asks for. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Rules whose verdict needs the computed layout, which jsdom does not have: colour contrast
 * (covered by Vitrine's own theme-contrast check of the pre-publication check) and the size of
 * touch targets (measured by Vitrine's release tests in Chromium). They are switched off rather
 * than left to report "incomplete".
 */
export const AXE_LAYOUT_RULES = ['color-contrast', 'target-size'] as const;

interface AxeResult {
  violations: Array<{ id: string; nodes: unknown[] }>;
}
interface AxeWindow {
  eval(source: string): unknown;
  close(): void;
  document: Document;
  DOMParser: typeof DOMParser;
  axe: {
    version: string;
    run(context: Document, options: unknown): Promise<AxeResult>;
  };
}
interface JsdomModule {
  JSDOM: new (html: string, options: Record<string, unknown>) => { window: AxeWindow };
  VirtualConsole: new () => unknown;
}

/**
 * Runs axe-core over every HTML page of the export, as its files hold them (no page script runs:
 * the state a visitor without JavaScript sees). One jsdom window loads axe once; each page
 * replaces its document, which keeps a 40-page export at seconds instead of a minute.
 */
export async function axeOverPages(
  pages: ReadonlyArray<{ path: string; content: string }>,
  check: () => void = () => undefined,
): Promise<AxeAudit> {
  const { JSDOM, VirtualConsole } = (await import('jsdom')) as unknown as JsdomModule;
  const source = await readFile(requireHere.resolve('axe-core/axe.min.js'), 'utf8');
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'https://vitrine.invalid/',
    runScripts: 'outside-only',
    pretendToBeVisual: true,
    // Pages name their own stylesheet and images; nothing is fetched, nothing is printed.
    virtualConsole: new VirtualConsole(),
  });
  try {
    window.eval(source);
    const html = pages.filter((p) => p.path.endsWith('.html'));
    const failing: AxeAudit['failing'] = [];
    let violations = 0;
    for (const page of html) {
      check();
      const parsed = new window.DOMParser().parseFromString(page.content, 'text/html');
      const doc = window.document;
      doc.replaceChild(doc.importNode(parsed.documentElement, true), doc.documentElement);
      const result = await window.axe.run(doc, {
        runOnly: { type: 'tag', values: AXE_TAGS },
        rules: Object.fromEntries(AXE_LAYOUT_RULES.map((id) => [id, { enabled: false }])),
        resultTypes: ['violations'],
      });
      for (const v of result.violations) {
        violations += v.nodes.length;
        failing.push({ page: page.path, rule: v.id, count: v.nodes.length });
      }
    }
    return {
      version: window.axe.version,
      pages: html.length,
      violations,
      failing,
      skippedRules: [...AXE_LAYOUT_RULES],
    };
  } finally {
    window.close();
  }
}

/**
 * Where the Nu Html Checker is, if anywhere: `VITRINE_VNU_JAR`, else the `vnu-jar` package next
 * to Vitrine (a development install has it; the packaged app does not ship Java).
 */
function vnuJar(env: NodeJS.ProcessEnv): { jar: string; version: string } | undefined {
  const fromEnv = env.VITRINE_VNU_JAR;
  if (fromEnv)
    return existsSync(fromEnv) ? { jar: fromEnv, version: 'VITRINE_VNU_JAR' } : undefined;
  try {
    const manifest = requireHere.resolve('vnu-jar/package.json');
    const jar = path.join(path.dirname(manifest), 'build/dist/vnu.jar');
    const version = (requireHere(manifest) as { version: string }).version;
    return existsSync(jar) ? { jar, version } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs Nu over the written HTML files when Java and vnu.jar are there; `undefined` when they are
 * not (then the statement says HTML validity was checked by Vitrine's release tests only).
 */
export async function nuOverFiles(
  files: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<NuAudit | undefined> {
  const found = vnuJar(env);
  if (!found || files.length === 0) return undefined;
  const java = env.VITRINE_JAVA || 'java';
  let output: string;
  try {
    const result = await run(
      java,
      ['-jar', found.jar, '--errors-only', '--format', 'json', ...files],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    output = result.stderr || result.stdout;
  } catch (err) {
    const e = err as { code?: unknown; stderr?: string; stdout?: string };
    // No Java (ENOENT) or a broken install: Nu did not run, and the statement says so.
    if (typeof e.code !== 'number') return undefined;
    output = e.stderr || e.stdout || '';
  }
  let messages: Array<{ type?: string; url?: string }>;
  try {
    messages = (JSON.parse(output) as { messages?: typeof messages }).messages ?? [];
  } catch {
    return undefined;
  }
  const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  return { version: found.version, pages: files.length, errors: errors.length };
}
