import { randomUUID } from 'crypto';
import { noticeContract } from '../../contracts/notice';
import type { NoticeOut } from '../../contracts/notice';
import {
  categoriesFor,
  checkPersonalData,
  checkStage,
  Stage,
  staleness,
} from '../../domain/notice/disclosure';
import { thing } from '../../domain/activity/reminders';
import { _, db, findById, getAll, insertOnce, updatedCount } from '../../repos/db';
import { listOrgMembers } from '../../repos/members';
import { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { localMonth } from '../../domain/shared/time';
import { action } from '../../runtime/handler';
import { AppError, notFound, orThrow } from '../../runtime/errors';

export interface NoticeDoc {
  _id: string;
  orgId: string;
  category: string;
  title: string;
  body: string;
  attachments: { fileId: string; name: string }[];
  version: number;
  matterId: string | null;
  stage: Stage | null;
  expiresOn: string | null;
  publishedAt: Date;
  updatedAt: Date;
  publishedBy: string;
}

const DUTIES = ['disclosureMaintainer' as const];

/** Refuses full ID or mobile numbers [DIS-13], then asks the content-security check (msgSecCheck). */
async function checkContent(
  ctx: Ctx,
  title: string,
  body: string,
  attachments: { name: string }[],
): Promise<void> {
  orThrow(checkPersonalData(title, body, ...attachments.map((a) => a.name)));
  const verdict = await ctx.ports.contentCheck.check(`${title}\n${body}`, ctx.openid);
  if (!verdict.pass)
    throw new AppError(
      'CONTENT.REJECTED',
      `内容未通过安全检测${verdict.reason ? `：${verdict.reason}` : ''}，请修改后再发布`,
    );
}

/** Publishes a notice in one step, for the editor and for generated notices (dues). */
export async function publishNotice(
  ctx: Ctx,
  org: OrgDoc,
  n: {
    category: string;
    title: string;
    body: string;
    attachments?: { fileId: string; name: string }[];
    matterId?: string;
    stage?: Stage;
    expiresOn?: string;
  },
): Promise<string> {
  if (!categoriesFor(org.category).includes(n.category)) {
    throw new AppError('INPUT.INVALID', `公开类别应为：${categoriesFor(org.category).join('、')}`, {
      fields: ['category'],
      ruleId: 'DIS-01',
    });
  }
  const attachments = n.attachments ?? [];
  await checkContent(ctx, n.title, n.body, attachments);
  let matterId: string | null = null;
  if (n.stage) {
    matterId = n.matterId ?? null;
    const earlier = matterId
      ? await getAll<NoticeDoc>(
          db
            .collection('notices')
            .where({ orgId: org._id, matterId })
            .orderBy('publishedAt', 'asc'),
        )
      : [];
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
  await db.collection('notices').add({ data: doc });
  await db.collection('noticeVersions').add({
    data: {
      _id: `${id}:v1`,
      noticeId: id,
      version: 1,
      title: n.title,
      body: n.body,
      attachments,
      editedAt: ctx.now,
      editedBy: member._id,
    },
  });
  await ctx.audit({
    orgId: org._id,
    entity: 'notices',
    entityId: id,
    after: { category: n.category, title: n.title, stage: doc.stage },
  });
  return id;
}

/** 党务公开: the committee (or the 公开栏维护人) publishes to the branch [DIS-01 … DIS-03, DIS-13]. */
export const publish = action({
  input: noticeContract.publish.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId, DUTIES);
    return { id: await publishNotice(ctx, org, input) };
  },
});

