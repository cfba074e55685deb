import { z } from 'zod';
import { ERRORS } from './errors';
import {
  calendarDate,
  id,
  isoInstant,
  orgYear,
  publicText,
  RefusalParams,
  fileRef,
} from './common';
import { LECTURER_KINDS, recordItem } from './activity-records';
import { themeDayContract } from './activity-theme-day';
import { VOTE_METHODS, voteContract } from './activity-votes';

export const ACTIVITY_TYPES = [
  'themeDay',
  'branchAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'orgLifeMeeting',
  'democraticAppraisal',
  'studySession',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ATTENDANCE_STATUSES = [
  'present',
  'late',
  'remote',
  'remotePending',
  'excused',
  'absent',
  'exempt',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const LEAVE_CATEGORIES = ['sick', 'personal', 'official'] as const; // 病假 事假 公假 [CHK-01]

const activityType = z.enum(ACTIVITY_TYPES);

/** Whatever was scanned: anything that is not a sign-in code is CHECKIN.TOKEN_INVALID [CHK-05]. */
const signinToken = z
  .custom<string>((v) => typeof v === 'string' && v.trim().length >= 10 && v.length <= 300, {
    message: ERRORS['CHECKIN.TOKEN_INVALID'],
    params: { refusal: 'CHECKIN.TOKEN_INVALID', ruleId: 'CHK-05' } satisfies RefusalParams,
  })
  .transform((v) => v.trim());
const geofence = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    radiusM: z.number().int().min(50).max(5000),
  })
  .strict();
const location = z
  .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
  .strict();
const half = z.string().regex(/^\d{4}-H[12]$/);
const scheduleRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('firstFriday') }).strict(),
  z
    .object({
      kind: z.literal('nthWeekday'),
      n: z.number().int().min(1).max(4),
      weekday: z.number().int().min(1).max(7),
    })
    .strict(),
  z.object({ kind: z.literal('lastWeekday'), weekday: z.number().int().min(1).max(7) }).strict(),
  z.object({ kind: z.literal('dayOfMonth'), day: z.number().int().min(1).max(28) }).strict(),
  z.object({ kind: z.literal('weekOf1st'), weekday: z.number().int().min(1).max(7) }).strict(),
]);
export type ScheduleRule = z.infer<typeof scheduleRule>;
export { DECISION_TYPES, LECTURER_KINDS } from './activity-records';
export type { DecisionType, RecordItem } from './activity-records';

