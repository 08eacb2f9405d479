import { useEffect, useMemo, useRef, useState } from 'react';
import type { CommandInput } from '../../../shared/domain';
import type { ErrorData } from '../../../shared/errors';
import { useApp } from '../store';
import { AUTOSAVE_MS, createAutosaver, registerFlush } from '../components/forms/autosave';

export interface Draft<T> {
  /** What the form shows: the unsaved draft, else the stored entity. */
  value: T;
  update(change: (current: T) => T): void;
  /** Why the last save failed; the draft stays on screen until a save succeeds. */
  error: ErrorData | null;
  dirty: boolean;
}

/**
 * Autosave for one entity: edits become a local draft at once (so typing never waits for the
 * disk), are sent as one command after a pause, and the draft is dropped only when the library
 * has taken exactly that version. A refused save keeps the draft and says why.
 */
export function useDraft<T extends { id: string }>(
  entity: T,
  toCommand: (value: T) => CommandInput,
): Draft<T> {
  const submit = useApp((s) => s.commandSubmitted);
  const [draft, setDraft] = useState<T | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const latest = useRef<T | null>(null);
  const commandRef = useRef(toCommand);
  commandRef.current = toCommand;

  const saver = useMemo(
    () =>
      createAutosaver<T>(async (value) => {
        const result = await submit(commandRef.current(value));
        if (!result.ok) {
          setError(result.error);
          return;
        }
        setError(null);
        if (latest.current === value) {
          latest.current = null;
          setDraft(null);
        }
      }, AUTOSAVE_MS),
    [submit],
  );

  // Another entity in the same form: send what is pending for the previous one first.
  useEffect(() => {
    const off = registerFlush(saver.flush);
    return () => {
      off();
      void saver.flush();
    };
  }, [saver, entity.id]);

  useEffect(() => {
    setDraft(null);
    setError(null);
    latest.current = null;
  }, [entity.id]);

  const value = draft && draft.id === entity.id ? draft : entity;
  return {
    value,
    dirty: draft !== null,
    error,
    update(change) {
      const next = change(latest.current ?? value);
      latest.current = next;
      setDraft(next);
      saver.schedule(next);
    },
  };
}
