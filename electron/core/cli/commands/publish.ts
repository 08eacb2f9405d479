import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { AppError } from '../../../../shared/errors';
import { readLibrarySnapshot } from '../../library';
import { checkSnapshotForExport } from '../../export';
import {
  createKnownHosts,
  parsePublishTarget,
  publishExhibition,
  userConfigDir,
  type SshCredentials,
} from '../../publish';
import { t, type CliContext } from '../context';
import { createProgressBar } from '../progress';
import { formatProblem } from './export';

/**
 * Where secrets come from, so tests can give their own. Secrets never come from the command line
 * (they would land in shell history and `ps`) and are never stored by the CLI.
 */
export interface PublishDeps {
  env: NodeJS.ProcessEnv;
  /** Asks on the terminal; `hidden` for passwords. Absent when there is no terminal. */
  ask?: (question: string, hidden: boolean) => Promise<string>;
}

/** Reads a line from the terminal; with `hidden` nothing typed is echoed. */
function terminalAsk(question: string, hidden: boolean): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stderr.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolve(answer);
    });
    muted = hidden;
  });
}

export function defaultPublishDeps(): PublishDeps {
  return {
    env: process.env,
    ...(process.stdin.isTTY && process.stderr.isTTY ? { ask: terminalAsk } : {}),
  };
}

/** Environment variables the CLI reads its secrets from (named in --help and the README). */
export const SECRET_ENV = {
  password: 'VITRINE_PUBLISH_PASSWORD',
  key: 'VITRINE_SSH_KEY',
  passphrase: 'VITRINE_SSH_KEY_PASSPHRASE',
  agent: 'SSH_AUTH_SOCK',
  knownHosts: 'VITRINE_KNOWN_HOSTS',
} as const;

/**
 * `vitrine publish DIR --exhibition SLUG --to URL [--dry-run] [--lang de,en] [--base-url URL]
 * [--host-key SHA256:…]`. Exports the exhibition as a web bundle, then uploads only what changed.
 * Secrets: VITRINE_PUBLISH_PASSWORD, VITRINE_SSH_KEY (+ VITRINE_SSH_KEY_PASSPHRASE), the ssh
 * agent (SSH_AUTH_SOCK), else a hidden prompt on a terminal. Exit 0 ok, 1 check errors, 2 failure.
 */