export const activityContract = {
  create: {
    input: z
      .object({
        orgId: id,
        type: activityType,
        title: publicText(60),
        startAt: isoInstant,
        endAt: isoInstant,
        place: publicText(60).optional(),
        onlineUrl: z.string().trim().url().max(300).optional(),
        agenda: z.array(publicText(60)).max(20).optional(),
        allowRemote: z.boolean().optional(),
        hostId: id.optional(),
        recorderId: id.optional(),
        lecturer: publicText(30).optional(),
        guests: z
          .array(z.object({ name: publicText(20), kind: publicText(20).optional() }).strict())
          .max(50)
          .optional(),
        geofence: geofence.optional(),
        /** A record created after its end is a late registration and needs a reason [MTG-17, MTG-18]. */
        lateReason: publicText(200).optional(),
        lecturerKind: z.enum(LECTURER_KINDS).optional(),
        /** Why someone other than the 书记 hosts an assembly or committee meeting [MTG-15]. */
        delegationReason: publicText(200).optional(),
        /** The 书记 or 支委 the 党小组会 topic was agreed with [MTG-14]. */
        topicAgreedBy: id.optional(),
        /** A theme day or 党小组会 held by one of the branch's 党小组 [TD-11, MTG-03]. */
        groupId: id.optional(),
      })
      .strict()
      .refine((v) => Date.parse(v.endAt) > Date.parse(v.startAt), {
        message: '结束时间须晚于开始时间',
        path: ['endAt'],
      }),
  },
  get: { input: z.object({ id }).strict() },
  list: {
    input: z
      .object({
        orgId: id,
        from: isoInstant.optional(),
        to: isoInstant.optional(),
        type: activityType.optional(),
      })
      .strict(),
  },
  checkinToken: { input: z.object({ activityId: id }).strict() },
  checkin: {
    input: z.object({ token: signinToken, location: location.optional() }).strict(),
  },
  checkinPreview: { input: z.object({ token: signinToken }).strict() },
  joinRemote: {
    input: z
      .object({
        activityId: id,
        note: publicText(500),
        /** A screenshot or photo of the participation, uploaded first (media.prepareUpload) [CHK-15]. */
        evidence: z.array(fileRef).max(3).optional(),
      })
      .strict(),
  },
  decideRemote: {
    input: z
      .object({
        activityId: id,
        memberId: id,
        accept: z.boolean(),
        reason: publicText(200).optional(),
      })
      .strict(),
  },
  requestLeave: {
    input: z
      .object({
        activityId: id,
        reason: publicText(200),
        category: z.enum(LEAVE_CATEGORIES).optional(),
      })
      .strict(),
  },
  decideLeave: { input: z.object({ activityId: id, memberId: id, approve: z.boolean() }).strict() },
  setAttendance: {
    input: z
      .object({
        activityId: id,
        memberId: id,
        status: z.enum(ATTENDANCE_STATUSES),
        reason: publicText(200),
      })
      .strict(),
  },
  close: { input: z.object({ activityId: id }).strict() },
  attendance: { input: z.object({ activityId: id }).strict() },
  record: {
    input: z
      .object({
        activityId: id,
        minutes: publicText(20000),
        resolutions: z.array(publicText(500)).max(50).optional(),
        attachments: z.array(fileRef).max(30).optional(),
        summary: publicText(500).optional(),
        items: z.array(recordItem).max(30).optional(),
        /** The theme-day template items done [TD-17, TD-20]. */
        itemsDone: z.array(publicText(60)).max(20).optional(),
        archive: z.boolean().optional(),
        /** Required once the record is archived: corrections append, never overwrite [MTG-20]. */
        reason: publicText(200).optional(),
      })
      .strict(),
  },
  vote: {
    input: z
      .object({
        activityId: id,
        motion: publicText(200),
        yes: z.number().int().min(0),
        no: z.number().int().min(0),
        abstain: z.number().int().min(0),
        kind: z.enum(['ordinary', 'development']).optional(),
        written: z.number().int().min(0).optional(),
        /** VOTE-16, VOTE-17: the branch's `vote.method` when left out. */
        method: z.enum(VOTE_METHODS).optional(),
        proxies: z.number().int().min(0).optional(),
        /** The agenda item decided (one per vote) [VOTE-20]. */
        item: z.number().int().min(0).max(19).optional(),
        /** 三重一大 or members' vital interests, and the 民主议事 it followed [VOTE-18]. */
        majorMatter: z.boolean().optional(),
        deliberationId: id.optional(),
      })
      .strict(),
  },
  compliance: { input: orgYear },
  report: {
    input: z.object({ orgId: id, half, format: z.enum(['json', 'xlsx']).optional() }).strict(),
  },
  alerts: { input: orgYear },
  plan: { input: orgYear },
  publishPlan: {
    input: orgYear.extend({
      items: z
        .array(
          z
            .object({
              type: activityType,
              date: calendarDate,
              title: publicText(60),
              startTime: z
                .string()
                .regex(/^\d{2}:\d{2}$/)
                .optional(),
              endTime: z
                .string()
                .regex(/^\d{2}:\d{2}$/)
                .optional(),
              agenda: z.array(publicText(60)).max(20).optional(),
              /** Kept when the items come back from `plan` unchanged. */
              ruleId: z.string().max(10).optional(),
              /** The scheduled holiday the plan moved the item from [TD-04]. */
              movedFrom: calendarDate.optional(),
              /** The scheduled start the plan moved the item from, so that nothing overlaps. */
              movedFromTime: z
                .string()
                .regex(/^\d{2}:\d{2}$/)
                .optional(),
              moveReason: z.enum(['holiday', 'overlap']).optional(),
              moveNote: publicText(120).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(200),
    }),
  },
  setSchedule: {
    input: z
      .object({
        orgId: id,
        rule: scheduleRule,
        /** The superior sets the rule for every branch below (统筹安排) [TD-05]. */
        allBranches: z.boolean().optional(),
        /** …and fixes it there: branches cannot change it while locked [TD-05]. */
        lock: z.boolean().optional(),
      })
      .strict(),
  },
  signinCode: { input: z.object({ activityId: id }).strict() },
  approveLateRegistration: { input: z.object({ activityId: id, approve: z.boolean() }).strict() },
  /** Sets what a planned activity lacks: host, recorder, place, agenda… [MTG-15, MTG-16]. */
  update: {
    input: z
      .object({
        activityId: id,
        title: publicText(60).optional(),
        place: publicText(60).optional(),
        onlineUrl: z.string().trim().url().max(300).optional(),
        agenda: z.array(publicText(60)).max(20).optional(),
        hostId: id.optional(),
        recorderId: id.optional(),
        lecturer: publicText(30).optional(),
        lecturerKind: z.enum(LECTURER_KINDS).optional(),
        delegationReason: publicText(200).optional(),
        topicAgreedBy: id.optional(),
      })
      .strict(),
  },
  /** Marks the record's resolutions as reported to the superior [MTG-11, MTG-23]. */
  reportToSuperior: { input: z.object({ activityId: id }).strict() },
  /** The record-keeping alerts of a branch's year [MTG-06, MTG-07, MTG-19, MTG-23, MTG-24, MTG-40]. */
  meetingAlerts: { input: orgYear },
  ...voteContract,
  ...themeDayContract,
} as const;

// What each action answers: the output types and `ActivityApi` live in ./activity-outputs.
export type * from './activity-outputs';
