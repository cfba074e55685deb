import { z } from 'zod';
import { ERRORS } from './errors';
import { calendarDate, id, isoInstant, orgYear, publicText, RefusalParams } from './common';

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
  joinRemote: { input: z.object({ activityId: id, note: publicText(500) }).strict() },
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
        attachments: z.array(id).max(30).optional(),
        summary: publicText(500).optional(),
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
            })
            .strict(),
        )
        .min(1)
        .max(200),
    }),
  },
  setSchedule: { input: z.object({ orgId: id, rule: scheduleRule }).strict() },
  signinCode: { input: z.object({ activityId: id }).strict() },
  approveLateRegistration: { input: z.object({ activityId: id, approve: z.boolean() }).strict() },
} as const;

// What each action answers: the output types and `ActivityApi` live in ./activity-outputs.
export type * from './activity-outputs';
