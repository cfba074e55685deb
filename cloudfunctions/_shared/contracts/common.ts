import { z } from 'zod';
import { isCalendarDate } from '../domain/shared/time';

export const id = z.string().trim().min(1).max(64);
export const calendarDate = z
  .string()
  .refine(isCalendarDate, { message: '日期格式应为 YYYY-MM-DD' });
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const year = z.number().int().min(2000).max(2100);
export const isoInstant = z
  .string()
  .datetime({ offset: true, message: '时间格式应为带时区的 ISO-8601' });
export const text = (max: number) => z.string().trim().min(1).max(max);
export const empty = z.object({}).strict();
/** An org and a calendar year: the input of most year views (compliance, standing, 堡垒指数 …). */
export const orgYear = z.object({ orgId: id, year }).strict();
