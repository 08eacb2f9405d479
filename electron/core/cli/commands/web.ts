import { InvalidArgumentError, type Command } from 'commander';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiHandlers, readSettings, webDialogs } from '../../api';
import {
  defaultAppDataDir,
  findRendererDir,
  openInBrowser,
  startWebHost,
  type WebHost,
} from '../../web';
import { createWorkerHost, findWorkerBundle, forkWorker } from '../../worker';
import { t, type CliContext } from '../context';

export interface WebCommandOptions {
  port?: number;
  open?: boolean;
  appData?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('0–65535');
  }
  return port;
}

/**
 * Starts the host and prints its address; answers the running host so callers (and tests) can
 * stop it. The command itself keeps running until SIGINT/SIGTERM.
 */
export async function runWebHost(
  dir: string | undefined,
  opts: WebCommandOptions,
  ctx: CliContext,
): Promise<{ host: WebHost; stop: () => Promise<void> }> {
  const appDataDir = opts.appData ?? defaultAppDataDir();
  const settings = await readSettings(appDataDir);
  // Export (derivatives, pages, zip) runs in a forked worker process, so this process keeps
  // answering the page while it runs; the same worker bundle Electron runs in a utilityProcess.
  const bundle = findWorkerBundle(dirname(fileURLToPath(import.meta.url)));
  if (!bundle) {
    ctx.stderr(
      t(
        ctx,
        'Hinweis: Der Hintergrundprozess ist nicht gebaut (dist/electron/worker.cjs fehlt); Exporte laufen im Webserver selbst. Bitte „npm run build“ ausführen.\n',
        'Note: the worker process is not built (dist/electron/worker.cjs is missing); exports run inside the web host. Run “npm run build”.\n',
      ),
    );
  }
  const worker = bundle ? createWorkerHost(forkWorker(bundle)) : null;
  worker?.warm();
  const service = await createApiHandlers({
    ...(worker ? { worker } : {}),
    appDataDir,
    lang: settings.uiLanguage ?? ctx.lang,
    dialogs: webDialogs,
    transport: 'web',
    version: ctx.version,
    ...(dir ? { libraryDirOnStart: dir } : {}),
  });
  const rendererDir = findRendererDir(dirname(fileURLToPath(import.meta.url)));
  let host: WebHost;
  try {
    host = await startWebHost({ service, rendererDir, port: opts.port ?? 0 });
  } catch (error) {
    await service.close();
    throw error;
  }
  if (!rendererDir) {
    ctx.stderr(
      t(
        ctx,
        'Hinweis: Die Oberfläche ist nicht gebaut (dist/renderer fehlt). Bitte „npm run build“ ausführen.\n',
        'Note: the user interface is not built (dist/renderer is missing). Run “npm run build”.\n',
      ),
    );
  }
  ctx.stdout(`Vitrine web: ${host.url}\n`);
  ctx.stdout(`VITRINE_READY ${host.url}\n`);
  if (opts.open !== false) openInBrowser(host.url);
  return {
    host,
    stop: async () => {
      await host.close();
      await service.close();
    },
  };
}

export function registerWeb(program: Command, ctx: CliContext): void {
  program
    .command('web')
    .argument(
      '[dir]',
      t(ctx, 'Bibliotheksordner, der gleich geöffnet wird', 'library folder to open right away'),
    )
    .option(
      '--port <n>',
      t(ctx, 'Port auf 127.0.0.1 (0 = frei wählen)', 'port on 127.0.0.1 (0 = any free port)'),
      parsePort,
    )
    .option('--no-open', t(ctx, 'keinen Browser starten', 'do not launch a browser'))
    .option(
      '--app-data <dir>',
      t(
        ctx,
        'Ordner für Einstellungen und zuletzt geöffnete Bibliotheken',
        'folder for settings and recent libraries',
      ),
    )
    .description(
      t(
        ctx,
        'Oberfläche im Browser anzeigen (nur dieser Rechner, mit Zugangsschlüssel) – für Entwicklung, Tests und Rechner ohne Electron',
        'show the app in a browser (this computer only, with an access token) – for development, tests and machines without Electron',
      ),
    )
    .action(async (dir: string | undefined, opts: WebCommandOptions) => {
      const { stop } = await runWebHost(dir, opts, ctx);
      await new Promise<void>((resolve) => {
        const done = () => {
          process.off('SIGINT', done);
          process.off('SIGTERM', done);
          resolve();
        };
        process.on('SIGINT', done);
        process.on('SIGTERM', done);
      });
      await stop();
    });
}
