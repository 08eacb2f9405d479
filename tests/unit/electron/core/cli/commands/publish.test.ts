import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  registerPublish,
  type PublishDeps,
} from '../../../../../../electron/core/cli/commands/publish';
import type { CliContext } from '../../../../../../electron/core/cli/context';
import { createLibrary, openLibrary } from '../../../../../../electron/core/library';
import { MANIFEST_NAME } from '../../../../../../electron/core/publish';
import type { Exhibition } from '../../../../../../shared/domain';
import { AppError } from '../../../../../../shared/errors';
import { startSshd, type SshdServer } from '../../../../../servers/sshd';
import { makeLibrary } from '../../export/library-fixture';
import { cliContext, tempDirs } from './harness';

/** `vitrine publish` in-process against a real sshd, on a library written by the store. */
let server: SshdServer;
let libDir: string;
let exhibition: Exhibition;
const temp = tempDirs('vitrine-cli-publish-');

beforeAll(async () => {
  server = await startSshd();
  const fixture = await makeLibrary();
  libDir = path.join(await temp(), 'library');
  const library = await createLibrary(libDir, {
    name: 'Test',
    languages: ['de', 'en', 'ar'],
    defaultLanguage: 'de',
  });
  const { items, partnerships, awards, exhibitions } = fixture.snapshot;
  exhibition = exhibitions[0]!;
  await library.apply({
    type: 'batch',
    commands: [
      ...items.map((item) => ({ type: 'putItem' as const, item })),
      ...partnerships.map((partnership) => ({ type: 'putPartnership' as const, partnership })),
      ...awards.map((award) => ({ type: 'putAward' as const, award })),
      ...exhibitions.map((x) => ({ type: 'putExhibition' as const, exhibition: x })),
    ],
  });
  await library.close();
  await cp(path.join(fixture.dir, 'media'), path.join(libDir, 'media'), { recursive: true });
  await rm(fixture.dir, { recursive: true, force: true });
});
afterAll(async () => {
  await server?.stop();
});

async function run(ctx: CliContext, args: string[], deps: PublishDeps): Promise<void> {
  const p = new Command('vitrine')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  registerPublish(p, ctx, deps);
  await p.parseAsync(['publish', ...args], { from: 'user' });
}

describe('vitrine publish', () => {
  it('lists changes in a dry run, publishes, re-publishes nothing and sends little after a one-block edit', async () => {
    const config = await temp();
    const deps: PublishDeps = {
      env: { VITRINE_PUBLISH_PASSWORD: server.password, XDG_CONFIG_HOME: config },
    };
    const to = `sftp://${server.user}@127.0.0.1:${server.port}${server.siteDir}/cli`;
    const base = [libDir, '--exhibition', '50-jahre-dortmund-leeds', '--to', to, '--lang', 'de,en'];

    // A new server and no terminal to ask on: refused, with the fingerprint to confirm.
    const refused = cliContext('en');
    const err = await run(refused.ctx, base, deps).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PUBLISH_HOST_KEY_UNKNOWN');
    const fp = /--host-key (SHA256:[A-Za-z0-9+/]+)/.exec((err as AppError).messages.en)![1]!;

    const dry = cliContext('en');
    await run(dry.ctx, [...base, '--dry-run', '--host-key', fp], deps);
    expect(dry.out()).toContain('+ index.html');
    expect(dry.out()).toMatch(/Dry run for .*: \d+ files would be uploaded/);
    await expect(readFile(path.join(server.siteDir, 'cli', 'index.html'))).rejects.toThrow();

    // The fingerprint is remembered in the user's config folder: no --host-key needed now.
    const first = cliContext('de');
    await run(first.ctx, base, deps);
    expect(first.out()).toMatch(
      /^Veröffentlicht auf sftp:.*: (\d+) Dateien hochgeladen, 0 gelöscht/,
    );
    expect(first.err()).toMatch(/Veröffentlichen 100%/);
    const html = await readFile(path.join(server.siteDir, 'cli', 'de', 'index.html'), 'utf8');
    expect(html).toContain('50 Jahre Dortmund');
    const manifest = JSON.parse(
      await readFile(path.join(server.siteDir, 'cli', MANIFEST_NAME), 'utf8'),
    );
    expect(manifest.complete).toBe(true);
    expect(await readFile(path.join(config, 'vitrine', 'known_hosts.json'), 'utf8')).toContain(fp);

    const again = cliContext('en');
    await run(again.ctx, base, deps);
    expect(again.out()).toMatch(/: 0 files uploaded, 0 deleted/);

    // One quote block edited in the library.
    const lib = await openLibrary(libDir);
    const edited = structuredClone(exhibition);
    const block = edited.chapters[0]!.blocks.find((b) => b.type === 'quote')!;
    if (block.type === 'quote') block.text = { ...block.text, de: 'Freundschaft hält' };
    await lib.apply({ type: 'putExhibition', exhibition: edited });
    await lib.close();
    const edit = cliContext('en');
    await run(edit.ctx, base, deps);
    const uploaded = Number(/: (\d+) files uploaded/.exec(edit.out())![1]);
    expect(uploaded).toBeGreaterThan(0);
    expect(uploaded).toBeLessThanOrEqual(10);
    const held = JSON.parse(
      await readFile(path.join(server.siteDir, 'cli', MANIFEST_NAME), 'utf8'),
    );
    expect(Object.keys(held.files).length).toBeGreaterThan(uploaded);
    expect(await readFile(path.join(server.siteDir, 'cli', 'de', 'index.html'), 'utf8')).toBe(html);
  });

  it('says which variables to set when there is no secret and no terminal', async () => {
    const ctx = cliContext('en');
    const to = `sftp://${server.user}@127.0.0.1:${server.port}${server.siteDir}/nosecret`;
    const err = await run(
      ctx.ctx,
      [libDir, '--exhibition', '50-jahre-dortmund-leeds', '--to', to],
      { env: {} },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as AppError).code).toBe('PUBLISH_AUTH_FAILED');
    expect((err as AppError).messages.en).toContain('VITRINE_PUBLISH_PASSWORD');
    expect((err as AppError).messages.de).toContain('VITRINE_SSH_KEY');
  });
});
