import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { countBySeverity, runChecks, type Problem } from '../../../../shared/check';
import { AppError } from '../../../../shared/errors';
import { readLibrarySnapshot } from '../../library';
import { t, type CliContext } from '../context';
import { runRepair } from './repair';

const LABEL = {
  error: { de: 'Fehler', en: 'error' },
  warning: { de: 'Warnung', en: 'warning' },
  info: { de: 'Hinweis', en: 'note' },
} as const;

function place(problem: Problem): string {
  const { collection, id, path } = problem.target;
  if (collection === 'library') return 'library';
  return `${collection}/${id}${path ? ` ${path}` : ''}`;
}

/**
 * `vitrine check`: 0 when the library is valid and clean, 1 when problems were found (errors or
 * warnings; notes alone do not count), 2 when it cannot be read at all. Never writes.
 */
export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .argument('<dir>', t(ctx, 'Bibliotheksordner', 'library folder'))
    .option(
      '--exhibition <slug>',
      t(
        ctx,
        'nur diese Ausstellung vor der Veröffentlichung prüfen (mit den Objekten, die sie zeigt)',
        'pre-publication check of this exhibition only (with the items it shows)',
      ),
    )
    .option(
      '--mode <mode>',
      t(
        ctx,
        'Ziel: web, kiosk oder both (Standard: web)',
        'target: web, kiosk or both (default: web)',
      ),
    )
    .option('--json', t(ctx, 'Ausgabe als JSON', 'print JSON'))
    .option(
      '--repair',
      t(
        ctx,
        'Reparaturen auflisten, die ohne Raten möglich sind (verwaiste Verweise und Mediendateien, Vorschaubilder, Temporärdateien); Probelauf',
        'list repairs possible without guessing (dangling references, orphaned media, thumbnails, temp files); dry run',
      ),
    )
    .option(
      '--apply',
      t(ctx, 'mit --repair: Reparaturen ausführen', 'with --repair: carry them out'),
    )
    .description(
      t(
        ctx,
        'Bibliothek prüfen: Lesbarkeit, Verweise, Mediendateien, Rechte, Alternativtexte, Übersetzungen. Exit 0 gültig, 1 Probleme, 2 nicht lesbar',
        'check a library: readability, references, media files, rights, alt text, translations. Exit 0 valid, 1 problems, 2 unreadable',
      ),
    )
    .action(
      async (
        dir: string,
        opts: {
          json?: boolean;
          exhibition?: string;
          mode?: string;
          repair?: boolean;
          apply?: boolean;
        },
      ) => {
        if (opts.repair) return runRepair(dir, opts, ctx);
        if (opts.apply)
          throw new AppError('INVALID_INPUT', {
            de: '--apply gilt nur zusammen mit --repair.',
            en: '--apply only works together with --repair.',
          });
        const mode = opts.mode ?? 'web';
        if (mode !== 'web' && mode !== 'kiosk' && mode !== 'both')
          throw new AppError('INVALID_INPUT', {
            de: `Unbekannter Modus „${mode}“: erlaubt sind web, kiosk und both.`,
            en: `Unknown mode “${mode}”: use web, kiosk or both.`,
          });
        // Every entity against the schema, whatever the recorded hashes say (opening trusts them).
        const snapshot = await readLibrarySnapshot(dir, { verify: true });
        let exhibitionId: string | undefined;
        if (opts.exhibition !== undefined) {
          const found = snapshot.exhibitions.find(
            (x) => x.slug === opts.exhibition || x.id === opts.exhibition,
          );
          if (!found)
            throw new AppError('NOT_FOUND', {
              de: `Keine Ausstellung „${opts.exhibition}“ in dieser Bibliothek. Vorhanden: ${snapshot.exhibitions.map((x) => x.slug).join(', ') || '—'}.`,
              en: `No exhibition “${opts.exhibition}” in this library. Available: ${snapshot.exhibitions.map((x) => x.slug).join(', ') || '—'}.`,
            });
          exhibitionId = found.id;
        }
        const problems = runChecks({
          snapshot,
          mode,
          ...(exhibitionId ? { exhibitionId } : {}),
          mediaExists: (rel) => existsSync(join(dir, rel)),
        });
        const counts = countBySeverity(problems);
        const failed = counts.errors + counts.warnings > 0;
        ctx.exitCode = failed ? 1 : 0;
        if (opts.json) {
          ctx.stdout(
            `${JSON.stringify(
              {
                ok: !failed,
                ...counts,
                problems: problems.map((p) => ({
                  rule: p.rule,
                  severity: p.severity,
                  target: p.target,
                  message: p.message[ctx.lang],
                  hint: p.hint[ctx.lang],
                })),
              },
              null,
              2,
            )}\n`,
          );
          return;
        }
        for (const p of problems) {
          ctx.stdout(
            `[${LABEL[p.severity][ctx.lang]}] ${place(p)}: ${p.message[ctx.lang]}\n    → ${p.hint[ctx.lang]}\n`,
          );
        }
        ctx.stdout(
          failed
            ? t(
                ctx,
                `${counts.errors} Fehler, ${counts.warnings} Warnungen in „${snapshot.manifest.name}“.\n`,
                `${counts.errors} errors, ${counts.warnings} warnings in “${snapshot.manifest.name}”.\n`,
              )
            : t(
                ctx,
                `„${snapshot.manifest.name}“ ist gültig: ${snapshot.items.length} Objekte, ${snapshot.exhibitions.length} Ausstellungen geprüft.\n`,
                `“${snapshot.manifest.name}” is valid: ${snapshot.items.length} items, ${snapshot.exhibitions.length} exhibitions checked.\n`,
              ),
        );
      },
    );
}
