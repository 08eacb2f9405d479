import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {
  ApiEventName,
  ApiEventPayload,
  PublishResultView,
  PublishTargetsView,
  SecretStorageMode,
} from '../../../shared/api';
import { PUBLISH_LIST_LIMIT } from '../../../shared/api/publish';
import type { PublishTargetSetting } from '../../../shared/domain/publish-target';
import { findExhibition } from '../../../shared/render/model';
import { AppError, toAppError, type UiLanguage } from '../../../shared/errors';
import { checkSnapshotForExport, exportBlocked, type ExportProgress } from '../export';
import type { Library } from '../library';
import {
  createKnownHosts,
  openRemote,
  parsePublishTarget,
  readPublishTargets,
  removePublishTarget,
  savePublishTarget,
  syncBundle,
  unknownTarget,
  userConfigDir,
  type Remote,
  type SecretStore,
  type SshCredentials,
} from '../publish';
import { inProcessHost, type WorkerHost } from '../worker';
import type { ApiHandlers } from './dispatch';
import { overallProgress, PROGRESS_TOTAL } from './export';

type PublishMethods =
  | 'publish.targets'
  | 'publish.saveTarget'
  | 'publish.removeTarget'
  | 'publish.start'
  | 'publish.cancel';

export interface PublishHandlerDeps {
  /** The open library; throws NOT_FOUND when none is open. */
  library: () => Library;
  lang: () => UiLanguage;
  emit: <E extends ApiEventName>(event: E, payload: ApiEventPayload<E>) => void;
  /**
   * The desktop app's encrypted password store (Electron's safeStorage). Absent in the web host:
   * there a secret is asked per publish and lives in this process's memory for that run only.
   */
  secrets?: SecretStore;
  /** Trusted SSH host keys; defaults to VITRINE_KNOWN_HOSTS or ~/.config/vitrine/known_hosts.json. */
  knownHostsFile?: string;
  /** For the SSH agent socket and the home folder's keys; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  worker?: WorkerHost;
  clock?: () => number;
}

/** Where a saved password is filed: by target and address, so editing the address forgets it. */
const secretKey = (t: PublishTargetSetting) => `${t.id} ${t.url}`;

const KEY_FILES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

function needSecret(target: PublishTargetSetting): AppError {
  return new AppError('PUBLISH_AUTH_FAILED', {
    de: `Für „${target.name}“ fehlt das Passwort. Bitte eingeben und erneut starten.`,
    en: `The password for “${target.name}” is missing. Please enter it and start again.`,
  });
}

/**
 * The publishing methods of the API: saved targets, and the publish itself — connect first (host
 * key and login are answered by the call), export the web bundle in the worker, then bring the
 * server in line with it (core/publish/sync.ts: assets, pages, start pages, deletions last).
 */
export function createPublishHandlers(deps: PublishHandlerDeps): Pick<ApiHandlers, PublishMethods> {
  const env = deps.env ?? process.env;
  const now = deps.clock ?? (() => Date.now());
  const worker = deps.worker ?? inProcessHost();
  const knownHosts = createKnownHosts(
    deps.knownHostsFile ??
      (env.VITRINE_KNOWN_HOSTS || path.join(userConfigDir(env), 'known_hosts.json')),
  );
  const running = new Map<string, AbortController>();

  async function view(libraryDir: string): Promise<PublishTargetsView> {
    const targets = await readPublishTargets(libraryDir);
    const secretStorage: SecretStorageMode = deps.secrets ? await deps.secrets.status() : 'memory';
    const savedSecrets: string[] = [];
    if (deps.secrets)
      for (const t of targets) if (await deps.secrets.has(secretKey(t))) savedSecrets.push(t.id);
    return { targets, secretStorage, savedSecrets };
  }

  function writable(): Library {
    const library = deps.library();
    if (library.readOnly)
      throw new AppError('LIBRARY_READ_ONLY', {
        de: 'Die Bibliothek ist schreibgeschützt geöffnet; Ziele können nicht gespeichert werden.',
        en: 'The library is open read-only; targets cannot be saved.',
      });
    return library;
  }

  async function credentialsFor(
    target: PublishTargetSetting,
    secret: string | undefined,
  ): Promise<SshCredentials> {
    const saved =
      secret === undefined && deps.secrets ? await deps.secrets.load(secretKey(target)) : undefined;
    const typed = secret ?? saved;
    if (target.auth === 'agent') {
      if (!env.SSH_AUTH_SOCK)
        throw new AppError('PUBLISH_AUTH_FAILED', {
          de: 'Es läuft kein ssh-agent (SSH_AUTH_SOCK ist nicht gesetzt). Agent starten oder eine andere Anmeldeart wählen.',
          en: 'No ssh agent is running (SSH_AUTH_SOCK is not set). Start one or choose another way to log in.',
        });
      return { agent: env.SSH_AUTH_SOCK };
    }
    if (target.auth === 'key') {
      const sshDir = path.join(env.HOME || os.homedir(), '.ssh');
      for (const name of KEY_FILES) {
        const key = await readFile(path.join(sshDir, name)).catch(() => null);
        if (key) return { privateKey: key, ...(typed !== undefined ? { passphrase: typed } : {}) };
      }
      throw new AppError('PUBLISH_AUTH_FAILED', {
        de: `Kein SSH-Schlüssel gefunden (${KEY_FILES.join(', ')} in ${sshDir}).`,
        en: `No SSH key found (${KEY_FILES.join(', ')} in ${sshDir}).`,
      });
    }
    if (typed === undefined) throw needSecret(target);
    return { password: typed };
  }

  function progress(taskId: string, p: Omit<ApiEventPayload<'publishProgress'>, 'taskId'>) {
    deps.emit('publishProgress', { taskId, ...p });
  }

  async function run(
    taskId: string,
    remote: Remote,
    opts: {
      libraryDir: string;
      snapshot: ReturnType<Library['snapshot']>;
      exhibitionId: string;
      dryRun: boolean;
      languages?: string[];
      baseUrl?: string;
      url: string;
      signal: AbortSignal;
    },
  ): Promise<PublishResultView> {
    const started = now();
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'vitrine-publish-'));
    try {
      const outDir = path.join(scratch, 'site');
      let lastEmit = 0;
      const onExport = (p: ExportProgress) => {
        const t = now();
        if (t - lastEmit < 100 && p.done < p.total) return;
        lastEmit = t;
        progress(taskId, {
          phase: 'export',
          done: overallProgress(p),
          total: PROGRESS_TOTAL,
          bytesDone: 0,
          bytesTotal: 0,
        });
      };
      // The bundle is built whole before anything is sent, in the worker process like an export.
      await worker.run(
        'export',
        {
          libraryDir: opts.libraryDir,
          snapshot: opts.snapshot,
          exhibition: opts.exhibitionId,
          mode: 'web',
          outDir,
          ...(opts.languages ? { languages: opts.languages } : {}),
          ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
        },
        { signal: opts.signal, onProgress: (p) => onExport(p as ExportProgress) },
      );
      let lastSync = 0;
      let lastPhase = '';
      const result = await syncBundle({
        localDir: outDir,
        remote,
        dryRun: opts.dryRun,
        signal: opts.signal,
        onProgress: (p) => {
          const t = now();
          // Throttled within the upload only: its first and last step always reach the page, so
          // a fast upload still shows (and reports) that it happened.
          const throttled =
            p.phase === 'upload' &&
            lastPhase === 'upload' &&
            t - lastSync < 100 &&
            p.done < p.total;
          if (throttled) return;
          lastSync = t;
          lastPhase = p.phase;
          progress(taskId, {
            phase: p.phase,
            done: p.done,
            total: p.total,
            bytesDone: p.bytesDone,
            bytesTotal: p.bytesTotal,
            ...(p.current !== undefined ? { current: p.current } : {}),
            ...(p.etaSeconds !== undefined ? { etaSeconds: p.etaSeconds } : {}),
          });
        },
      });
      const { plan } = result;
      return {
        target: opts.url,
        dryRun: result.dryRun,
        upload: (result.dryRun ? plan.upload : result.uploaded).slice(0, PUBLISH_LIST_LIMIT),
        remove: (result.dryRun ? plan.remove : result.removed).slice(0, PUBLISH_LIST_LIMIT),
        uploadCount: result.dryRun ? plan.upload.length : result.uploaded.length,
        removeCount: result.dryRun ? plan.remove.length : result.removed.length,
        unchanged: plan.unchanged,
        uploadBytes: plan.uploadBytes,
        resumed: result.resumed,
        seconds: Math.round((now() - started) / 100) / 10,
      };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  return {
    'publish.targets': async () => view(deps.library().dir),

    'publish.saveTarget': async (input) => {
      const library = writable();
      const before = (await readPublishTargets(library.dir)).find((t) => t.id === input.id);
      const saved = await savePublishTarget(library.dir, input);
      // A new address must not inherit the password typed for the old one.
      if (before && deps.secrets && before.url !== saved.url)
        await deps.secrets.forget(secretKey(before));
      return view(library.dir);
    },

    'publish.removeTarget': async ({ id }) => {
      const library = writable();
      const removed = await removePublishTarget(library.dir, id);
      await deps.secrets?.forget(secretKey(removed));
      return view(library.dir);
    },

    'publish.start': async (input) => {
      const library = deps.library();
      if (running.has(input.taskId))
        throw new AppError('INVALID_INPUT', {
          de: 'Diese Aufgaben-Id ist schon vergeben.',
          en: 'This task id is already in use.',
        });
      const target = (await readPublishTargets(library.dir)).find((t) => t.id === input.targetId);
      if (!target) throw unknownTarget();
      const parsed = parsePublishTarget(target.url);
      const snapshot = library.snapshot();
      const exhibition = findExhibition(snapshot, input.exhibitionId);
      const checked = checkSnapshotForExport(snapshot, library.dir, exhibition.id, 'web');
      if (checked.errors.length) throw exportBlocked(checked);

      const controller = new AbortController();
      running.set(input.taskId, controller);
      let remote: Remote;
      try {
        const credentials = await credentialsFor(target, input.secret);
        progress(input.taskId, {
          phase: 'connect',
          done: 0,
          total: 0,
          bytesDone: 0,
          bytesTotal: 0,
        });
        // Security: an unknown server is trusted only with the fingerprint the person confirmed
        // in the dialog for exactly this server; a changed key is refused without a question.
        remote = await openRemote(parsed, {
          credentials,
          knownHosts,
          confirmHostKey: async (fp) => fp === input.trustHostKey,
        });
      } catch (error) {
        running.delete(input.taskId);
        // PUBLISH_HOST_KEY_UNKNOWN carries { host, port, presented } for the page's dialog.
        throw error;
      }
      // The login worked: only now is a typed password worth keeping (desktop, on request).
      if (input.saveSecret && input.secret !== undefined && deps.secrets)
        await deps.secrets
          .save(secretKey(target), input.secret)
          .catch(() => undefined /* the UI warned already that saving is not possible */);

      void run(input.taskId, remote, {
        libraryDir: library.dir,
        snapshot,
        exhibitionId: exhibition.id,
        dryRun: input.dryRun,
        ...(input.languages ? { languages: input.languages } : {}),
        ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
        url: parsed.url,
        signal: controller.signal,
      })
        .then(
          (result) => ({ result }),
          (error: unknown) => ({ error: toAppError(error).toData(deps.lang()) }),
        )
        .then(async (end) => {
          // Over before the page hears of it: a cancel after the event finds nothing running.
          running.delete(input.taskId);
          await remote.close().catch(() => undefined);
          deps.emit('publishFinished', { taskId: input.taskId, ...end });
        });
      return { taskId: input.taskId };
    },

    'publish.cancel': async ({ taskId }) => {
      const controller = running.get(taskId);
      if (!controller) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },
  };
}
