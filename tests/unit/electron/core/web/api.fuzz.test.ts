import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers, type ApiService } from '../../../../../electron/core/api';
import { readLibrarySnapshot } from '../../../../../electron/core/library';
import { startWebHost, type WebHost } from '../../../../../electron/core/web';
import { scriptedDialogs, tempDir, treeContents } from '../api/helpers';

/**
 * API fuzzing through the real web host over HTTP: ≥ 10,000 generated requests — commands of the
 * right shape, the same with one field broken, wrong types, huge strings, deep nesting, unicode
 * edge cases (lone surrogates, NUL, RTL marks, emoji), unknown methods, bodies that are not JSON.
 * Every answer is a well-formed envelope, the host never fails, and the library on disk changes
 * only when a command was valid (and then equals what the host holds in memory).
 */
const WINDOWS = 100;
const PER_WINDOW = 100;

let host: WebHost;
let service: ApiService;
let libDir: string;

interface Answer {
  status: number;
  text: string;
}

function post(path: string, body: string, type = 'application/json'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: 'POST',
        headers: {
          host: `127.0.0.1:${host.port}`,
          authorization: `Bearer ${host.token}`,
          'content-type': type,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  const root = await tempDir('vitrine-fuzz-');
  libDir = join(root, 'lib');
  service = await createApiHandlers({
    appDataDir: join(root, 'appdata'),
    lang: 'en',
    dialogs: scriptedDialogs({ newLibrary: libDir }),
    transport: 'web',
    version: 'test',
    logError: () => undefined,
  });
  expect((await service.dispatch('library.createDialog', { name: 'Fuzz' })).ok).toBe(true);
  host = await startWebHost({ service, rendererDir: null, logError: () => undefined });
});

afterAll(async () => {
  await host?.close();
  await service?.close();
});

const edgeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\ud800',
    '\udfff',
    'a\u0000b',
    '\u202e‮evil',
    '👩‍👩‍👧‍👦',
    '\ufeff',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '   ',
    '',
  ),
  fc.integer({ min: 1000, max: 300_000 }).map((n) => 'x'.repeat(n)),
);
/** Deep nesting as JSON text (building it as a value would overflow the test's own stack). */
class Deep {
  constructor(readonly text: string) {}
}
const deep = fc
  .tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean())
  .map(([depth, asArray]) =>
    asArray
      ? new Deep(`${'['.repeat(depth)}1${']'.repeat(depth)}`)
      : new Deep(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );
/** JSON text of a request body; a Deep anywhere is put in as its raw text. */
function bodyText(input: unknown): string {
  const deeps: Deep[] = [];
  const text =
    JSON.stringify(input, (_k, v: unknown) => {
      if (v instanceof Deep) {
        deeps.push(v);
        return `__deep_${deeps.length - 1}__`;
      }
      return v;
    }) ?? '';
  return text.replace(/"__deep_(\d+)__"/g, (_m, i: string) => deeps[Number(i)]!.text);
}
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v ?? null) ?? 'null')),
  edgeText,
  deep,
);
const validItem = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), edgeText)
  .map(([id, title]) => ({
    type: 'putItem',
    item: { id, kind: 'image', title: { de: title.slice(0, 500) || 'x' } },
  }));
/** A valid command with one field replaced by junk: mostly invalid, sometimes still valid. */
const broken = fc
  .tuple(validItem, fc.constantFrom('type', 'item', 'id', 'kind', 'title', 'extra'), junk)
  .map(([cmd, field, value]) => {
    const copy = JSON.parse(JSON.stringify(cmd)) as Record<string, unknown> & {
      item: Record<string, unknown>;
    };
    if (field === 'type' || field === 'item' || field === 'extra') copy[field] = value;
    else copy.item[field] = value;
    return copy;
  });
