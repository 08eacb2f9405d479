import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishResultView } from '../../../../shared/api';
import type { PublishAuthKind } from '../../../../shared/domain/publish-target';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ConfirmDialog } from '../../exhibitions/editor/ConfirmDialog';
import { useApp } from '../../store';
import './publish.css';

const AUTH_KINDS: readonly PublishAuthKind[] = ['password', 'key', 'agent'];
const AUTH_LABEL: Record<PublishAuthKind, string> = {
  password: 'publish.authPassword',
  key: 'publish.authKey',
  agent: 'publish.authAgent',
};
/** Names shown per list in a result; the rest is counted, so a big first publish stays light. */
const SHOWN = 200;

/**
 * The "Publish" step of the export panel (issue 15): saved targets (address and login kind,
 * never a secret), the password for this run, dry run and publish of the exhibition chosen above
 * with progress, estimate and cancel, and the first-use host key question as a modal dialog.
 */
export function PublishPanel() {
  const { t } = useTranslation();
  const load = useApp((s) => s.publishTargetsRequested);
  const list = useApp((s) => s.publish.list);
  const listError = useApp((s) => s.publish.listError);
  // Targets belong to the open library: loaded again when another library is opened.
  const libraryKey = useApp((s) => s.snapshot?.manifest.createdAt ?? null);
  useEffect(() => {
    if (libraryKey) void load();
  }, [load, libraryKey]);
  return (
    <section className="panel publish" aria-labelledby="publish-heading" data-testid="publish">
      <h2 id="publish-heading">{t('publish.heading')}</h2>
      <p className="hint">{t('publish.intro')}</p>
      {listError ? <ErrorBanner error={listError} template="publish.loadFailed" /> : null}
      {list ? (
        <div className="publish__layout">
          <div className="publish__targets">
            <TargetList />
            <AddTarget open={list.targets.length === 0} />
          </div>
          <div className="publish__side">
            <RunControls />
            <RunView />
          </div>
        </div>
      ) : null}
      <HostKeyDialog />
    </section>
  );
}

