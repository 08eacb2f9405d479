import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportExhibition } from '../electron/core/export';
import { openLibrary } from '../electron/core/library';
import {
  createKnownHosts,
  openRemote,
  parsePublishTarget,
  syncBundle,
} from '../electron/core/publish';
import { buildSampleLibrary } from '../electron/core/sample';
import { startSshd } from '../tests/servers/sshd';
import type { Figure } from './report';

const SAMPLE_SLUG = '50-jahre-dortmund-leeds';

export interface PublishBenchOptions {
  outDir: string;
  log: (s: string) => void;
}

/**
 * Issue 15 figures against a real local sshd (started like the tests start it): publishing the
 * sample web bundle to an empty folder, re-publishing it unchanged, and the number of files sent
 * after one quote block is edited. The export itself is not timed here (the export bench has it).
 */
export async function benchPublish({ outDir, log }: PublishBenchOptions): Promise<Figure[]> {
  const work = await mkdtemp(join(os.tmpdir(), 'vitrine-bench-publish-'));
  const server = await startSshd();
  try {
    const libDir = join(outDir, 'publish-sample', 'library');
    if (!existsSync(join(outDir, 'publish-sample', '.complete'))) {
      await rm(join(outDir, 'publish-sample'), { recursive: true, force: true });
      log('  building the sample library …\n');
      await buildSampleLibrary(libDir);
      await writeFile(join(outDir, 'publish-sample', '.complete'), '');
    }
    // The edit below changes the library; restore the quote each run so runs compare.
    const bundle = async (name: string) => {
      const out = join(work, name);
      await exportExhibition({
        libraryDir: libDir,
        exhibition: SAMPLE_SLUG,
        mode: 'web',
        outDir: out,
      });
      return out;
    };
    const quote = async (suffix: string) => {
      const lib = await openLibrary(libDir);
      try {
        const x = lib.snapshot().exhibitions.find((e) => e.slug === SAMPLE_SLUG)!;
        const edited = structuredClone(x);
        for (const ch of edited.chapters)
          for (const b of ch.blocks)
            if (b.type === 'quote' && b.text.de)
              b.text = { ...b.text, de: b.text.de.replace(/ \[bench[^\]]*\]$/, '') + suffix };
        await lib.apply({ type: 'putExhibition', exhibition: edited });
      } finally {
        await lib.close();
      }
    };
    await quote('');
    const first = await bundle('v1');
    const target = parsePublishTarget(
      `sftp://${server.user}@127.0.0.1:${server.port}${server.siteDir}/sample`,
    );
    const hosts = createKnownHosts(join(work, 'known_hosts.json'));
    const publish = async (dir: string) => {
      const t0 = performance.now();
      const remote = await openRemote(target, {
        credentials: { password: server.password },
        knownHosts: hosts,
        confirmHostKey: async () => true,
      });
      try {
        const result = await syncBundle({ localDir: dir, remote });
        return { ms: performance.now() - t0, result };
      } finally {
        await remote.close();
      }
    };
    log('  publishing the sample web bundle to a local sshd …\n');
    const cold = await publish(first);
    const unchanged = await publish(first);
    await quote(' [bench edit]');
    const second = await bundle('v2');
    const edit = await publish(second);
    await quote('');
    log(
      `  first publish ${cold.result.uploaded.length} files, unchanged ${unchanged.result.uploaded.length}, after edit ${edit.result.uploaded.length} (${edit.result.uploaded.join(', ')})\n`,
    );
    return [
      {
        name: 'publish sample bundle over SFTP (first)',
        value: cold.ms / 1000,
        unit: 's',
        target: 10,
        better: 'lower',
      },
      {
        name: 'publish sample bundle over SFTP (unchanged)',
        value: unchanged.ms / 1000,
        unit: 's',
        target: 2,
        better: 'lower',
      },
      {
        name: 'files uploaded after a one-block edit',
        value: edit.result.uploaded.length,
        unit: 'files',
        target: 10,
        better: 'lower',
      },
    ];
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}
