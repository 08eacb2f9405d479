import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from './build';
import { buildSampleTemplate } from './library';
import { RESULTS_DIR } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding a freshly built sample library; copy it, never write into it. */
    sampleTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Artefacts describe the last run only; stale ones from earlier runs would mislead.
  await rm(RESULTS_DIR, { recursive: true, force: true });
  // VITRINE_E2E_SKIP_BUILD=1 reuses dist/ when iterating on tests only.
  if (process.env.VITRINE_E2E_SKIP_BUILD !== '1') await buildApp();
  const template = await buildSampleTemplate();
  project.provide('sampleTemplate', template);
  return async () => {
    await rm(dirname(template), { recursive: true, force: true });
  };
}
