import type { Command } from 'commander';
import type { Problem } from '../../../../shared/check';
import { AppError } from '../../../../shared/errors';
import { readLibrarySnapshot } from '../../library';
import {
  checkSnapshotForExport,
  type ExportMode,
  type ExportPhase,
  type ExportProgress,
} from '../../export';
import { t, type CliContext } from '../context';
import { createProgressBar } from '../progress';
import { withWorker } from '../worker';

const PHASES: Record<ExportPhase, { de: string; en: string }> = {
  prepare: { de: 'Vorbereiten', en: 'Preparing' },
  images: { de: 'Bilder', en: 'Images' },
  files: { de: 'Medien', en: 'Media' },
  pages: { de: 'Seiten', en: 'Pages' },
  zip: { de: 'ZIP', en: 'ZIP' },
  commit: { de: 'Abschließen', en: 'Finishing' },
  done: { de: 'Fertig', en: 'Done' },
};

const SEVERITY = {
  error: { de: 'Fehler', en: 'error' },
  warning: { de: 'Warnung', en: 'warning' },
  info: { de: 'Hinweis', en: 'note' },
} as const;

/** One problem as the check prints it: severity, the place to fix it, message and hint. */
export function formatProblem(problem: Problem, lang: 'de' | 'en'): string {
  const { collection, id, path } = problem.target;
  const place =
    collection === 'library' ? 'library' : `${collection}/${id}${path ? ` ${path}` : ''}`;
  return `[${SEVERITY[problem.severity][lang]}] ${place}: ${problem.message[lang]}\n    → ${problem.hint[lang]}\n`;
}

function usage(de: string, en: string): AppError {
  return new AppError('INVALID_INPUT', { de, en });
}

/**
 * `vitrine export DIR --exhibition SLUG --mode web|kiosk --out OUTDIR [--lang de,en]
 * [--base-url URL] [--idle SECONDS] [--zip] [--force]`. The pre-publication check runs first:
 * its warnings are printed, its errors are printed and block (exit 1); `--force` only allows
 * replacing a non-empty target, it never overrides the check. Exit 0 on success, 2 on any other
 * failure (the target is then left as it was).
 */
