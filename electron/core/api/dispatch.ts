import type { z } from 'zod';
import {
  apiMethods,
  isApiMethodName,
  type ApiMethodName,
  type ApiOutput,
  type ApiParsedInput,
  type ApiResult,
} from '../../../shared/api';
import { AppError, type ErrorData, type UiLanguage } from '../../../shared/errors';

/** One function per contract method; each receives validated input. */
export type ApiHandlers = {
  [M in ApiMethodName]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>>;
};

export interface DispatchOptions {
  handlers: ApiHandlers;
  lang: () => UiLanguage;
  /**
   * Check every answer against the contract's output schema too. On in tests (a handler that
   * drifts from the contract fails loudly there); off in production, where the schemas already
   * guard every write and the extra pass over a large snapshot would cost time for nothing.
   */
  checkOutput?: boolean;
  /** Where unexpected failures are reported with their stack; the caller never sees the stack. */
  logError?: (method: string, error: unknown) => void;
}

export type Dispatch = (method: string, rawInput: unknown) => Promise<ApiResult<unknown>>;

const MAX_ISSUES = 20;

function invalidInput(method: string, issues: readonly z.core.$ZodIssue[]): AppError {
  return new AppError(
    'INVALID_INPUT',
    {
      de: `Ungültige Eingabe für ${method}.`,
      en: `Invalid input for ${method}.`,
    },
    {
      details: issues.slice(0, MAX_ISSUES).map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      })),
    },
  );
}

export function unknownMethod(method: string): AppError {
  // The name is shown cut short and without control characters: it came from outside.
  const shown = method.replace(/[^\w.-]/g, '?').slice(0, 80);
  return new AppError('NOT_FOUND', {
    de: `Unbekannte Funktion „${shown}“.`,
    en: `Unknown method “${shown}”.`,
  });
}

/**
 * The single entry every transport calls: validates the input against the contract, runs the
 * handler, and answers an envelope. An AppError becomes its data in the current UI language;
 * anything else becomes INTERNAL with a generic message — stacks and system messages (which may
 * hold paths) go to the log only.
 */
export function createDispatch(options: DispatchOptions): Dispatch {
  const { handlers, lang } = options;
  const log =
    options.logError ?? ((method, error) => console.error(`[vitrine] ${method} failed:`, error));
  return async (method, rawInput) => {
    if (!isApiMethodName(method))
      return { ok: false, error: unknownMethod(String(method)).toData(lang()) };
    const spec = apiMethods[method];
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success)
      return { ok: false, error: invalidInput(method, parsed.error.issues).toData(lang()) };
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      if (options.checkOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          log(method, checked.error);
          return { ok: false, error: internal(method, lang(), checked.error.issues) };
        }
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData(lang()) };
      log(method, error);
      return { ok: false, error: internal(method, lang()) };
    }
  };
}

function internal(method: string, lang: UiLanguage, details?: unknown): ErrorData {
  const data: ErrorData = {
    code: 'INTERNAL',
    message:
      lang === 'de'
        ? `Unerwarteter Fehler bei ${method}. Einzelheiten stehen im Protokoll.`
        : `Unexpected error in ${method}. Details are in the log.`,
  };
  if (details !== undefined) data.details = details;
  return data;
}
