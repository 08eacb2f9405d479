import { spawn } from 'node:child_process';
import { REPO_ROOT } from './paths';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}

/**
 * The e2e tests drive what a person would run: the bundled CLI (`dist/cli`) serving the Vite
 * build (`dist/renderer`). Built once per run so a test never sees stale code.
 */
export async function buildApp(): Promise<void> {
  await run(process.execPath, ['electron/build.mjs']);
  await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
}
