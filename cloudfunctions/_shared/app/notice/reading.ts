import { noticeContract } from '../../contracts/notice';
import type { NoticeOutput } from '../../contracts/notice';
import { categoriesFor, maintainerOf, staleness } from '../../domain/notice/disclosure';
import { listRoleHolders } from '../../repos/members';
import {
  findNotice,
  latestNotice,
  listNotices,
  noticesOfMatter,
  readId,
  recordRead,
  versionsOf,
} from '../../repos/notices';
import { orNotFound } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { managedNoticeReads } from './support';

const iso = (d: Date) => new Date(d).toISOString();

/** The branch's notices, newest first, with whether the caller has opened each [DIS-15]. */
export const list = action({
  input: noticeContract.list.input,
  async run(ctx, input): Promise<NoticeOutput<'list'>> {
    const org = await ctx.require('org.read', input.orgId);
    const { member } = await ctx.caller();
    const notices = await listNotices(org._id, member._id, input.category);
    return notices.map((n) => ({
      id: n._id,
      category: n.category,
      title: n.title,
      publishedAt: iso(n.publishedAt),
      updatedAt: iso(n.updatedAt),
      version: n.version,
      stage: n.stage,
      matterId: n.matterId,
      read: n.read,
      audience: n.audience ?? 'branch',
      awaitingApproval: n.publicApproval?.status === 'pending',
    }));
  },
});

/** Opening a notice records the read (签阅 is optional, never penalised [DIS-15]). */
export const get = action({
  input: noticeContract.get.input,
  async run(ctx, input): Promise<NoticeOutput<'get'>> {
    const n = orNotFound(await findNotice(input.id), '公开事项');
    await ctx.require('org.read', n.orgId);
    const { member } = await ctx.caller();
    const [, versions, matter] = await Promise.all([
      recordRead({
        _id: readId(n._id, member._id),
        noticeId: n._id,
        orgId: n.orgId,
        memberId: member._id,
        at: ctx.now,
        publishedAt: n.publishedAt,
      }),
      versionsOf(n._id),
      n.matterId ? noticesOfMatter(n.orgId, n.matterId) : Promise.resolve([]),
    ]);
    return {
      id: n._id,
      orgId: n.orgId,
      category: n.category,
      title: n.title,
      body: n.body,
      attachments: n.attachments,
      version: n.version,
      history: versions.map((v) => ({
        version: v.version,
        title: v.title,
        editedAt: iso(v.editedAt),
      })),
      publishedAt: iso(n.publishedAt),
      updatedAt: iso(n.updatedAt),
      matterId: n.matterId,
      stage: n.stage,
      timeline: matter.map((m) => ({
        id: m._id,
        stage: m.stage ?? '',
        title: m.title,
        publishedAt: iso(m.publishedAt),
      })),
      read: true, // just recorded, or earlier
      audience: n.audience ?? 'branch',
      awaitingApproval: n.publicApproval?.status === 'pending',
      expiresOn: n.expiresOn,
      activityId: n.activityId ?? null,
    };
  },
});

/** Who has read a notice and who has not (签阅情况), for the committee and the maintainer. */
export const readers = action({
  input: noticeContract.readers.input,
  async run(ctx, input) {
    const { members, readAt: at } = await managedNoticeReads(ctx, input.id);
    return {
      read: members
        .filter((m) => at.has(m._id))
        .map((m) => ({ memberId: m._id, name: m.name, at: iso(at.get(m._id)!) })),
      unread: members.filter((m) => !at.has(m._id)).map((m) => ({ memberId: m._id, name: m.name })),
    };
  },
});

/** Categories, freshness and the named maintainer of a branch's 公开栏 [DIS-06, DIS-07]. */
export const status = action({
  input: noticeContract.status.input,
  async run(ctx, input) {
    const org = await ctx.require('org.read', input.orgId);
    const [latest, holders] = await Promise.all([latestNotice(org._id), listRoleHolders(org._id)]);
    const last = latest ? new Date(latest.updatedAt) : null;
    const s = staleness(last, ctx.now);
    const maintainer = maintainerOf(holders, org._id);
    const alert =
      s.level === 'ok'
        ? null
        : s.days === null
          ? '尚未发布党务公开内容'
          : `党务公开已${s.days}天未更新`;
    return {
      categories: categoriesFor(org.category),
      lastUpdatedAt: last ? last.toISOString() : null,
      days: s.days,
      alert,
      maintainer: maintainer?.name ?? null,
    };
  },
});
