import { randomUUID } from 'crypto';
import { activityContract } from '../../contracts/activity';
import type {
  ActivityDetail,
  ActivitySummary,
  AttendanceStatus,
  ScheduleRule,
} from '../../contracts/activity';
import { checkinWindow, countStatuses } from '../../domain/activity/attendance';
import { yearPlan } from '../../domain/activity/schedule';
import { COMMITTEE_ROLES } from '../../domain/org/model';
import { localInstant } from '../../domain/shared/time';
import {
  ActivityDoc,
  attendanceId,
  AttendanceDoc,
  attendanceOf,
  findAttendance,
  findLeave,
  listActivities,
  updateActivity,
} from '../../repos/activities';
import { _, db, findById, getAll, insertOnce } from '../../repos/db';
import { findMember, listOrgMembers } from '../../repos/members';
import { OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { action } from '../../runtime/handler';
import { updateOrgSetting } from '../org/settings';
import { AppError } from '../../runtime/errors';
import { canManage, expectedMembers, loadActivity, requireManage, requireViewer } from './access';

const DAY = 86400_000;

export function summary(a: ActivityDoc): ActivitySummary {
  return {
    id: a._id,
    orgId: a.orgId,
    type: a.type,
    title: a.title,
    startAt: new Date(a.startAt).toISOString(),
    endAt: new Date(a.endAt).toISOString(),
    place: a.place,
    onlineUrl: a.onlineUrl,
    allowRemote: a.allowRemote,
    agenda: a.agenda,
    status: a.status,
    lateRegistration: a.lateRegistration,
  };
}

async function insertActivity(
  ctx: Ctx,
  org: OrgDoc,
  doc: Omit<
    ActivityDoc,
    'orgId' | 'status' | 'closedAt' | 'record' | 'amendments' | 'createdAt' | 'createdBy'
  >,
): Promise<boolean> {
  const { member } = await ctx.caller();
  const full: ActivityDoc = {
    ...doc,
    orgId: org._id,
    status: 'planned',
    closedAt: null,
    record: null,
    amendments: [],
    createdAt: ctx.now,
    createdBy: member._id,
  };
  return insertOnce('activities', full as never);
}

/**
 * Creates an activity before it happens. A record created after its scheduled end is refused
 * unless it is registered as late with a reason, marked as such everywhere and counted only
 * once the superior approves [MTG-17, MTG-18]. The recorder defaults to the 组织委员 [MTG-16].
 */
export const create = action({
  input: activityContract.create.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId);
    const startAt = new Date(input.startAt);
    const endAt = new Date(input.endAt);
    if (+endAt < +ctx.now && !input.lateReason) {
      throw new AppError(
        'ACTIVITY.BACKFILL',
        '活动已结束，不能补录；确因断网等原因未能在线创建的，请填写补录理由并报上级审批',
        { ruleId: 'MTG-17' },
      );
    }
    const members = await listOrgMembers(org._id);
    const ids = new Set(members.map((m) => m._id));
    for (const [field, id] of [
      ['hostId', input.hostId],
      ['recorderId', input.recorderId],
    ] as const) {
      if (id && !ids.has(id))
        throw new AppError('INPUT.INVALID', '主持人和记录人须是本支部党员', { fields: [field] });
    }
    const { member } = await ctx.caller();
    const secretary = members.find((m) =>
      m.roles.some((r) => r.orgId === org._id && r.role === 'secretary'),
    );
    const commissioner = members.find((m) =>
      m.roles.some((r) => r.orgId === org._id && r.role === 'orgCommissioner'),
    );
    const id = randomUUID().replace(/-/g, '');
    await insertActivity(ctx, org, {
      _id: id,
      type: input.type,
      title: input.title,
      startAt,
      endAt,
      place: input.place ?? null,
      onlineUrl: input.onlineUrl ?? null,
      allowRemote: input.allowRemote ?? !!input.onlineUrl,
      agenda: input.agenda ?? [],
      hostId: input.hostId ?? secretary?._id ?? member._id,
      recorderId: input.recorderId ?? commissioner?._id ?? null,
      lecturer: input.lecturer ?? null,
      guests: (input.guests ?? []).map((g) => ({ name: g.name, kind: g.kind ?? null })),
      geofence: input.geofence ?? null,
      lateRegistration:
        +endAt < +ctx.now ? { reason: input.lateReason as string, approved: false } : null,
    });
    await ctx.audit({
      orgId: org._id,
      entity: 'activities',
      entityId: id,
      after: { type: input.type, title: input.title, startAt, endAt },
    });
    return { id };
  },
});

