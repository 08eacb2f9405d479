#!/usr/bin/env node
// The `vitrine` command. The CLI is TypeScript bundled by electron/build.mjs (run by `npm install`
// through `prepare`); if the bundle is missing, say how to make it instead of a stack trace.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli', 'main.mjs');
if (!existsSync(bundle)) {
  process.stderr.write(
    `Vitrine ist noch nicht gebaut: ${bundle} fehlt. Bitte "npm run build" (oder "node electron/build.mjs") ausführen.\n` +
      `Vitrine is not built yet: ${bundle} is missing. Run "npm run build" (or "node electron/build.mjs").\n`,
  );
  process.exitCode = 2;
} else {
  await import(pathToFileURL(bundle).href);
}
