import { z } from 'zod';
import { personalDataMessage } from '../domain/shared/privacy';
import { isCalendarDate } from '../domain/shared/time';
import type { ErrorCode } from './errors';

/*
 * Shared field builders. Their messages are worded by locale.ts from the field's label
 * (labels.ts), so none is given here; a refinement that fails as "format" says so in `params`.
 */
export const id = z.string().trim().min(1).max(64);
/** A cloud storage fileID (`cloud://<env>.<bucket>/<path>`): longer than an id. */
export const fileRef = z.string().trim().min(1).max(400);
export const calendarDate = z.string().refine(isCalendarDate, { params: { format: true } });
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const year = z.number().int().min(2000).max(2100);
export const isoInstant = z.string().datetime({ offset: true });
export const text = (max: number) => z.string().trim().min(1).max(max);
export const empty = z.object({}).strict();
/** An org and a calendar year: the input of most year views (compliance, standing, 堡垒指数 …). */
export const orgYear = z.object({ orgId: id, year }).strict();

/**
 * A refinement whose failure answers its own code rather than INPUT.INVALID: the handler answers
 * `refusal` when every issue of a call carries it (runtime/handler.ts).
 */
export type RefusalParams = { refusal: ErrorCode; ruleId?: string };

/**
 * Free text that other people will read (notices, activity title and place, minutes, motions,
 * declaration notes, appeals, leave reasons …): no full ID or mobile number [DIS-13]. At the
 * contract edge, so no use case can forget it; the refusal is CONTENT.PERSONAL_DATA.
 */
export const publicText = (max: number) =>
  text(max).superRefine((v, ctx) => {
    const message = personalDataMessage(v);
    if (message)
      ctx.addIssue({
        code: 'custom',
        message,
        params: { refusal: 'CONTENT.PERSONAL_DATA', ruleId: 'DIS-13' } satisfies RefusalParams,
      });
  });