export const list = action({
  input: activityContract.list.input,
  access: 'member',
  async run(ctx, input): Promise<ActivitySummary[]> {
    await ctx.requireMember(input.orgId);
    const from = input.from ? new Date(input.from) : new Date(+ctx.now - 400 * DAY);
    const to = input.to ? new Date(input.to) : new Date(+ctx.now + 400 * DAY);
    const all = (await listActivities(input.orgId, from, to)).filter(
      (a) => !input.type || a.type === input.type,
    );
    const { member } = await ctx.caller();
    const ids = all.map((a) => attendanceId(a._id, member._id));
    const mine = ids.length
      ? await getAll<AttendanceDoc>(
          db
            .collection('attendance')
            .where({ _id: _.in(ids) })
            .orderBy('_id', 'asc'),
        )
      : [];
    const status = new Map(mine.map((r) => [r.activityId, r.status]));
    return all.map((a) => ({ ...summary(a), myStatus: status.get(a._id) ?? null }));
  },
});

export const get = action({
  input: activityContract.get.input,
  access: 'member',
  async run(ctx, input): Promise<ActivityDetail> {
    const { activity: a, org } = await loadActivity(input.id);
    await requireViewer(ctx, a, org);
    const { member } = await ctx.caller();
    const [expected, records, mine, leave, host, recorder, manage] = await Promise.all([
      expectedMembers(a),
      attendanceOf(a._id),
      findAttendance(a._id, member._id),
      findLeave(a._id, member._id),
      a.hostId ? findMember(a.hostId) : null,
      a.recorderId ? findMember(a.recorderId) : null,
      canManage(ctx, a, org),
    ]);
    const expectedIds = new Set(expected.map((m) => m._id));
    const counts = countStatuses(
      records.filter((r) => expectedIds.has(r.memberId)).map((r) => r.status as AttendanceStatus),
    );
    const w = checkinWindow(a.startAt, a.endAt);
    return {
      ...summary(a),
      host: host ? { id: host._id, name: host.name } : null,
      recorder: recorder ? { id: recorder._id, name: recorder.name } : null,
      lecturer: a.lecturer,
      guests: a.guests,
      geofence: !!a.geofence,
      myStatus: mine?.status ?? null,
      myLeave: leave ? { status: leave.status, reason: leave.reason } : null,
      canManage: manage,
      counts: { ...counts, expected: expected.length },
      record: a.record
        ? {
            minutes: a.record.minutes,
            resolutions: a.record.resolutions,
            attachments: a.record.attachments,
            summary: a.record.summary,
            archived: a.record.archived,
            amendments: a.amendments.length,
          }
        : null,
      checkinWindow: {
        opensAt: w.opensAt.toISOString(),
        lateAfter: w.lateAfter.toISOString(),
        closesAt: w.closesAt.toISOString(),
      },
    };
  },
});

const DEFAULT_RULE: ScheduleRule = { kind: 'firstFriday' };
const scheduleOf = (org: OrgDoc) =>
  (org.settings as { schedule?: ScheduleRule }).schedule ?? DEFAULT_RULE;

/** The theme-day schedule rule of a branch [TD-02, TD-03]. */
export const setSchedule = action({
  input: activityContract.setSchedule.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId);
    await updateOrgSetting(ctx, org, 'schedule', scheduleOf(org), input.rule);
    return { rule: input.rule };
  },
});

interface PlanDoc {
  _id: string;
  items: ReturnType<typeof yearPlan>;
  publishedAt: Date;
}

