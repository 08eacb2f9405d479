import type { Command } from 'commander';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { reportToCsv } from '../../../../shared/kiosk/report';
import {
  chromiumLauncher,
  hashPin,
  installAutostart,
  openBundleSource,
  PIN_PATTERN,
  readKioskReport,
  readPlayerSettings,
  removeAutostart,
  startPlayer,
  writePlayerSettings,
} from '../../kiosk';
import { defaultAppDataDir } from '../../web';
import { t, type CliContext } from '../context';

export interface KioskCommandOptions {
  exhibition?: string;
  data?: string;
  chromium?: string;
  headless?: boolean;
  setPin?: boolean;
  installAutostart?: boolean;
  removeAutostart?: boolean;
  report?: boolean;
  csv?: boolean;
}

/** The player's data folder: settings, statistics and logs, apart from the app's own settings. */
export function defaultPlayerDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.VITRINE_KIOSK_DATA
    ? path.resolve(env.VITRINE_KIOSK_DATA)
    : path.join(defaultAppDataDir(env), 'kiosk');
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    if (Buffer.concat(chunks).includes(0x0a) || Buffer.concat(chunks).length > 64) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]!.trim();
}

/** The argument vector that starts this same player again (for the autostart entries). */
function playerCommand(input: string, opts: KioskCommandOptions, dataDir: string): string[] {
  // The script this process runs (electron/bin/vitrine.mjs when started as `vitrine`).
  const bin = path.resolve(process.env.VITRINE_CLI_PATH ?? process.argv[1] ?? 'vitrine');
  return [
    process.execPath,
    bin,
    'kiosk',
    path.resolve(input),
    ...(opts.exhibition ? ['--exhibition', opts.exhibition] : []),
    '--data',
    dataDir,
    ...(opts.chromium ? ['--chromium', path.resolve(opts.chromium)] : []),
  ];
}

export async function runKiosk(
  input: string | undefined,
  opts: KioskCommandOptions,
  ctx: CliContext,
  signal?: AbortSignal,
): Promise<void> {
  const dataDir = path.resolve(opts.data ?? defaultPlayerDataDir());
  if (opts.removeAutostart) {
    const { plan, removed, failed } = await removeAutostart();
    ctx.stdout(
      `${t(ctx, 'Autostart entfernt', 'Autostart removed')}: ${removed.join(', ') || '–'}\n`,
    );
    for (const argv of failed)
      ctx.stderr(
        `${t(ctx, 'Hinweis: nicht ausgeführt', 'Note: did not run')}: ${argv.join(' ')}\n`,
      );
    void plan;
    return;
  }
  if (opts.setPin) {
    const pin = await readStdinLine();
    if (!PIN_PATTERN.test(pin))
      throw new AppError('INVALID_INPUT', {
        de: 'Die PIN muss aus 4 bis 12 Ziffern bestehen (eine Zeile auf der Standardeingabe).',
        en: 'The PIN must be 4 to 12 digits (one line on standard input).',
      });
    const settings = await readPlayerSettings(dataDir);
    await writePlayerSettings(dataDir, { ...settings, pinHash: await hashPin(pin) });
    ctx.stdout(t(ctx, `PIN gespeichert in ${dataDir}\n`, `PIN saved in ${dataDir}\n`));
    return;
  }
  if (opts.report) {
    const folder = input ? path.resolve(input) : dataDir;
    const { report, read } = await readKioskReport(folder);
    if (opts.csv) ctx.stdout(reportToCsv(report, ctx.lang));
    else ctx.stdout(`${JSON.stringify({ ...report, read }, null, 2)}\n`);
    return;
  }
  if (!input)
    throw new AppError('INVALID_INPUT', {
      de: 'Bitte ein Kiosk-Paket (Ordner oder .zip) oder eine Bibliothek mit --exhibition angeben.',
      en: 'Name a kiosk bundle (folder or .zip) or a library with --exhibition.',
    });
  if (opts.installAutostart) {
    const { plan, failed } = await installAutostart(playerCommand(input, opts, dataDir));
    ctx.stdout(`${plan.explain[ctx.lang]}\n`);
    for (const file of plan.files) ctx.stdout(`  ${file.path}\n`);
    for (const argv of failed)
      ctx.stderr(
        `${t(ctx, 'Hinweis: nicht ausgeführt', 'Note: did not run')}: ${argv.join(' ')}\n`,
      );
    return;
  }
  const settings = await readPlayerSettings(dataDir);
  if (!settings.pinHash)
    ctx.stderr(
      t(
        ctx,
        'Hinweis: Keine PIN gesetzt – der Player lässt sich am Bildschirm nicht beenden („vitrine kiosk --set-pin“).\n',
        'Note: no PIN set – the player cannot be closed at the screen (“vitrine kiosk --set-pin”).\n',
      ),
    );
  const source = await openBundleSource(
    input,
    opts.exhibition ? { exhibition: opts.exhibition } : {},
  );
  let player;
  try {
    player = await startPlayer({
      bundleDir: source.dir,
      dataDir,
      lang: ctx.lang,
      launcher: chromiumLauncher({
        headless: Boolean(opts.headless),
        ...(opts.chromium ? { executablePath: opts.chromium } : {}),
      }),
    });
  } catch (error) {
    await source.dispose();
    throw error;
  }
  player.on('incident', (i) =>
    ctx.stdout(`VITRINE_KIOSK_INCIDENT ${i.kind}${i.detail ? ` ${i.detail}` : ''}\n`),
  );
  player.on('recovered', (r) =>
    ctx.stdout(`VITRINE_KIOSK_RECOVERED ${r.cause} ${Math.round(r.ms)}\n`),
  );
  player.ready.then(
    (ms) =>
      ctx.stdout(`VITRINE_KIOSK_READY ${player.window.debugEndpoint ?? '-'} ${Math.round(ms)}\n`),
    () => undefined,
  );
  const stopOnSignal = () => void player.stop();
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);
  signal?.addEventListener('abort', stopOnSignal);
  const reason = await player.done;
  process.off('SIGINT', stopOnSignal);
  process.off('SIGTERM', stopOnSignal);
  await source.dispose();
  ctx.stdout(`VITRINE_KIOSK_EXIT ${reason}\n`);
}