function TargetList() {
  const { t } = useTranslation();
  const list = useApp((s) => s.publish.list);
  const selectedId = useApp((s) => s.publish.selectedId);
  const select = useApp((s) => s.publishTargetSelected);
  const remove = useApp((s) => s.publishTargetRemoved);
  const busy = useApp((s) => isBusy(s.publish.run.status));
  const name = useId();
  if (!list) return null;
  return (
    <fieldset className="publish__group" disabled={busy}>
      <legend>{t('publish.targets')}</legend>
      {list.targets.length === 0 ? <p className="muted">{t('publish.noTargets')}</p> : null}
      <ul className="publish__list">
        {list.targets.map((target) => (
          <li key={target.id} className="publish__target">
            <label className="publish__choice">
              <input
                type="radio"
                name={name}
                checked={selectedId === target.id}
                onChange={() => select(target.id)}
              />
              <span>
                <strong>{target.name}</strong>
                <code className="publish__url">{target.url}</code>
                <span className="hint">
                  {t(AUTH_LABEL[target.auth])}
                  {list.savedSecrets.includes(target.id) ? ` · ${t('publish.savedSecret')}` : ''}
                </span>
              </span>
            </label>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void remove(target.id)}
              aria-label={t('publish.remove', { name: target.name })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function AddTarget({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const form = useApp((s) => s.publish.form);
  const error = useApp((s) => s.publish.formError);
  const changed = useApp((s) => s.publishTargetFormChanged);
  const save = useApp((s) => s.publishTargetSaved);
  const id = useId();
  return (
    <details className="publish__add" open={open}>
      <summary>{t('publish.addHeading')}</summary>
      <form
        className="publish__form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="export__field">
          <label htmlFor={`${id}-name`}>{t('publish.name')}</label>
          <input
            id={`${id}-name`}
            required
            maxLength={100}
            value={form.name}
            onChange={(e) => changed({ name: e.target.value })}
          />
        </div>
        <div className="export__field">
          <label htmlFor={`${id}-url`}>{t('publish.url')}</label>
          <input
            id={`${id}-url`}
            required
            type="text"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder="sftp://"
            value={form.url}
            onChange={(e) => changed({ url: e.target.value })}
            aria-describedby={`${id}-url-hint`}
          />
          <p id={`${id}-url-hint`} className="hint">
            {t('publish.urlHint')}
          </p>
        </div>
        <div className="export__field">
          <label htmlFor={`${id}-auth`}>{t('publish.auth')}</label>
          <select
            id={`${id}-auth`}
            value={form.auth}
            onChange={(e) => changed({ auth: e.target.value as PublishAuthKind })}
          >
            {AUTH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(AUTH_LABEL[kind])}
              </option>
            ))}
          </select>
        </div>
        {error ? <ErrorBanner error={error} template="publish.saveFailed" /> : null}
        <button type="submit" className="button">
          {t('publish.save')}
        </button>
      </form>
    </details>
  );
}

function isBusy(status: string): boolean {
  return status === 'connecting' || status === 'running' || status === 'cancelling';
}

function RunControls() {
  const { t } = useTranslation();
  const list = useApp((s) => s.publish.list);
  const selectedId = useApp((s) => s.publish.selectedId);
  const secret = useApp((s) => s.publish.secret);
  const saveSecret = useApp((s) => s.publish.saveSecret);
  const status = useApp((s) => s.publish.run.status);
  const exportBlocked = useApp((s) => (s.exportCheck.result?.errors.length ?? 0) > 0);
  const secretChanged = useApp((s) => s.publishSecretChanged);
  const start = useApp((s) => s.publishStartRequested);
  const id = useId();
  const target = list?.targets.find((x) => x.id === selectedId);
  if (!list || !target) return null;
  const saved = list.savedSecrets.includes(target.id);
  const busy = isBusy(status);
  const storage = list.secretStorage;
  return (
    <form
      className="publish__controls"
      onSubmit={(e) => {
        e.preventDefault();
        void start(false);
      }}
    >
      {target.auth !== 'agent' ? (
        <div className="export__field">
          <label htmlFor={`${id}-secret`}>
            {t(target.auth === 'key' ? 'publish.secretKey' : 'publish.secret')}
          </label>
          <input
            id={`${id}-secret`}
            type="password"
            autoComplete="off"
            value={secret}
            disabled={busy}
            onChange={(e) => secretChanged(e.target.value)}
            aria-describedby={`${id}-secret-hint`}
          />
          <p id={`${id}-secret-hint`} className="hint">
            {storage === 'memory'
              ? t('publish.secretMemory')
              : saved
                ? t('publish.secretSavedHint')
                : null}
          </p>
          {storage === 'stored' ? (
            <label className="export__check">
              <input
                type="checkbox"
                checked={saveSecret}
                disabled={busy}
                onChange={(e) => secretChanged(secret, e.target.checked)}
              />
              <span>{t('publish.saveSecret')}</span>
            </label>
          ) : null}
          {storage === 'weak' || storage === 'unavailable' ? (
            <p className="notice publish__warning" role="note">
              {t(storage === 'weak' ? 'publish.secretWeak' : 'publish.secretUnavailable')}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="export__actions">
        <button
          type="button"
          className="button"
          disabled={busy || exportBlocked}
          onClick={() => void start(true)}
        >
          {t('publish.dryRun')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy || exportBlocked}>
          {t('publish.start')}
        </button>
      </div>
    </form>
  );
}

function RunView() {
  const { t } = useTranslation();
  const run = useApp((s) => s.publish.run);
  const cancel = useApp((s) => s.publishCancelRequested);
  const dismiss = useApp((s) => s.publishRunDismissed);
  const focusRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (run.status === 'done' || run.status === 'failed') focusRef.current?.focus();
  }, [run.status]);

  if (run.status === 'connecting')
    return (
      <p role="status" className="muted">
        {t('publish.connecting')}
      </p>
    );
  if (run.status === 'running' || run.status === 'cancelling') {
    const p = run.progress;
    const uploading = p && (p.phase === 'upload' || p.phase === 'delete' || p.phase === 'done');
    return (
      <section className="publish__progress" aria-labelledby="publish-progress-label">
        <h3 id="publish-progress-label">{t('publish.progressLabel')}</h3>
        <progress
          max={p?.total || 1}
          value={p?.total ? p.done : 0}
          aria-labelledby="publish-progress-label"
        />
        <p aria-live="polite" data-testid="publish-step" className="publish__step">
          <span>{t(`publish.phase_${p?.phase ?? 'connect'}`)}</span>
          {uploading && p.total > 0 ? (
            <span> · {t('publish.files', { done: p.done, total: p.total })}</span>
          ) : null}
          {uploading && p.phase === 'upload' ? (
            <span>
              {' · '}
              {p.etaSeconds !== undefined
                ? t('publish.remaining', { count: p.etaSeconds })
                : t('publish.remainingUnknown')}
            </span>
          ) : null}
        </p>
        {p?.current ? <code className="publish__url">{p.current}</code> : null}
        <button
          type="button"
          className="button"
          disabled={run.status === 'cancelling'}
          onClick={() => void cancel()}
        >
          {t(run.status === 'cancelling' ? 'publish.cancelling' : 'publish.cancel')}
        </button>
      </section>
    );
  }
  if (run.status === 'cancelled')
    return (
      <div className="publish__run">
        <p role="status" className="notice">
          {t('publish.cancelled')}
        </p>
        <button type="button" className="button" onClick={dismiss}>
          {t('publish.again')}
        </button>
      </div>
    );
  if (run.status === 'failed')
    return (
      <div
        className="publish__run"
        tabIndex={-1}
        ref={(el) => {
          focusRef.current = el;
        }}
      >
        {run.error ? <ErrorBanner error={run.error} template="publish.failed" /> : null}
        <button type="button" className="button" onClick={dismiss}>
          {t('publish.again')}
        </button>
      </div>
    );
  if (run.status === 'done' && run.result)
    return (
      <section
        className="publish__result"
        aria-labelledby="publish-result-heading"
        tabIndex={-1}
        ref={(el) => {
          focusRef.current = el;
        }}
        data-testid="publish-result"
      >
        <Result result={run.result} />
        <button type="button" className="button" onClick={dismiss}>
          {t('publish.again')}
        </button>
      </section>
    );
  return null;
}

function Result({ result }: { result: PublishResultView }) {
  const { t } = useTranslation();
  const counts = {
    upload: result.uploadCount,
    remove: result.removeCount,
    unchanged: result.unchanged,
    size: (result.uploadBytes / 1e6).toFixed(1),
    seconds: result.seconds.toFixed(1),
  };
  return (
    <>
      <h3 id="publish-result-heading">
        {t(result.dryRun ? 'publish.dryRunHeading' : 'publish.doneHeading')}
      </h3>
      <p role="status">
        {result.uploadCount + result.removeCount === 0
          ? t('publish.nothing')
          : t(result.dryRun ? 'publish.dryRunSummary' : 'publish.doneSummary', counts)}
      </p>
      {result.resumed ? <p className="hint">{t('publish.resumed')}</p> : null}
      <p className="hint">
        <code className="publish__url">{result.target}</code>
      </p>
      <FileList
        heading={t('publish.listUpload')}
        files={result.upload}
        count={result.uploadCount}
        testId="publish-upload"
      />
      <FileList
        heading={t('publish.listRemove')}
        files={result.remove}
        count={result.removeCount}
        testId="publish-remove"
      />
    </>
  );
}

function FileList(props: { heading: string; files: string[]; count: number; testId: string }) {
  const { t } = useTranslation();
  const id = useId();
  if (props.count === 0) return null;
  const shown = props.files.slice(0, SHOWN);
  return (
    <div className="publish__files">
      <h4 id={id}>
        {props.heading} ({props.count})
      </h4>
      <ul aria-labelledby={id} data-testid={props.testId} tabIndex={0}>
        {shown.map((rel) => (
          <li key={rel}>
            <code>{rel}</code>
          </li>
        ))}
      </ul>
      {props.count > shown.length ? (
        <p className="hint">{t('publish.more', { count: props.count - shown.length })}</p>
      ) : null}
    </div>
  );
}

function HostKeyDialog() {
  const { t } = useTranslation();
  const run = useApp((s) => s.publish.run);
  const confirm = useApp((s) => s.publishHostKeyConfirmed);
  const decline = useApp((s) => s.publishHostKeyDeclined);
  const question = run.status === 'hostKey' ? run.hostKey : null;
  return (
    <ConfirmDialog
      open={question !== null}
      title={t('publish.hostKeyHeading')}
      confirmLabel={t('publish.hostKeyTrust')}
      onConfirm={(e) => {
        e.preventDefault();
        void confirm();
      }}
      onCancel={decline}
    >
      {question ? (
        <>
          <p>{t('publish.hostKeyText', { host: question.host, port: question.port })}</p>
          <p>
            <code className="publish__fingerprint" data-testid="publish-fingerprint">
              {question.fingerprint}
            </code>
          </p>
        </>
      ) : null}
    </ConfirmDialog>
  );
}
