import type { Command } from 'commander';
import { COLLECTIONS } from '../../../../shared/domain/library';
import { AppError } from '../../../../shared/errors';
import { restoreBackup } from '../../library';
import { previewRestore, type RestorePreview } from '../../library/restore-preview';
import { t, type CliContext } from '../context';

const NAMES = {
  items: { de: 'Objekte', en: 'items' },
  partnerships: { de: 'Partnerschaften', en: 'partnerships' },
  awards: { de: 'Auszeichnungen', en: 'awards' },
  exhibitions: { de: 'Ausstellungen', en: 'exhibitions' },
} as const;

/** One line per collection that changes: "items: 12 → 10 (+0 −2 ~1)". */
function changeLines(preview: RestorePreview, ctx: Pick<CliContext, 'lang'>): string[] {
  const lines: string[] = [];
  for (const c of COLLECTIONS) {
    const x = preview.changes[c];
    if (x.added + x.removed + x.changed === 0) continue;
    lines.push(
      `  ${NAMES[c][ctx.lang]}: ${x.before ?? '?'} → ${x.after} (+${x.added} −${x.removed} ~${x.changed})`,
    );
  }
  return lines;
}

/**
 * `vitrine restore DIR --newest-valid | --backup ID`: the current files go to
 * `backups/damaged-<time>/` first (never deleted), then the backup's files replace them.
 */
export function registerRestore(program: Command, ctx: CliContext): void {
  program
    .command('restore')
    .argument('<dir>', t(ctx, 'Bibliotheksordner', 'library folder'))
    .option('--newest-valid', t(ctx, 'die neueste gültige Sicherung', 'the newest valid backup'))
    .option(
      '--backup <id>',
      t(
        ctx,
        'diese Sicherung (Kennung aus „vitrine backups“)',
        'this backup (id from “vitrine backups”)',
      ),
    )
    .option('--dry-run', t(ctx, 'nur zeigen, was sich ändern würde', 'only show what would change'))
    .option('--json', t(ctx, 'Ausgabe als JSON', 'print JSON'))
    .description(
      t(
        ctx,
        'Bibliothek aus einer Sicherung wiederherstellen; die jetzigen Dateien werden vorher beiseitegelegt, nie gelöscht',
        'restore the library from a backup; the current files are set aside first, never deleted',
      ),
    )
    .action(
      async (
        dir: string,
        opts: { newestValid?: boolean; backup?: string; dryRun?: boolean; json?: boolean },
      ) => {
        if (Boolean(opts.newestValid) === (opts.backup !== undefined))
          throw new AppError('INVALID_INPUT', {
            de: 'Geben Sie genau eines an: --newest-valid oder --backup KENNUNG (Kennungen zeigt „vitrine backups“).',
            en: 'Give exactly one of --newest-valid or --backup ID (“vitrine backups” lists the ids).',
          });
        const preview = await previewRestore(
          dir,
          opts.backup !== undefined ? { id: opts.backup } : { newestValid: true },
        );
        let setAside: string | null = null;
        if (!opts.dryRun) setAside = (await restoreBackup(dir, preview.backup.id)).damaged.id;
        if (opts.json) {
          ctx.stdout(
            `${JSON.stringify(
              {
                dryRun: Boolean(opts.dryRun),
                backup: preview.backup.id,
                createdAt: preview.backup.createdAt,
                skipped: preview.skipped,
                currentProblem: preview.currentProblem
                  ? {
                      code: preview.currentProblem.code,
                      message: preview.currentProblem.message[ctx.lang],
                    }
                  : null,
                changes: preview.changes,
                setAside,
              },
              null,
              2,
            )}\n`,
          );
          return;
        }
        const out: string[] = [];
        for (const s of preview.skipped)
          out.push(t(ctx, `Übersprungen (ungültig): ${s.id}`, `Skipped (invalid): ${s.id}`));
        if (preview.currentProblem)
          out.push(
            t(
              ctx,
              `Die jetzige Bibliothek ist nicht lesbar: ${preview.currentProblem.message.de}`,
              `The current library cannot be read: ${preview.currentProblem.message.en}`,
            ),
          );
        out.push(
          opts.dryRun
            ? t(
                ctx,
                `Probelauf: Wiederherstellen von ${preview.backup.id} (${preview.backup.createdAt}) würde ändern:`,
                `Dry run: restoring ${preview.backup.id} (${preview.backup.createdAt}) would change:`,
              )
            : t(
                ctx,
                `Wiederhergestellt: ${preview.backup.id} (${preview.backup.createdAt}). Geändert:`,
                `Restored: ${preview.backup.id} (${preview.backup.createdAt}). Changed:`,
              ),
        );
        const lines = changeLines(preview, ctx);
        out.push(...(lines.length ? lines : [t(ctx, '  nichts', '  nothing')]));
        if (setAside)
          out.push(
            t(
              ctx,
              `Die vorherigen Dateien liegen unter backups/${setAside}/.`,
              `The previous files are kept under backups/${setAside}/.`,
            ),
          );
        ctx.stdout(`${out.join('\n')}\n`);
      },
    );
}
