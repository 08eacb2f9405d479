import type { UiLanguage } from '../../../shared/errors';

/** What a command needs from the outside world; tests pass their own to capture output. */
export interface CliContext {
  lang: UiLanguage;
  version: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /** A command sets this instead of calling process.exit, so the CLI stays testable in-process. */
  exitCode: number | undefined;
  /**
   * The worker bundle heavy commands fork (export, init --sample); found next to the CLI bundle
   * when not given. Tests running the sources pass one they built.
   */
  workerBundle?: string;
  /** Tests only: `init --sample` renders its images at this fraction of their size. */
  sampleMediaScale?: number;
}

/** German unless the environment asks for English (VITRINE_LANG, then LC_ALL/LC_MESSAGES/LANG). */
export function cliLanguage(env: NodeJS.ProcessEnv): UiLanguage {
  const explicit = env.VITRINE_LANG;
  if (explicit === 'de' || explicit === 'en') return explicit;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'de';
}

/** Picks the text for the CLI's language. */
export function t(ctx: Pick<CliContext, 'lang'>, de: string, en: string): string {
  return ctx.lang === 'de' ? de : en;
}
