import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../../../shared/errors';
import { describeBackups } from '../../library/restore-preview';
import { t, type CliContext } from '../context';

const KIND = {
  recent: { de: 'aktuell', en: 'recent' },
  daily: { de: 'täglich', en: 'daily' },
  migration: { de: 'Migration', en: 'migration' },
  damaged: { de: 'beiseitegelegt', en: 'set aside' },
} as const;

/** 1234567 → "1.2 MB": sizes people read, not bytes. */
function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

const isDir = async (path: string) => (await stat(path).catch(() => null))?.isDirectory() ?? false;
const isFile = async (path: string) => (await stat(path).catch(() => null))?.isFile() ?? false;

/**
 * A folder with neither `library.json` nor `backups/` is not a library (a typo, the parent
 * folder): saying "no backups" there would suggest the backups are lost. A damaged library
 * still has one of the two, and listing its backups is what it needs.
 */
async function requireLibraryFolder(dir: string): Promise<void> {
  const root = resolve(dir);
  if ((await isFile(join(root, 'library.json'))) || (await isDir(join(root, 'backups')))) return;
  throw new AppError('LIBRARY_NOT_FOUND', {
    de: `Hier ist keine Vitrine-Bibliothek (${root}): Es gibt weder library.json noch einen Ordner backups. Geben Sie den Bibliotheksordner an.`,
    en: `There is no Vitrine library here (${root}): there is neither library.json nor a backups folder. Give the library folder.`,
  });
}

/** `vitrine backups DIR`: every backup, newest first, each validated. Read-only; exit 0, 2 if DIR is no library. */
export function registerBackups(program: Command, ctx: CliContext): void {
  program
    .command('backups')
    .argument('<dir>', t(ctx, 'Bibliotheksordner', 'library folder'))
    .option('--json', t(ctx, 'Ausgabe als JSON', 'print JSON'))
    .description(
      t(
        ctx,
        'Sicherungen auflisten (Zeit, Art, Größe, gültig oder nicht), die neueste zuerst',
        'list backups (time, kind, size, valid or not), newest first',
      ),
    )
    .action(async (dir: string, opts: { json?: boolean }) => {
      await requireLibraryFolder(dir);
      const backups = await describeBackups(dir);
      if (opts.json) {
        ctx.stdout(
          `${JSON.stringify(
            backups.map((b) => ({
              id: b.id,
              kind: b.kind,
              createdAt: b.createdAt,
              revision: b.revision,
              bytes: b.bytes,
              valid: b.valid,
              counts: b.counts,
              ...(b.problem
                ? { problem: { code: b.problem.code, message: b.problem.message[ctx.lang] } }
                : {}),
            })),
            null,
            2,
          )}\n`,
        );
        return;
      }
      if (backups.length === 0) {
        ctx.stdout(t(ctx, 'Keine Sicherungen vorhanden.\n', 'No backups.\n'));
        return;
      }
      for (const b of backups) {
        const state = b.valid
          ? t(ctx, 'gültig', 'valid')
          : `${t(ctx, 'UNGÜLTIG', 'INVALID')}: ${b.problem!.message[ctx.lang]}`;
        ctx.stdout(
          `${b.id}  ${b.createdAt}  ${KIND[b.kind][ctx.lang]}  ${humanBytes(b.bytes)}  ${state}\n`,
        );
      }
      const valid = backups.filter((b) => b.valid).length;
      ctx.stdout(
        t(
          ctx,
          `${backups.length} Sicherungen, ${valid} gültig.\n`,
          `${backups.length} backups, ${valid} valid.\n`,
        ),
      );
    });
}
