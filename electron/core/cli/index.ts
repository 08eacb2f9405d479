import { Command, CommanderError } from 'commander';
import { AppError, toAppError } from '../../../shared/errors';
import { registerCheck } from './commands/check';
import { registerExport } from './commands/export';
import { registerInfo } from './commands/info';
import { registerInit } from './commands/init';
import { registerWeb } from './commands/web';
import { registerBackups } from './commands/backups';
import { registerRestore } from './commands/restore';
import { registerImport } from './commands/import';
import { registerExportTable } from './commands/export-table';
import { registerPack } from './commands/pack';
import { registerPublish } from './commands/publish';
import { registerKiosk } from './commands/kiosk';
import { registerExportData } from './commands/export-data';
import { cliLanguage, type CliContext } from './context';

/**
 * Subcommands register themselves here, one module each under `commands/`, so a feature owns its
 * command without touching the others.
 */
const registrations: Array<(program: Command, ctx: CliContext) => void> = [
  registerInit,
  registerInfo,
  registerCheck,
  registerExport,
  registerWeb,
  registerBackups,
  registerRestore,
  registerImport,
  registerExportTable,
  registerPack,
  (program, ctx) => registerPublish(program, ctx),
  registerKiosk,
  registerExportData,
];

export function addCommand(register: (program: Command, ctx: CliContext) => void): void {
  registrations.push(register);
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('vitrine')
    .description(
      ctx.lang === 'de'
        ? 'Vitrine – Ausstellungsstudio: Bibliotheken anlegen, prüfen und exportieren'
        : 'Vitrine – exhibition studio: create, check and export libraries',
    )
    .version(ctx.version, '-V, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.stdout(s), writeErr: (s) => ctx.stderr(s) });
  for (const register of registrations) register(program, ctx);
  return program;
}

/** Exit codes: 0 ok, 1 problems found, 2 cannot read / usage error. */
export async function runCli(argv: string[], ctx: CliContext = defaultContext()): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode ?? 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      if (err.code === 'commander.help') return 0;
      return 2;
    }
    const appError = err instanceof AppError ? err : toAppError(err);
    ctx.stderr(`${appError.messageIn(ctx.lang)}\n`);
    if (appError.code === 'INTERNAL' && process.env.VITRINE_DEBUG)
      ctx.stderr(`${String((appError.cause as Error)?.stack)}\n`);
    return 2;
  }
}

export function defaultContext(): CliContext {
  return {
    lang: cliLanguage(process.env),
    version: process.env.VITRINE_VERSION ?? '0.1.0',
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
    exitCode: undefined,
  };
}
