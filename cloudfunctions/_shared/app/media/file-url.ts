import { mediaContract } from '../../contracts/media';
import { parseFileId } from '../../domain/media/rules';
import { findMediaFileByFileId } from '../../repos/media';
import type { Ctx } from '../../runtime/context';
import { AppError, notFound } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { activityRunner } from '../activity/queries';
import { EXPORT_AREAS, generatedPathOf, GeneratedPath } from './paths';
import { pageUrls, standings, viewOf } from './support';

const gone = () => notFound('文件');

/**
 * A temporary URL of one file, after the same check as the action that made it [issue 15 §5]:
 * an export by its folder's permission (app/media/paths.ts), a printed code for whoever runs the
 * activity or holds `activity.manage`, an upload as `media.view` shows it (in full only).
 * Anything else — another environment, an unknown path — is NOT_FOUND.
 */
export const fileUrl = action({
  input: mediaContract.fileUrl.input,
  async run(ctx, input): Promise<{ url: string; expiresAt: string }> {
    const parsed = parseFileId(input.fileId);
    if (!parsed || parsed.env !== ctx.ports.files.envId()) throw gone();
    const generated = generatedPathOf(parsed.path);
    if (generated) await mayReadGenerated(ctx, generated);
    else await mayReadUpload(ctx, input.fileId);
    const { urls, expiresAt } = await pageUrls(ctx, [input.fileId]);
    const url = urls[input.fileId];
    if (!url) throw gone();
    return { url, expiresAt };
  },
});

async function mayReadGenerated(ctx: Ctx, g: GeneratedPath): Promise<void> {
  const { member } = await ctx.caller();
  if (g.kind === 'code') {
    const runner = await activityRunner(g.activityId, member._id);
    if (!runner || runner.orgId !== g.orgId) throw gone();
    if (!runner.runs) await ctx.require('activity.manage', g.orgId);
    return;
  }
  const area = EXPORT_AREAS[g.area];
  if (area.permission === null) {
    // A member's own form: theirs alone.
    if (g.subject !== member._id) throw new AppError('AUTH.FORBIDDEN', '只能查看自己的登记表');
    return;
  }
  await ctx.require(area.permission, g.orgId, g.subject ? { subject: g.subject } : {});
}

async function mayReadUpload(ctx: Ctx, fileId: string): Promise<void> {
  const { member } = await ctx.caller();
  const doc = await findMediaFileByFileId(fileId);
  if (!doc) throw gone();
  const mine = doc.uploadedBy === member._id;
  const standing = mine
    ? { read: true, moderator: false }
    : (await standings(ctx, [doc.orgId])).get(doc.orgId)!;
  const view = viewOf(doc, { memberId: member._id, standing }, null);
  if (!view || view.visibility !== 'full') throw gone();
}