export function registerKiosk(program: Command, ctx: CliContext): void {
  program
    .command('kiosk')
    .argument(
      '[path]',
      t(
        ctx,
        'Kiosk-Paket (Ordner oder .zip) oder Bibliothek mit --exhibition; bei --report der Datenordner eines Players',
        'kiosk bundle (folder or .zip) or a library with --exhibition; with --report a player data folder',
      ),
    )
    .option(
      '--exhibition <slug>',
      t(
        ctx,
        'Ausstellung der Bibliothek (wird exportiert)',
        'exhibition of the library (exported on the fly)',
      ),
    )
    .option(
      '--data <dir>',
      t(
        ctx,
        'Datenordner des Players (Einstellungen, Statistik, Protokoll)',
        'player data folder (settings, statistics, log)',
      ),
    )
    .option('--chromium <path>', t(ctx, 'Chromium-Programm', 'Chromium executable'))
    .option(
      '--headless',
      t(ctx, 'ohne Fenster (Tests, Messungen)', 'without a window (tests, benchmarks)'),
    )
    .option(
      '--set-pin',
      t(ctx, 'Beenden-PIN von der Standardeingabe setzen', 'set the exit PIN from standard input'),
    )
    .option(
      '--install-autostart',
      t(
        ctx,
        'beim Anmelden starten und nach Absturz neu starten',
        'start at log-in and restart after a crash',
      ),
    )
    .option('--remove-autostart', t(ctx, 'Autostart entfernen', 'remove the autostart'))
    .option(
      '--report',
      t(ctx, 'Besucherstatistik als JSON ausgeben', 'print the visitor statistics as JSON'),
    )
    .option('--csv', t(ctx, 'mit --report: als CSV', 'with --report: as CSV'))
    .description(
      t(
        ctx,
        'Kiosk-Player: Paket im Vollbild zeigen, bei Absturz oder Hänger neu laden, Besuche anonym zählen',
        'kiosk player: show a bundle full screen, reload after a crash or hang, count visits anonymously',
      ),
    )
    .action((input: string | undefined, opts: KioskCommandOptions) => runKiosk(input, opts, ctx));
}
