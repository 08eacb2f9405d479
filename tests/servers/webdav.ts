import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, stopChild } from './free-port';

/**
 * A real WebDAV server for tests: Apache httpd with mod_dav/mod_dav_fs from a private config,
 * `apache2 -f CONF -DFOREGROUND` on a free 127.0.0.1 port. `/digest/` asks for Digest auth and
 * `/basic/` for Basic; both serve folders the server's user (www-data) may write. `/readonly/`
 * lets the same account read but refuses every write with 403. Stopped and
 * removed afterwards.
 */
export interface WebdavServer {
  origin: string;
  user: string;
  password: string;
  /** Folders on disk behind `/digest/` and `/basic/`. */
  digestDir: string;
  basicDir: string;
  stop(): Promise<void>;
}

const MODULES = [
  'mpm_event',
  'authn_core',
  'authn_file',
  'authz_core',
  'authz_user',
  'auth_basic',
  'auth_digest',
  'dav',
  'dav_fs',
  'alias',
];

export async function startWebdav(): Promise<WebdavServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-dav-'));
  await chmod(dir, 0o755);
  const runUser = process.getuid?.() === 0 ? 'www-data' : os.userInfo().username;
  const digestDir = path.join(dir, 'digest');
  const basicDir = path.join(dir, 'basic');
  const readonlyDir = path.join(dir, 'readonly');
  const lockDir = path.join(dir, 'lock');
  for (const d of [digestDir, basicDir, readonlyDir, lockDir]) {
    await mkdir(d);
    if (process.getuid?.() === 0) execFileSync('chown', [runUser, d]);
  }
  const user = 'curator';
  const password = randomBytes(12).toString('hex');
  const realm = 'Vitrine test';
  const md5 = (s: string) => createHash('md5').update(s).digest('hex');
  await writeFile(
    path.join(dir, 'digest.users'),
    `${user}:${realm}:${md5(`${user}:${realm}:${password}`)}\n`,
  );
  const sha1 = createHash('sha1').update(password).digest('base64');
  await writeFile(path.join(dir, 'basic.users'), `${user}:{SHA}${sha1}\n`);
  const port = await freePort();
  const conf = [
    `ServerRoot ${dir}`,
    `Listen 127.0.0.1:${port}`,
    'ServerName 127.0.0.1',
    `PidFile ${path.join(dir, 'httpd.pid')}`,
    `ErrorLog ${path.join(dir, 'error.log')}`,
    `DefaultRuntimeDir ${dir}`,
    ...MODULES.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
    process.getuid?.() === 0 ? `User ${runUser}\nGroup ${runUser}` : '',
    'StartServers 1',
    'ServerLimit 1',
    'ThreadsPerChild 8',
    'MaxRequestWorkers 8',
    `DavLockDB ${path.join(lockDir, 'DavLock')}`,
    `DocumentRoot ${dir}`,
    `Alias /digest ${digestDir}`,
    `Alias /basic ${basicDir}`,
    `<Directory ${digestDir}>`,
    '  Dav On',
    '  AuthType Digest',
    `  AuthName "${realm}"`,
    `  AuthDigestDomain /digest/`,
    `  AuthUserFile ${path.join(dir, 'digest.users')}`,
    '  Require valid-user',
    '</Directory>',
    `Alias /readonly ${readonlyDir}`,
    `<Directory ${readonlyDir}>`,
    '  Dav On',
    '  AuthType Digest',
    `  AuthName "${realm}"`,
    `  AuthUserFile ${path.join(dir, 'digest.users')}`,
    '  <Limit GET HEAD OPTIONS PROPFIND>',
    '    Require valid-user',
    '  </Limit>',
    '  <LimitExcept GET HEAD OPTIONS PROPFIND>',
    '    Require all denied',
    '  </LimitExcept>',
    '</Directory>',
    `<Directory ${basicDir}>`,
    '  Dav On',
    '  AuthType Basic',
    `  AuthName "${realm}"`,
    `  AuthBasicProvider file`,
    `  AuthUserFile ${path.join(dir, 'basic.users')}`,
    '  Require valid-user',
    '</Directory>',
    '',
  ].join('\n');
  await writeFile(path.join(dir, 'httpd.conf'), conf);
  const child: ChildProcess = spawn(
    '/usr/sbin/apache2',
    ['-f', path.join(dir, 'httpd.conf'), '-DFOREGROUND'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const origin = `http://127.0.0.1:${port}`;
  // Apache prints nothing when it is ready; poll until it answers, or fail if it exits.
  const deadline = 60_000;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      const log = await readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
      await rm(dir, { recursive: true, force: true });
      throw new Error(`apache2 exited: ${output}${log}`);
    }
    try {
      const res = await fetch(`${origin}/digest/`);
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() - started > deadline) throw new Error(`apache2 did not answer: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    origin,
    user,
    password,
    digestDir,
    basicDir,
    async stop() {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