export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .argument('<dir>', t(ctx, 'Bibliotheksordner', 'library folder'))
    .requiredOption(
      '--exhibition <slug>',
      t(ctx, 'Ausstellung (Slug oder Id)', 'exhibition (slug or id)'),
    )
    .requiredOption('--mode <mode>', 'web | kiosk')
    .requiredOption(
      '--out <outdir>',
      t(ctx, 'Zielordner (mit --zip: ZIP-Datei)', 'target folder (with --zip: zip file)'),
    )
    .option('--lang <languages>', t(ctx, 'Sprachen, z. B. de,en', 'languages, e.g. de,en'))
    .option(
      '--base-url <url>',
      t(
        ctx,
        'Öffentliche Adresse (für sitemap.xml und Open Graph)',
        'public address (for sitemap.xml and Open Graph)',
      ),
    )
    .option(
      '--idle <seconds>',
      t(
        ctx,
        'Kiosk: Sekunden bis zur Rückkehr zum Start',
        'kiosk: seconds until returning to the start',
      ),
    )
    .option(
      '--iiif',
      t(
        ctx,
        'IIIF-Manifeste und Zoom-Kacheln schreiben (Web, braucht --base-url)',
        'write IIIF manifests and zoom tiles (web, needs --base-url)',
      ),
    )
    .option('--zip', t(ctx, 'als ZIP-Datei schreiben', 'write a zip file'))
    .option('--force', t(ctx, 'nicht leeres Ziel ersetzen', 'replace a non-empty target'))
    .option(
      '--verify',
      t(
        ctx,
        'Web: Seiten mit axe-core (und Nu, wenn Java da ist) prüfen und das Ergebnis in die Erklärung zur Barrierefreiheit schreiben',
        'web: check the pages with axe-core (and Nu when Java is there) and write the results into the accessibility statement',
      ),
    )
    .description(
      t(
        ctx,
        'Ausstellung als statisches Web- oder Kiosk-Paket exportieren',
        'export an exhibition as a static web or kiosk bundle',
      ),
    )
    .action(
      async (
        dir: string,
        opts: {
          exhibition: string;
          mode: string;
          out: string;
          lang?: string;
          baseUrl?: string;
          idle?: string;
          zip?: boolean;
          force?: boolean;
          iiif?: boolean;
          verify?: boolean;
        },
      ) => {
        if (opts.mode !== 'web' && opts.mode !== 'kiosk')
          throw usage(
            `--mode muss „web“ oder „kiosk“ sein, nicht „${opts.mode}“.`,
            `--mode must be “web” or “kiosk”, not “${opts.mode}”.`,
          );
        let idleSeconds: number | undefined;
        if (opts.idle !== undefined) {
          idleSeconds = Number(opts.idle);
          if (!Number.isInteger(idleSeconds) || idleSeconds < 1 || idleSeconds > 3600)
            throw usage(
              '--idle erwartet ganze Sekunden zwischen 1 und 3600.',
              '--idle expects whole seconds between 1 and 3600.',
            );
        }
        const languages = opts.lang
          ?.split(',')
          .map((l) => l.trim())
          .filter(Boolean);
        const mode: ExportMode = opts.mode;
        const snapshot = await readLibrarySnapshot(dir);
        const checked = checkSnapshotForExport(snapshot, dir, opts.exhibition, mode);
        // Of the notes, the export names the languages whose fixed page text is English.
        const notes = checked.infos.filter(
          (p) =>
            p.rule === 'ui-language-fallback' &&
            (!languages?.length || languages.some((l) => p.target.path === `languages.${l}`)),
        );
        for (const p of [...checked.errors, ...checked.warnings, ...notes])
          ctx.stderr(formatProblem(p, ctx.lang));
        if (checked.errors.length) {
          ctx.stderr(
            t(
              ctx,
              `Export blockiert: ${checked.errors.length} Fehler, ${checked.warnings.length} Warnungen. Fehler beheben und erneut exportieren (--force ändert daran nichts).\n`,
              `Export blocked: ${checked.errors.length} errors, ${checked.warnings.length} warnings. Fix the errors and export again (--force does not change this).\n`,
            ),
          );
          ctx.exitCode = 1;
          return;
        }
        if (checked.warnings.length)
          ctx.stderr(
            t(
              ctx,
              `${checked.warnings.length} Warnungen; der Export läuft trotzdem.\n`,
              `${checked.warnings.length} warnings; exporting anyway.\n`,
            ),
          );
        const bar = createProgressBar(ctx, 'Export');
        const controller = new AbortController();
        const onSignal = () => controller.abort();
        process.once('SIGINT', onSignal);
        const started = Date.now();
        try {
          // Derivatives, pages and the zip run in the worker process (see ../worker).
          const result = await withWorker(ctx, (worker) =>
            worker.run(
              'export',
              {
                libraryDir: dir,
                snapshot,
                exhibition: opts.exhibition,
                mode,
                outDir: opts.out,
                zip: Boolean(opts.zip),
                force: Boolean(opts.force),
                ...(languages?.length ? { languages } : {}),
                ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
                ...(opts.iiif ? { iiif: true } : {}),
                ...(idleSeconds !== undefined ? { idleSeconds } : {}),
                ...(opts.verify ? { verify: true } : {}),
              },
              {
                signal: controller.signal,
                onProgress: (value) => {
                  const p = value as ExportProgress;
                  bar.update(
                    p.done,
                    p.total,
                    `${PHASES[p.phase][ctx.lang]}${p.current ? ` ${p.current}` : ''}`,
                  );
                },
              },
            ),
          );
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          const mb = (result.bytes / 1e6).toFixed(1);
          ctx.stdout(
            t(
              ctx,
              `Exportiert nach ${result.outPath}: ${result.pages} Seiten, ${result.files} Dateien, ${mb} MB, Sprachen ${result.languages.join(', ')}; Bildvarianten ${result.derivatives.made} neu, ${result.derivatives.reused} aus dem Cache; ${seconds} s.\n`,
              `Exported to ${result.outPath}: ${result.pages} pages, ${result.files} files, ${mb} MB, languages ${result.languages.join(', ')}; image derivatives ${result.derivatives.made} new, ${result.derivatives.reused} cached; ${seconds} s.\n`,
            ),
          );
          const audit = result.verification;
          if (audit?.axe)
            ctx.stdout(
              t(
                ctx,
                `Geprüft: axe-core ${audit.axe.version} ${audit.axe.violations} Verstöße auf ${audit.axe.pages} Seiten; Nu ${audit.nu ? `${audit.nu.version} ${audit.nu.errors} Fehler` : 'nicht gelaufen (Java oder vnu.jar fehlt)'}.\n`,
                `Verified: axe-core ${audit.axe.version} ${audit.axe.violations} violations on ${audit.axe.pages} pages; Nu ${audit.nu ? `${audit.nu.version} ${audit.nu.errors} errors` : 'not run (Java or vnu.jar missing)'}.\n`,
              ),
            );
          for (const f of audit?.axe?.failing ?? [])
            ctx.stdout(`  axe ${f.rule} ×${f.count}: ${f.page}\n`);
        } finally {
          bar.done();
          process.removeListener('SIGINT', onSignal);
        }
      },
    );
}
