import { z } from 'zod';
import { calendarDate, id, isoInstant, orgYear, publicText, fileRef } from './common';

/**
 * The actions of `activity` about moving theme days, holiday calendars, guests, the 流入地 and
 * sign-in integrity (TD-04, TD-10, TD-26, CHK-14, CHK-16, CHK-17), merged into `activityContract`.
 */
export const themeDayContract = {
  /** Moves a planned activity, with the reason recorded [TD-04]. */
  reschedule: {
    input: z
      .object({ activityId: id, startAt: isoInstant, endAt: isoInstant, reason: publicText(200) })
      .strict()
      .refine((v) => Date.parse(v.endAt) > Date.parse(v.startAt), {
        message: '结束时间须晚于开始时间',
        path: ['endAt'],
      }),
  },
  /** A committee's holiday calendar of a year: 放假 days and 调休上班 weekends [TD-04]. */
  setHolidays: {
    input: orgYear.extend({
      holidays: z.array(calendarDate).max(60),
      workdays: z.array(calendarDate).max(20),
      reason: publicText(200),
    }),
  },
  /** The host records an invited guest by name only: no sign-in, no binding [TD-10, CHK-17, PRIV-19]. */
  addGuest: {
    input: z
      .object({ activityId: id, name: publicText(20), kind: publicText(20).optional() })
      .strict(),
  },
  /** A 流动党员 attended the 流入地 theme day; the proof may follow [CHK-16, CHK-15]. */
  attendInflow: {
    input: z
      .object({
        activityId: id,
        inflowOrg: publicText(60),
        proof: publicText(200).optional(),
        /** The 流入地 organisation's proof as a photo or document (media.prepareUpload) [CHK-16]. */
        proofFiles: z.array(fileRef).max(3).optional(),
      })
      .strict(),
  },
  /** Sign-in inflation warnings of a quarter, for the superior [CHK-14]. */
  integrity: {
    input: z.object({ orgId: id, quarter: z.string().regex(/^\d{4}-Q[1-4]$/) }).strict(),
  },
  /** Members who lose 评先评优 eligibility by an unexcused theme-day absence, where switched on [TD-26]. */
  honours: { input: orgYear },
} as const;
