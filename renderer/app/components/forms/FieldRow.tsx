import { useEffect, useId, useState, type ReactNode } from 'react';
import { splitList } from './localized';

/**
 * One labelled row of a form: the label, the control (given the row's id and hint id) and an
 * optional hint under it. Every plain field of the editors is one of these.
 */
export function FieldRow({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: hint ? `${id}-hint` : undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A one-line text; blank stores nothing (`undefined`). */
export function TextField({
  label,
  value,
  onChange,
  testId,
  hint,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  testId?: string;
  hint?: string;
}) {
  return (
    <FieldRow label={label} hint={hint}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="text"
          value={value ?? ''}
          data-testid={testId}
          dir="auto"
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        />
      )}
    </FieldRow>
  );
}

/**
 * A comma-separated list (tags, places). Kept as typed text while focused and committed on
 * blur or Enter, so a half-typed "Rat, " does not lose its comma.
 */
export function ListField({
  label,
  values,
  onChange,
  testId,
  hint,
}: {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  testId?: string;
  hint?: string;
}) {
  const joined = values.join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => setText(joined), [joined]);
  const commit = () => {
    const next = splitList(text);
    if (next.join(', ') !== joined) onChange(next);
  };
  return (
    <FieldRow label={label} hint={hint}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="text"
          value={text}
          dir="auto"
          data-testid={testId}
          aria-describedby={describedBy}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
      )}
    </FieldRow>
  );
}
