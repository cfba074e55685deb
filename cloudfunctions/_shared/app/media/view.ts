import { mediaContract, MediaView } from '../../contracts/media';
import { mediaFilesByFileIds } from '../../repos/media';
import { action } from '../../runtime/handler';
import { pageUrls, standings, viewOf } from './support';

/**
 * What the caller may see of these files, with temporary URLs for those they see in full
 * [platform-notes §4, issue 15 §5]: per file `org.read` on its org (each org loaded once) and the
 * visibility rule. Files the caller may not see — of another environment or org, removed, risky
 * for others, unknown — are left out, in the order asked.
 */
export const view = action({
  input: mediaContract.view.input,
  async run(ctx, input): Promise<{ items: MediaView[] }> {
    const { member } = await ctx.caller();
    const docs = await mediaFilesByFileIds(input.fileIds);
    const byFileId = new Map(docs.map((d) => [d.fileId, d]));
    const standing = await standings(
      ctx,
      docs.filter((d) => d.uploadedBy !== member._id).map((d) => d.orgId),
    );
    const own = { read: true, moderator: false };
    const seen = [...new Set(input.fileIds)].flatMap((fileId) => {
      const doc = byFileId.get(fileId);
      if (!doc) return [];
      const s = standing.get(doc.orgId) ?? own;
      const v = viewOf(doc, { memberId: member._id, standing: s }, null);
      return v ? [{ doc, v, s }] : [];
    });
    const full = seen.filter((x) => x.v.visibility === 'full').map((x) => x.v.fileId);
    const { urls, expiresAt } = await pageUrls(ctx, full);
    const items = seen.map(({ doc, s }) => {
      const url = urls[doc.fileId!] ?? null;
      return viewOf(
        doc,
        { memberId: member._id, standing: s },
        {
          url,
          expiresAt: url ? expiresAt : null,
        },
      )!;
    });
    return { items };
  },
});