/** An edit is a new version; the old one is kept and listed [DIS-14]. */
export const update = action({
  input: noticeContract.update.input,
  access: 'member',
  async run(ctx, input) {
    const notice = await findById<NoticeDoc>('notices', input.id);
    if (!notice) throw notFound('公开事项');
    await ctx.requireCommittee(notice.orgId, DUTIES);
    const next = {
      title: input.title ?? notice.title,
      body: input.body ?? notice.body,
      attachments: input.attachments ?? notice.attachments,
    };
    await checkContent(ctx, next.title, next.body, next.attachments);
    const version = notice.version + 1;
    const { member } = await ctx.caller();
    const claimed = await updatedCount(
      db
        .collection('notices')
        .where({ _id: notice._id, version: notice.version })
        .update({ data: { ...next, version, updatedAt: ctx.now } }),
    );
    if (claimed !== 1) throw new AppError('CONFLICT', '该公开事项刚被他人修改，请刷新后再改');
    await db.collection('noticeVersions').add({
      data: {
        _id: `${notice._id}:v${version}`,
        noticeId: notice._id,
        version,
        ...next,
        editedAt: ctx.now,
        editedBy: member._id,
        reason: input.reason ?? null,
      },
    });
    await ctx.audit({
      orgId: notice.orgId,
      entity: 'notices',
      entityId: notice._id,
      before: { title: notice.title, body: notice.body, version: notice.version },
      after: { ...next, version },
      reason: input.reason,
    });
    return { id: notice._id, version };
  },
});

export const list = action({
  input: noticeContract.list.input,
  access: 'member',
  async run(ctx, input) {
    await ctx.requireMember(input.orgId);
    const { member } = await ctx.caller();
    const where = input.category
      ? { orgId: input.orgId, category: input.category }
      : { orgId: input.orgId };
    const notices = await getAll<NoticeDoc>(
      db.collection('notices').where(where).orderBy('updatedAt', 'desc'),
      2000,
    );
    const reads = notices.length
      ? await getAll<{ noticeId: string }>(
          db
            .collection('noticeReads')
            .where({ _id: _.in(notices.map((n) => `${n._id}:${member._id}`)) })
            .orderBy('_id', 'asc'),
        )
      : [];
    const read = new Set(reads.map((r) => r.noticeId));
    return notices.map((n) => ({
      id: n._id,
      category: n.category,
      title: n.title,
      publishedAt: new Date(n.publishedAt).toISOString(),
      updatedAt: new Date(n.updatedAt).toISOString(),
      version: n.version,
      stage: n.stage,
      matterId: n.matterId,
      read: read.has(n._id),
    }));
  },
});

/** Opening a notice records the read (签阅 is optional, never penalised [DIS-15]). */
export const get = action({
  input: noticeContract.get.input,
  access: 'member',
  async run(ctx, input): Promise<NoticeOut> {
    const n = await findById<NoticeDoc>('notices', input.id);
    if (!n) throw notFound('公开事项');
    await ctx.requireMember(n.orgId);
    const { member } = await ctx.caller();
    await insertOnce('noticeReads', {
      _id: `${n._id}:${member._id}`,
      noticeId: n._id,
      orgId: n.orgId,
      memberId: member._id,
      at: ctx.now,
      publishedAt: n.publishedAt,
    });
    const [versions, matter] = await Promise.all([
      getAll<{ version: number; title: string; editedAt: Date }>(
        db.collection('noticeVersions').where({ noticeId: n._id }).orderBy('version', 'desc'),
      ),
      n.matterId
        ? getAll<NoticeDoc>(
            db
              .collection('notices')
              .where({ orgId: n.orgId, matterId: n.matterId })
              .orderBy('publishedAt', 'asc'),
          )
        : Promise.resolve([]),
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
        editedAt: new Date(v.editedAt).toISOString(),
      })),
      publishedAt: new Date(n.publishedAt).toISOString(),
      updatedAt: new Date(n.updatedAt).toISOString(),
      matterId: n.matterId,
      stage: n.stage,
      timeline: matter.map((m) => ({
        id: m._id,
        stage: m.stage ?? '',
        title: m.title,
        publishedAt: new Date(m.publishedAt).toISOString(),
      })),
      read: true, // just recorded (or earlier: readNow is false then)
    };
  },
});

