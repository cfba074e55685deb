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
import {
  Audience,
  calendarLookup,
  DEVELOPMENT_CATEGORY,
  devNoticeAlert,
  fiveStageRefusal,
  FiveStageTypes,
  MatterKind,
  noticeEnd,
} from '../../domain/notice/rules';
import { settingOf } from '../../domain/org/settings';
import type { Alert } from '../../domain/shared/result';
import { localDate } from '../../domain/shared/time';
import { calendarOf } from '../../repos/calendars';
import { Attachment, insertNotice, NoticeDoc, noticesOfMatter } from '../../repos/notices';
import type { Tx } from '../../repos/db';
import type { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError, orThrow } from '../../runtime/errors';
import { acceptAttachments, markAttached } from '../media/attach';

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

/**
 * A notice's attachments are files uploaded for its branch (`MEDIA.FOREIGN` otherwise), checked
 * by the media area before anything is written [DIS, MTG-21]; `previous` are the current
 * version's. Nothing read when there are none.
 */
export async function acceptNoticeFiles(
  ctx: Ctx,
  orgId: string,
  next: readonly Attachment[],
  previous: readonly Attachment[] = [],
): Promise<void> {
  if (!next.length && !previous.length) return;
  await acceptAttachments(ctx, {
    orgId,
    purpose: 'notice',
    fileIds: next.map((a) => a.fileId),
    previous: previous.map((a) => a.fileId),
  });
}

/**
 * Inside the notice's write: its files are attached to it and locked, since every version is
 * kept and an older one still shows a file a later one left out [DIS-14] — so nothing is detached.
 */
export async function markNoticeFiles(
  noticeId: string,
  next: readonly Attachment[],
  previous: readonly Attachment[],
  tx: Tx,
): Promise<void> {
  const before = previous.map((a) => a.fileId);
  const all = [...new Set([...before, ...next.map((a) => a.fileId)])];
  if (all.length)
    await markAttached(
      { kind: 'notice', id: noticeId },
      all,
      { previous: before, locked: true, keptLocked: true },
      tx,
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
  matterKind?: MatterKind;
  audience?: Audience;
  activityId?: string;
}

export interface Published {
  id: string;
  /** The 公示's last day: given, or the branch's working days from today [DIS-10]. */
  expiresOn: string | null;
  /** Soft rules the item does not meet (a 公示 too short [DIS-10]). */
  alerts: Alert[];
  /** A public item waits for the 书记's approval unless they published it [DIS-12]. */
  audience: Audience;
  awaitingApproval: boolean;
}

/**
 * A development 公示 lasts the branch's working days [DIS-10]: without an end date it gets one;
 * a shorter one is published with an alert. Working days come from the holiday calendar.
 */
async function devNotice(ctx: Ctx, org: OrgDoc, expiresOn?: string) {
  const today = localDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const [own, next] = await Promise.all([calendarOf(org, year), calendarOf(org, year + 1)]);
  const cal = calendarLookup({ [year]: own, [year + 1]: next });
  const workdays = settingOf(org, 'dis.devNoticeWorkdays');
  if (!expiresOn) return { expiresOn: noticeEnd(today, workdays, cal), alerts: [] };
  const alert = devNoticeAlert(today, expiresOn, workdays, cal);
  return { expiresOn, alerts: alert ? [alert] : [] };
}

/**
 * Publishes a notice in one step [DIS-01 … DIS-03, DIS-13]: its category must be one the branch
 * discloses, a stage must follow the earlier stages of its matter, and the content must pass.
 */
export async function publishNotice(ctx: Ctx, org: OrgDoc, n: NewNotice): Promise<Published> {
  const categories = categoriesFor(org.category);
  if (!categories.includes(n.category)) {
    throw new AppError('INPUT.INVALID', `公开类别应为：${categories.join('、')}`, {
      fields: ['category'],
      ruleId: 'DIS-01',
    });
  }
  if (n.activityId && !settingOf(org, 'dis.postMeetingRecords'))
    throw new AppError(
      'INPUT.INVALID',
      '本支部未开启在党务公开栏公开“三会一课”记录，请由书记在支部设置中开启',
      { ruleId: 'DIS-16', fields: ['activityId'] },
    );
  const fiveStage = fiveStageRefusal(n, settingOf(org, 'dis.fiveStageTypes') as FiveStageTypes);
  if (fiveStage) throw AppError.from(fiveStage);
  const attachments = n.attachments ?? [];
  await checkContent(ctx, n.title, n.body, attachments);
  await acceptNoticeFiles(ctx, org._id, attachments);
  const term =
    n.category === DEVELOPMENT_CATEGORY
      ? await devNotice(ctx, org, n.expiresOn)
      : { expiresOn: n.expiresOn ?? null, alerts: [] };
  const audience = n.audience ?? (settingOf(org, 'dis.scope') as Audience);
  const approvedNow = audience === 'public' && (await ctx.may('org.configure', org));
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
    expiresOn: term.expiresOn,
    publishedAt: ctx.now,
    updatedAt: ctx.now,
    publishedBy: member._id,
    matterKind: n.matterKind ?? null,
    audience,
    publicApproval:
      audience !== 'public'
        ? null
        : approvedNow
          ? { status: 'approved', by: member._id, at: ctx.now }
          : { status: 'pending', by: null, at: null },
    activityId: n.activityId ?? null,
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
    await markNoticeFiles(id, attachments, [], tx);
    const after = { category: n.category, title: n.title, stage: doc.stage, audience };
    return { audit: { org, entity: 'notices', entityId: id, after } };
  });
  return {
    id,
    expiresOn: term.expiresOn,
    alerts: term.alerts,
    audience,
    awaitingApproval: doc.publicApproval?.status === 'pending',
  };
}
