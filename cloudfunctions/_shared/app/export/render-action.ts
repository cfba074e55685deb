import { z } from 'zod';
import type { Ports } from '../../ports';
import { AppError, Envelope } from '../../runtime/errors';
import { ports } from '../../runtime/platform';
import type { RenderEvent } from './remote';
import { renderWorkbook } from './render';
import type { ExportFile, WorkbookSpec } from './spec';

const cell = z.union([z.string(), z.number(), z.null()]);
const spec = z.object({
  fileName: z
    .string()
    .min(6)
    .max(120)
    .regex(/\.xlsx$/),
  sheets: z
    .array(
      z.object({
        name: z.string().min(1).max(40),
        title: z.string().max(200),
        subtitle: z.string().max(200).optional(),
        columns: z
          .array(z.object({ header: z.string(), width: z.number(), wrap: z.boolean().optional() }))
          .min(1)
          .max(60),
        rows: z.array(z.array(cell).max(60)).max(20_000),
        notes: z.array(z.string().max(500)).max(20).optional(),
        landscape: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(10),
});
/** Only under an org's exports folder (app/media/paths.ts exportDir): nowhere clients upload. */
const input = z.object({
  dir: z.string().regex(/^orgs\/[\w-]+\/exports\/[\w-]+(\/[\w-]+)*$/),
  spec,
});

export const isRender = (event: unknown): event is RenderEvent =>
  (event as { action?: unknown } | null)?.action === 'render';

/**
 * Another function's call (`cloud.callFunction`): SOURCE ends in `scf` when a function calls a
 * function; the emulator's function-to-function calls come without an OPENID. A mini-program
 * calling `render` itself is refused: it could store files that look like the branch's 台账.
 */
function fromFunction(p: Ports): boolean {
  const chain = (p.identity.source() ?? '').split(',');
  return chain.includes('scf') || !p.identity.openid();
}

/** `export.render`: a workbook spec from another function, stored under `dir`, as a file. */
export async function render(event: RenderEvent): Promise<Envelope<ExportFile>> {
  const p = ports();
  try {
    if (!fromFunction(p)) throw new AppError('AUTH.FORBIDDEN', '表格只能由系统生成');
    const parsed = input.safeParse(event.data);
    if (!parsed.success) throw new AppError('INPUT.INVALID', '表格内容不完整，没有生成');
    return { ok: true, data: await store(p, parsed.data.dir, parsed.data.spec) };
  } catch (err) {
    if (err instanceof AppError)
      return { ok: false, error: { code: err.code, message: err.message } };
    console.error('[export.render]', err);
    return { ok: false, error: { code: 'INTERNAL', message: '表格没有生成，请稍后再试' } };
  }
}

/** Renders and stores a workbook: `<dir>/<time-random>/<Chinese file name>`. */
export async function store(p: Ports, dir: string, s: WorkbookSpec): Promise<ExportFile> {
  const bytes = await renderWorkbook(s);
  const stamp = `${p.clock.now().getTime().toString(36)}${Buffer.from(p.random(3)).toString('hex')}`;
  const fileId = await p.files.put(`${dir}/${stamp}/${s.fileName}`, bytes);
  return { fileId, fileName: s.fileName };
}
