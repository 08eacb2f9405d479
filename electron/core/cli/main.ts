import { runCli } from './index';

// The entry the `vitrine` bin loads; kept apart from index.ts so tests import without side effects.
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
