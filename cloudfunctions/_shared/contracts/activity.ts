import { z } from 'zod';
import { calendarDate, id, isoInstant, orgYear, text } from './common';

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
const half = z.string().regex(/^\d{4}-H[12]$/, '半年格式应为 YYYY-H1 或 YYYY-H2');
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
        title: text(60),
        startAt: isoInstant,
        endAt: isoInstant,
        place: text(60).optional(),
        onlineUrl: z.string().trim().url().max(300).optional(),
        agenda: z.array(text(60)).max(20).optional(),
        allowRemote: z.boolean().optional(),
        hostId: id.optional(),
        recorderId: id.optional(),
        lecturer: text(30).optional(),
        guests: z
          .array(z.object({ name: text(20), kind: text(20).optional() }).strict())
          .max(50)
          .optional(),
        geofence: geofence.optional(),
        /** A record created after its end is a late registration and needs a reason [MTG-17, MTG-18]. */
        lateReason: text(200).optional(),
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
    input: z
      .object({ token: z.string().trim().min(10).max(300), location: location.optional() })
      .strict(),
  },
  joinRemote: { input: z.object({ activityId: id, note: text(500) }).strict() },
  decideRemote: {
    input: z
      .object({ activityId: id, memberId: id, accept: z.boolean(), reason: text(200).optional() })
      .strict(),
  },
  requestLeave: {
    input: z
      .object({ activityId: id, reason: text(200), category: z.enum(LEAVE_CATEGORIES).optional() })
      .strict(),
  },
  decideLeave: { input: z.object({ activityId: id, memberId: id, approve: z.boolean() }).strict() },
  setAttendance: {
    input: z
      .object({
        activityId: id,
        memberId: id,
        status: z.enum(ATTENDANCE_STATUSES),
        reason: text(200),
      })
      .strict(),
  },
  close: { input: z.object({ activityId: id }).strict() },
  attendance: { input: z.object({ activityId: id }).strict() },
  record: {
    input: z
      .object({
        activityId: id,
        minutes: text(20000),
        resolutions: z.array(text(500)).max(50).optional(),
        attachments: z.array(id).max(30).optional(),
        summary: text(500).optional(),
        archive: z.boolean().optional(),
        /** Required once the record is archived: corrections append, never overwrite [MTG-20]. */
        reason: text(200).optional(),
      })
      .strict(),
  },
  vote: {
    input: z
      .object({
        activityId: id,
        motion: text(200),
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
              title: text(60),
              startTime: z
                .string()
                .regex(/^\d{2}:\d{2}$/)
                .optional(),
              endTime: z
                .string()
                .regex(/^\d{2}:\d{2}$/)
                .optional(),
              agenda: z.array(text(60)).max(20).optional(),
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