/** The year's plan: the published one, or (for the committee) the one the rules propose [MTG-09, TD-06]. */
export const plan = action({
  input: activityContract.plan.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireMember(input.orgId);
    const published = await findById<PlanDoc>('activityPlans', `${org._id}:${input.year}`);
    const rule = scheduleOf(org);
    if (published) return { items: published.items, rule, profile: org.profile, published: true };
    const { member } = await ctx.caller();
    const isCommittee =
      member.roles.some((r) => r.orgId === org._id && COMMITTEE_ROLES.includes(r.role)) ||
      member.orgId !== org._id;
    if (!isCommittee) return { items: [], rule, profile: org.profile, published: false };
    const committeeSize = (await listOrgMembers(org._id)).filter((m) =>
      m.roles.some((r) => r.orgId === org._id && COMMITTEE_ROLES.includes(r.role)),
    ).length;
    return {
      items: yearPlan(input.year, rule, org.profile, org.category, committeeSize > 1),
      rule,
      profile: org.profile,
      published: false,
    };
  },
});

/** Publishes the adjusted plan: every future item becomes an activity, created before it happens. */
export const publishPlan = action({
  input: activityContract.publishPlan.input,
  access: 'member',
  async run(ctx, input) {
    const org = await ctx.requireCommittee(input.orgId);
    const created: string[] = [];
    const items = input.items.map((i) => ({
      ...i,
      startTime: i.startTime ?? '15:00',
      endTime: i.endTime ?? '17:00',
      agenda: i.agenda ?? [],
      ruleId: '',
    }));
    for (const i of items) {
      const startAt = localInstant(i.date, i.startTime);
      const endAt = localInstant(i.date, i.endTime);
      if (+endAt <= +startAt || +endAt < +ctx.now) continue; // past items cannot be created afterwards [MTG-17]
      const id = `${org._id}-${i.date}-${i.type}`;
      const made = await insertActivity(ctx, org, {
        _id: id,
        type: i.type,
        title: i.title,
        startAt,
        endAt,
        place: null,
        onlineUrl: null,
        allowRemote: false,
        agenda: i.agenda,
        hostId: null,
        recorderId: null,
        lecturer: null,
        guests: [],
        geofence: null,
        lateRegistration: null,
      });
      if (made) created.push(id);
    }
    await db
      .collection('activityPlans')
      .doc(`${org._id}:${input.year}`)
      .set({ data: { orgId: org._id, year: input.year, items, publishedAt: ctx.now } });
    await ctx.audit({
      orgId: org._id,
      entity: 'activityPlans',
      entityId: `${org._id}:${input.year}`,
      after: { items: items.length, created: created.length },
    });
    return { created };
  },
});

/** A printed mini-program code that opens the activity's page; on its own it never signs anyone in. */
export const signinCode = action({
  input: activityContract.signinCode.input,
  access: 'member',
  async run(ctx, input) {
    const { activity, org } = await loadActivity(input.activityId);
    await requireManage(ctx, activity, org);
    const page = 'subpackages/activity/detail/index';
    const scene = activity._id.slice(0, 32); // wxacode scene ≤ 32 characters
    const image = await ctx.ports.codeImages.unlimited(scene, page);
    const fileId = await ctx.ports.files.put(`codes/${activity._id}.png`, image);
    return { fileId, scene, page };
  },
});

/** The superior approves (or refuses) a late registration [MTG-18]. */
export const approveLateRegistration = action({
  input: activityContract.approveLateRegistration.input,
  access: 'member',
  async run(ctx, input) {
    const { activity } = await loadActivity(input.activityId);
    await ctx.requireSuperior(activity.orgId);
    if (!activity.lateRegistration) throw new AppError('CONFLICT', '该活动不是补录的活动');
    const after = { ...activity.lateRegistration, approved: input.approve };
    await updateActivity(activity._id, { lateRegistration: after });
    await ctx.audit({
      orgId: activity.orgId,
      entity: 'activities',
      entityId: activity._id,
      before: activity.lateRegistration,
      after,
    });
    return { activityId: activity._id, approved: input.approve };
  },
});
