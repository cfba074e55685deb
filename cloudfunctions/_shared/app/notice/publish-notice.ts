/**
 * Publishing a notice as a use-case step, shared by the editor's `notice.publish` and by
 * generated notices (the dues publication). The caller has already checked its permission.
 */
import { randomUUID } from 'crypto';
import {
  categoriesFor,
  checkPersonalData,
  checkStage,
  Stage,
} from '../../domain/notice/disclosure';
import { Attachment, insertNotice, NoticeDoc, noticesOfMatter } from '../../repos/notices';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError, orThrow } from '../../runtime/errors';

/** Refuses full ID or mobile numbers [DIS-13], then asks the content-security check (msgSecCheck). */
export async function checkContent(
  ctx: Ctx,
  title: string,
  body: string,
  attachments: readonly { name: string }[],
): Promise<void> {
  orThrow(checkPersonalData(title, body, ...attachments.map((a) => a.name)));
  const verdict = await ctx.ports.contentCheck.check(`${title}\n${body}`, ctx.openid);
  if (!verdict.pass)
    throw new AppError(
      'CONTENT.REJECTED',
      `内容未通过安全检测${verdict.reason ? `：${verdict.reason}` : ''}，请修改后再发布`,
    );
}

export interface NewNotice {
  category: string;
  title: string;
  body: string;
  attachments?: Attachment[];
  matterId?: string;
  stage?: Stage;
  expiresOn?: string;
}

/**
 * Publishes a notice in one step [DIS-01 … DIS-03, DIS-13]: its category must be one the branch
 * discloses, a stage must follow the earlier stages of its matter, and the content must pass.
 */
export async function publishNotice(ctx: Ctx, org: OrgDoc, n: NewNotice): Promise<string> {
  const categories = categoriesFor(org.category);
  if (!categories.includes(n.category)) {
    throw new AppError('INPUT.INVALID', `公开类别应为：${categories.join('、')}`, {
      fields: ['category'],
      ruleId: 'DIS-01',
    });
  }
  const attachments = n.attachments ?? [];
  await checkContent(ctx, n.title, n.body, attachments);
  const matterId = n.stage ? (n.matterId ?? null) : null;
  if (n.stage) {
    const earlier = matterId ? await noticesOfMatter(org._id, matterId) : [];
    if (matterId && !earlier.length) throw new AppError('NOT_FOUND', '关联的事项不存在');
    orThrow(
      checkStage(
        n.stage,
        earlier.map((e) => e.stage as Stage),
      ),
    );
  }
  const { member } = await ctx.caller();
  const id = randomUUID().replace(/-/g, '');
  const doc: NoticeDoc = {
    _id: id,
    orgId: org._id,
    category: n.category,
    title: n.title,
    body: n.body,
    attachments,
    version: 1,
    matterId: n.stage ? (matterId ?? id) : null,
    stage: n.stage ?? null,
    expiresOn: n.expiresOn ?? null,
    publishedAt: ctx.now,
    updatedAt: ctx.now,
    publishedBy: member._id,
  };
  const first = {
    _id: `${id}:v1`,
    noticeId: id,
    version: 1,
    title: n.title,
    body: n.body,
    attachments,
    editedAt: ctx.now,
    editedBy: member._id,
  };
  await ctx.write(async (tx) => {
    await insertNotice(doc, first, tx);
    const after = { category: n.category, title: n.title, stage: doc.stage };
    return { audit: { org, entity: 'notices', entityId: id, after } };
  });
  return id;
}
