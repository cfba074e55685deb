import { cloud } from '../../repos/db';
import { AppError } from '../../runtime/errors';
import type { ExportFile, WorkbookSpec } from './spec';

/** The event another function sends the `export` function to render and store a workbook. */
export interface RenderEvent {
  action: 'render';
  data: { dir: string; spec: WorkbookSpec };
}

/**
 * Renders a workbook in the `export` function (the only bundle with the spreadsheet library) and
 * answers the stored file. The caller has already checked the permission; it writes the audit
 * entry [PRIV-07]. `dir`: the storage folder, e.g. reports/demo-branch.
 */
export async function renderElsewhere(dir: string, spec: WorkbookSpec): Promise<ExportFile> {
  const event: RenderEvent = { action: 'render', data: { dir, spec } };
  const res = (await cloud.callFunction({ name: 'export', data: event })) as {
    result?: { ok: boolean; data?: ExportFile; error?: { message?: string } };
  };
  const r = res.result;
  if (r?.ok && r.data) return r.data;
  throw new AppError('INTERNAL', `表格没有生成：${r?.error?.message ?? '导出服务没有应答'}`);
}