const METHODS = [
  'library.apply',
  'library.apply',
  'library.apply',
  'library.snapshot',
  'session.state',
  'app.info',
  'exhibitions.checkForExport',
  'tasks.cancel',
];
const request = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...METHODS), junk) },
  {
    weight: 4,
    arbitrary: fc.tuple(
      fc.constant('library.apply'),
      fc
        .oneof(
          { weight: 1, arbitrary: validItem },
          { weight: 4, arbitrary: broken },
          { weight: 3, arbitrary: junk },
        )
        .map((command) => ({ command })),
    ),
  },
  // Method names stay below Node's 16 KB header limit: longer request lines are refused by
  // Node's HTTP parser (431, no body) before the host sees them.
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.oneof(
        edgeText.map((t) => t.slice(0, 2000)),
        fc.constant('library.nope'),
      ),
      junk,
    ),
  },
);
const rawBody = fc.oneof(
  fc.constant('{'),
  fc.constant('[1,2'),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constant('\u0000'),
);

/** Method names as a client sends them: plain when URL-safe, else every byte percent-encoded. */
const percentEncoded = (text: string) =>
  /^[A-Za-z0-9._-]+$/.test(text)
    ? text
    : [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

function checkEnvelope(answer: Answer, where: string) {
  let body: { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new Error(`${where}: not JSON (${answer.status}): ${answer.text.slice(0, 200)}`);
  }
  expect([200, 400, 404, 405, 413, 415], where).toContain(answer.status);
  if (body.ok === true) expect('value' in body, where).toBe(true);
  else {
    expect(body.ok, where).toBe(false);
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
    expect((body.error!.message as string).length, where).toBeGreaterThan(0);
    // INTERNAL would mean an unexpected throw somewhere: bad input must be told as bad input.
    expect(body.error!.code, where).not.toBe('INTERNAL');
  }
  return body.ok === true;
}

describe('API fuzzing through the web host', () => {
  it(`answers ${WINDOWS * PER_WINDOW} generated requests with envelopes and changes disk only for valid commands`, async () => {
    const seed = Number(process.env.VITRINE_FUZZ_SEED ?? Date.now() % 2 ** 31);
    const requests = fc.sample(request, { numRuns: WINDOWS * PER_WINDOW, seed });
    const raws = fc.sample(rawBody, { numRuns: WINDOWS, seed });
    let tree = await treeContents(libDir);
    let sent = 0;
    let accepted = 0;
    for (let w = 0; w < WINDOWS; w++) {
      let changed = false;
      for (let i = 0; i < PER_WINDOW - 1; i++) {
        const [method, input] = requests[w * PER_WINDOW + i]!;
        const where = `seed ${seed}, request ${w * PER_WINDOW + i} (${String(method).slice(0, 40)})`;
        const answer = await post(`/api/${percentEncoded(method)}`, bodyText(input));
        const ok = checkEnvelope(answer, where);
        if (ok && method === 'library.apply') {
          changed = true;
          accepted++;
        }
        sent++;
      }
      // One request per window that is no JSON at all, or not declared as JSON.
      const raw = raws[w]!;
      checkEnvelope(
        await post('/api/library.apply', raw, w % 2 ? 'text/plain' : 'application/json'),
        `raw ${w}`,
      );
      sent++;
      const now = await treeContents(libDir);
      if (!changed) expect(now, `seed ${seed}, window ${w}`).toEqual(tree);
      else {
        const snapshot = await service.dispatch('library.snapshot', {});
        expect(snapshot.ok).toBe(true);
        const disk = await readLibrarySnapshot(libDir);
        expect(disk.revision).toBe((snapshot as { value: { revision: number } }).value.revision);
        expect(disk.items).toEqual((snapshot as { value: { items: unknown } }).value.items);
      }
      tree = now;
    }
    expect(sent).toBeGreaterThanOrEqual(10_000);
    // The host still works: a valid command goes through.
    const final = await post(
      '/api/library.apply',
      JSON.stringify({
        command: {
          type: 'putItem',
          item: { id: 'after-fuzz', kind: 'image', title: { de: 'ok' } },
        },
      }),
    );
    expect(checkEnvelope(final, 'final')).toBe(true);
    expect(accepted).toBeGreaterThan(0);
    console.log(`api fuzz (seed ${seed}): ${sent} requests, ${accepted} valid commands applied`);
  }, 300_000);
});
