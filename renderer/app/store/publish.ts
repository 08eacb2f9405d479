import type { ApiEventPayload } from '../../../shared/api';
import type { ErrorData } from '../../../shared/errors';
import type { VitrineClient } from '../api/client';
import type { Creator } from './creator';
import type {
  PublishTargetForm,
  HostKeyQuestion,
  PublishRun,
  PublishState,
  PublishSlice,
} from './publish-types';

export type {
  PublishTargetForm,
  HostKeyQuestion,
  PublishRunStatus,
  PublishRun,
  PublishState,
  PublishSlice,
} from './publish-types';

const IDLE_RUN: PublishRun = {
  status: 'idle',
  taskId: null,
  dryRun: false,
  progress: null,
  result: null,
  error: null,
  hostKey: null,
};

const EMPTY_FORM: PublishTargetForm = { name: '', url: '', auth: 'password' };

function newTaskId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `publish-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function hostKeyOf(error: ErrorData): HostKeyQuestion | null {
  const d = error.details as { host?: unknown; port?: unknown; presented?: unknown } | undefined;
  if (typeof d?.presented !== 'string') return null;
  return {
    host: typeof d.host === 'string' ? d.host : '',
    port: typeof d.port === 'number' ? d.port : 22,
    fingerprint: d.presented,
  };
}

/** The "Publish" step of the export panel (issue 15): saved targets, dry run, publish. */
export function createPublishSlice(client: VitrineClient): Creator<PublishSlice> {
  return (set, get) => {
    let offs: Array<() => void> = [];
    const unsubscribe = () => {
      for (const off of offs) off();
      offs = [];
    };
    const patch = (p: Partial<PublishState>) => set({ publish: { ...get().publish, ...p } });
    const patchRun = (p: Partial<PublishRun>) => patch({ run: { ...get().publish.run, ...p } });

    function onProgress(p: ApiEventPayload<'publishProgress'>) {
      const run = get().publish.run;
      if (p.taskId !== run.taskId) return;
      patchRun({ progress: p });
    }

    function onFinished(e: ApiEventPayload<'publishFinished'>) {
      if (e.taskId !== get().publish.run.taskId) return;
      unsubscribe();
      if (e.result) {
        patchRun({ status: 'done', result: e.result });
        // Web host: the password is asked per publish, so a finished publish forgets it.
        if (!e.result.dryRun && get().publish.list?.secretStorage === 'memory')
          patch({ secret: '' });
      } else if (e.error?.code === 'CANCELLED') patchRun({ status: 'cancelled' });
      else patchRun({ status: 'failed', error: (e.error as ErrorData | undefined) ?? null });
    }

    async function start(dryRun: boolean, trustHostKey?: string) {
      const { exportForm: form, snapshot, publish } = get();
      const exhibition = snapshot?.exhibitions.find((x) => x.id === form.exhibitionId);
      const target = publish.list?.targets.find((t) => t.id === publish.selectedId);
      if (!exhibition || !target) return;
      const taskId = newTaskId();
      patch({ run: { ...IDLE_RUN, status: 'connecting', taskId, dryRun } });
      unsubscribe();
      offs = [client.on('publishProgress', onProgress), client.on('publishFinished', onFinished)];
      const languages = form.languages.filter((l) => exhibition.languages.includes(l));
      const result = await client.call('publish.start', {
        taskId,
        exhibitionId: exhibition.id,
        targetId: target.id,
        dryRun,
        ...(publish.secret ? { secret: publish.secret } : {}),
        ...(publish.secret && publish.saveSecret ? { saveSecret: true } : {}),
        ...(trustHostKey ? { trustHostKey } : {}),
        ...(languages.length ? { languages } : {}),
        ...(form.baseUrl.trim() ? { baseUrl: form.baseUrl.trim() } : {}),
      });
      if (get().publish.run.taskId !== taskId) return;
      if (result.ok) {
        if (get().publish.run.status === 'connecting') patchRun({ status: 'running' });
        if (publish.secret && publish.saveSecret) void get().publishTargetsRequested();
        return;
      }
      unsubscribe();
      const question =
        result.error.code === 'PUBLISH_HOST_KEY_UNKNOWN' ? hostKeyOf(result.error) : null;
      if (question) patchRun({ status: 'hostKey', hostKey: question });
      else patchRun({ status: 'failed', error: result.error });
    }

    return {
      publish: {
        list: null,
        listError: null,
        selectedId: null,
        form: EMPTY_FORM,
        formError: null,
        secret: '',
        saveSecret: false,
        run: IDLE_RUN,
      },

      async publishTargetsRequested() {
        const result = await client.call('publish.targets', {});
        if (!result.ok) {
          patch({ listError: result.error });
          return;
        }
        const { selectedId } = get().publish;
        const keep = result.value.targets.some((t) => t.id === selectedId);
        patch({
          list: result.value,
          listError: null,
          selectedId: keep ? selectedId : (result.value.targets[0]?.id ?? null),
        });
      },

      publishTargetFormChanged(p) {
        patch({ form: { ...get().publish.form, ...p }, formError: null });
      },

      async publishTargetSaved() {
        const { form } = get().publish;
        const result = await client.call('publish.saveTarget', {
          name: form.name.trim(),
          url: form.url.trim(),
          auth: form.auth,
        });
        if (!result.ok) {
          patch({ formError: result.error });
          return;
        }
        const before = new Set(get().publish.list?.targets.map((t) => t.id));
        const added = result.value.targets.find((t) => !before.has(t.id));
        patch({
          list: result.value,
          form: EMPTY_FORM,
          formError: null,
          selectedId: added?.id ?? get().publish.selectedId,
        });
      },

      async publishTargetRemoved(id) {
        const result = await client.call('publish.removeTarget', { id });
        if (!result.ok) {
          patch({ listError: result.error });
          return;
        }
        const selectedId =
          get().publish.selectedId === id
            ? (result.value.targets[0]?.id ?? null)
            : get().publish.selectedId;
        patch({ list: result.value, selectedId, listError: null });
      },

      publishTargetSelected(id) {
        patch({ selectedId: id, secret: '', run: IDLE_RUN });
      },

      publishSecretChanged(secret, save) {
        patch({ secret, ...(save !== undefined ? { saveSecret: save } : {}) });
      },

      async publishStartRequested(dryRun) {
        const status = get().publish.run.status;
        if (status === 'connecting' || status === 'running' || status === 'cancelling') return;
        await start(dryRun);
      },

      async publishHostKeyConfirmed() {
        const { run } = get().publish;
        if (run.status !== 'hostKey' || !run.hostKey) return;
        await start(run.dryRun, run.hostKey.fingerprint);
      },

      publishHostKeyDeclined() {
        patch({ run: IDLE_RUN });
      },

      async publishCancelRequested() {
        const { taskId, status } = get().publish.run;
        if (!taskId || status !== 'running') return;
        patchRun({ status: 'cancelling' });
        const result = await client.call('publish.cancel', { taskId });
        // Already over: the finished event has said how.
        if ((!result.ok || !result.value.cancelled) && get().publish.run.status === 'cancelling')
          patchRun({ status: 'running' });
      },

      publishRunDismissed() {
        unsubscribe();
        patch({ run: IDLE_RUN });
      },
    };
  };
}