export function registerPublish(
  program: Command,
  ctx: CliContext,
  deps: PublishDeps = defaultPublishDeps(),
): void {
  program
    .command('publish')
    .argument('<dir>', t(ctx, 'Bibliotheksordner', 'library folder'))
    .requiredOption(
      '--exhibition <slug>',
      t(ctx, 'Ausstellung (Slug oder Id)', 'exhibition (slug or id)'),
    )
    .requiredOption(
      '--to <url>',
      t(
        ctx,
        'Ziel: sftp://nutzer@server[:port]/pfad oder https://server/pfad (WebDAV)',
        'target: sftp://user@host[:port]/path or https://host/path (WebDAV)',
      ),
    )
    .option('--dry-run', t(ctx, 'nur zeigen, was sich ändern würde', 'only list what would change'))
    .option('--lang <languages>', t(ctx, 'Sprachen, z. B. de,en', 'languages, e.g. de,en'))
    .option('--base-url <url>', t(ctx, 'Öffentliche Adresse', 'public address'))
    .option(
      '--iiif',
      t(
        ctx,
        'IIIF-Manifeste und Zoom-Kacheln schreiben (Web, braucht --base-url)',
        'write IIIF manifests and zoom tiles (web, needs --base-url)',
      ),
    )
    .option(
      '--host-key <fingerprint>',
      t(
        ctx,
        'erwarteter SSH-Fingerabdruck (SHA256:…) eines neuen Servers',
        'expected SSH fingerprint (SHA256:…) of a new server',
      ),
    )
    .description(
      t(
        ctx,
        `Ausstellung exportieren und auf einen Server hochladen (nur Geändertes). Geheimnisse aus ${SECRET_ENV.password}, ${SECRET_ENV.key}, ${SECRET_ENV.passphrase}, dem ssh-agent oder einer Abfrage.`,
        `export an exhibition and upload it to a server (only what changed). Secrets from ${SECRET_ENV.password}, ${SECRET_ENV.key}, ${SECRET_ENV.passphrase}, the ssh agent or a prompt.`,
      ),
    )
    .action(
      async (
        dir: string,
        opts: {
          exhibition: string;
          to: string;
          dryRun?: boolean;
          lang?: string;
          baseUrl?: string;
          hostKey?: string;
          iiif?: boolean;
        },
      ) => {
        const target = parsePublishTarget(opts.to);
        const snapshot = await readLibrarySnapshot(dir);
        const checked = checkSnapshotForExport(snapshot, dir, opts.exhibition, 'web');
        for (const p of [...checked.errors, ...checked.warnings])
          ctx.stderr(formatProblem(p, ctx.lang));
        if (checked.errors.length) {
          ctx.stderr(
            t(
              ctx,
              `Veröffentlichen blockiert: ${checked.errors.length} Fehler. Fehler beheben und erneut versuchen.\n`,
              `Publishing blocked: ${checked.errors.length} errors. Fix them and try again.\n`,
            ),
          );
          ctx.exitCode = 1;
          return;
        }

        const env = deps.env;
        const credentials: SshCredentials = {};
        if (env[SECRET_ENV.password] !== undefined) credentials.password = env[SECRET_ENV.password];
        if (target.kind === 'sftp') {
          if (env[SECRET_ENV.key]) {
            const keyPath = env[SECRET_ENV.key]!;
            try {
              credentials.privateKey = await readFile(keyPath);
            } catch (cause) {
              throw new AppError(
                'FILE_UNREADABLE',
                {
                  de: `Der SSH-Schlüssel „${keyPath}“ (${SECRET_ENV.key}) ist nicht lesbar.`,
                  en: `The SSH key “${keyPath}” (${SECRET_ENV.key}) cannot be read.`,
                },
                { cause },
              );
            }
            if (env[SECRET_ENV.passphrase]) credentials.passphrase = env[SECRET_ENV.passphrase];
          }
          if (env[SECRET_ENV.agent]) credentials.agent = env[SECRET_ENV.agent];
        }
        const hasSecret =
          credentials.password !== undefined ||
          credentials.privateKey !== undefined ||
          credentials.agent !== undefined;
        if (!hasSecret && (target.kind === 'sftp' || target.user !== undefined)) {
          if (!deps.ask)
            throw new AppError('PUBLISH_AUTH_FAILED', {
              de: `Keine Zugangsdaten: ${SECRET_ENV.password} oder ${SECRET_ENV.key} setzen, einen ssh-agent starten oder im Terminal aufrufen, um nach dem Passwort gefragt zu werden.`,
              en: `No credentials: set ${SECRET_ENV.password} or ${SECRET_ENV.key}, start an ssh agent, or run in a terminal to be asked for the password.`,
            });
          credentials.password = await deps.ask(
            t(ctx, `Passwort für ${target.url}: `, `Password for ${target.url}: `),
            true,
          );
        }

        const knownHosts = createKnownHosts(
          env[SECRET_ENV.knownHosts] || path.join(userConfigDir(env), 'known_hosts.json'),
        );
        const confirmHostKey = async (fp: string): Promise<boolean> => {
          if (opts.hostKey) return opts.hostKey === fp;
          if (!deps.ask) return false;
          const answer = await deps.ask(
            t(
              ctx,
              `Neuer Server, Fingerabdruck ${fp}. Beim Betreiber geprüft und vertrauen? [j/N] `,
              `New server, fingerprint ${fp}. Checked with its operator and trust it? [y/N] `,
            ),
            false,
          );
          return /^(j|ja|y|yes)$/i.test(answer.trim());
        };

        const bar = createProgressBar(ctx, t(ctx, 'Veröffentlichen', 'Publishing'));
        const controller = new AbortController();
        const onSignal = () => controller.abort();
        process.once('SIGINT', onSignal);
        const languages = opts.lang
          ?.split(',')
          .map((l) => l.trim())
          .filter(Boolean);
        try {
          const result = await publishExhibition({
            libraryDir: dir,
            snapshot,
            exhibition: opts.exhibition,
            to: opts.to,
            credentials,
            knownHosts,
            confirmHostKey,
            dryRun: Boolean(opts.dryRun),
            signal: controller.signal,
            ...(languages?.length ? { languages } : {}),
            ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
            ...(opts.iiif ? { iiif: true } : {}),
            onExportProgress: (p) => bar.update(p.done, p.total, 'Export'),
            onProgress: (p) => {
              if (p.phase !== 'upload' && p.phase !== 'delete') return;
              const eta =
                p.etaSeconds !== undefined
                  ? t(ctx, ` – noch etwa ${p.etaSeconds} s`, ` – about ${p.etaSeconds} s left`)
                  : '';
              bar.update(p.done, p.total, `${p.current ?? ''}${eta}`);
            },
          });
          const { plan } = result;
          if (result.dryRun) {
            for (const rel of plan.upload) ctx.stdout(`+ ${rel}\n`);
            for (const rel of plan.remove) ctx.stdout(`- ${rel}\n`);
            ctx.stdout(
              t(
                ctx,
                `Probelauf für ${result.target}: ${plan.upload.length} Dateien würden hochgeladen (${(plan.uploadBytes / 1e6).toFixed(1)} MB), ${plan.remove.length} gelöscht, ${plan.unchanged} unverändert.\n`,
                `Dry run for ${result.target}: ${plan.upload.length} files would be uploaded (${(plan.uploadBytes / 1e6).toFixed(1)} MB), ${plan.remove.length} deleted, ${plan.unchanged} unchanged.\n`,
              ),
            );
            return;
          }
          ctx.stdout(
            t(
              ctx,
              `Veröffentlicht auf ${result.target}: ${result.uploaded.length} Dateien hochgeladen, ${result.removed.length} gelöscht, ${plan.unchanged} unverändert${result.resumed ? ' (unterbrochenen Vorgang fortgesetzt)' : ''}.\n`,
              `Published to ${result.target}: ${result.uploaded.length} files uploaded, ${result.removed.length} deleted, ${plan.unchanged} unchanged${result.resumed ? ' (resumed an interrupted publish)' : ''}.\n`,
            ),
          );
        } finally {
          bar.done();
          process.removeListener('SIGINT', onSignal);
        }
      },
    );
}