export const readers = action({
  input: noticeContract.readers.input,
  access: 'member',
  async run(ctx, input) {
    const n = await findById<NoticeDoc>('notices', input.id);
    if (!n) throw notFound('公开事项');
    await ctx.requireCommittee(n.orgId, DUTIES);
    const [members, reads] = await Promise.all([
      listOrgMembers(n.orgId),
      getAll<{ memberId: string; at: Date }>(
        db.collection('noticeReads').where({ noticeId: n._id }).orderBy('_id', 'asc'),
      ),
    ]);
    const at = new Map(reads.map((r) => [r.memberId, r.at]));
    return {
      read: members
        .filter((m) => at.has(m._id))
        .map((m) => ({
          memberId: m._id,
          name: m.name,
          at: new Date(at.get(m._id)!).toISOString(),
        })),
      unread: members.filter((m) => !at.has(m._id)).map((m) => ({ memberId: m._id, name: m.name })),
    };
  },
});

/** One reminder per notice to each unread member who granted consent [PRIV-10]. */
export const remindUnread = action({
  input: noticeContract.remindUnread.input,
  access: 'member',
  async run(ctx, input) {
    const n = await findById<NoticeDoc>('notices', input.id);
    if (!n) throw notFound('公开事项');
    await ctx.requireCommittee(n.orgId, DUTIES);
    const templateId = ctx.ports.templateId('noticePublished');
    const reads = new Set(
      (
        await getAll<{ memberId: string }>(
          db.collection('noticeReads').where({ noticeId: n._id }).orderBy('_id', 'asc'),
        )
      ).map((r) => r.memberId),
    );
    let sent = 0;
    let noConsent = 0;
    for (const m of await listOrgMembers(n.orgId)) {
      if (reads.has(m._id) || !m.openid || !templateId) continue;
      const logId = `notice:${n._id}:${m._id}`;
      if (
        !(await insertOnce('reminderLog', {
          _id: logId,
          noticeId: n._id,
          memberId: m._id,
          at: ctx.now,
        }))
      )
        continue;
      const quota = db
        .collection('subscriptionQuotas')
        .where({ _id: `${m._id}:noticePublished`, count: _.gt(0) });
      if ((await updatedCount(quota.update({ data: { count: _.inc(-1) } }))) === 0) {
        await db.collection('reminderLog').doc(logId).remove();
        noConsent += 1;
        continue;
      }
      await ctx.ports.messenger.send({
        touser: m.openid,
        templateId,
        page: `subpackages/notice/detail/index?id=${n._id}`,
        data: { thing1: { value: thing(n.title) }, thing2: { value: thing(n.category) } },
      });
      sent += 1;
    }
    return { sent, noConsent };
  },
});

/** Categories, freshness and the named maintainer of a branch's 公开栏 [DIS-06, DIS-07]. */
export const status = action({
  input: noticeContract.status.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireMember(input.orgId);
    const latest = (await db
      .collection('notices')
      .where({ orgId: org._id })
      .orderBy('updatedAt', 'desc')
      .limit(1)
      .get()) as unknown as { data: NoticeDoc[] };
    const last = latest.data[0] ? new Date(latest.data[0].updatedAt) : null;
    const s = staleness(last, ctx.now);
    const maintainer = (await listOrgMembers(org._id)).find((m) =>
      m.roles.some((r) => r.orgId === org._id && r.role === 'disclosureMaintainer'),
    );
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

/** Months of a year in which the branch published or updated a disclosure [FORT-12, DIS-07]. */
export async function disclosureMonths(orgId: string, year: number): Promise<number> {
  const notices = await getAll<NoticeDoc>(
    db.collection('notices').where({ orgId }).orderBy('_id', 'asc'),
    5000,
  );
  const months = new Set(
    notices
      .flatMap((n) => [n.publishedAt, n.updatedAt])
      .map((d) => localMonth(d))
      .filter((m) => m.startsWith(String(year))),
  );
  return months.size;
}
