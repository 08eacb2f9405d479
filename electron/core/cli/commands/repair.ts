import { applyRepairs, planRepairs, type RepairKind } from '../../repair';
import { t, type CliContext } from '../context';

const LABEL: Record<RepairKind, { de: string; en: string }> = {
  'dangling-reference': { de: 'Verweis', en: 'reference' },
  'orphaned-media': { de: 'Mediendatei', en: 'media file' },
  thumbnail: { de: 'Vorschaubild', en: 'thumbnail' },
  'temp-file': { de: 'Temporärdatei', en: 'temp file' },
};

/**
 * `vitrine check DIR --repair [--apply]`: lists every repair; only `--apply` carries them out.
 * Exit 0 when nothing needs repair or all were applied, 1 when a dry run found repairs.
 */
export async function runRepair(
  dir: string,
  opts: { apply?: boolean; json?: boolean },
  ctx: CliContext,
): Promise<void> {
  const plan = await planRepairs(dir);
  if (opts.apply && plan.repairs.length) await applyRepairs(dir, plan);
  ctx.exitCode = plan.repairs.length && !opts.apply ? 1 : 0;
  if (opts.json) {
    ctx.stdout(
      `${JSON.stringify(
        {
          applied: Boolean(opts.apply),
          repairs: plan.repairs.map((r) => ({
            kind: r.kind,
            target: r.target,
            action: r.action[ctx.lang],
          })),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  for (const r of plan.repairs)
    ctx.stdout(`[${LABEL[r.kind][ctx.lang]}] ${r.target}: ${r.action[ctx.lang]}\n`);
  const n = plan.repairs.length;
  ctx.stdout(
    n === 0
      ? t(ctx, 'Nichts zu reparieren.\n', 'Nothing to repair.\n')
      : opts.apply
        ? t(ctx, `${n} Reparaturen ausgeführt.\n`, `${n} repairs applied.\n`)
        : t(
            ctx,
            `${n} Reparaturen möglich (Probelauf). Mit --apply ausführen.\n`,
            `${n} repairs possible (dry run). Run with --apply to carry them out.\n`,
          ),
  );
}
