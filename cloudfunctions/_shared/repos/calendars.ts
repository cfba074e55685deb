import type { HolidayCalendar } from '../domain/activity/holidays';
import { collection, Tx } from './db';

/**
 * A committee's holiday calendar of one year (`calendar.holidays`): the State Council's
 * arrangement as announced, or a local one; `_id = orgId:year`. Branches below use the nearest.
 */
export interface HolidayCalendarDoc extends HolidayCalendar {
  _id: string;
  orgId: string;
  year: number;
  updatedAt: Date;
  updatedBy: string;
}

const calendars = collection<HolidayCalendarDoc>('holidayCalendars');

/** The calendar of a year in force for an org: its own, else that of the nearest org above. */
export async function calendarOf(
  org: { _id: string; ancestors: readonly string[] },
  year: number,
): Promise<HolidayCalendarDoc | null> {
  const chain = [org._id, ...[...org.ancestors].reverse()];
  const found = await calendars.byIds(chain.map((id) => `${id}:${year}`));
  for (const id of chain) {
    const c = found.find((f) => f.orgId === id);
    if (c) return c;
  }
  return null;
}

export const findCalendar = (orgId: string, year: number, tx?: Tx) =>
  calendars.byId(`${orgId}:${year}`, tx);

export async function saveCalendar(doc: HolidayCalendarDoc, tx?: Tx): Promise<void> {
  const { _id, ...data } = doc;
  await calendars.ref(tx).doc(_id).set({ data });
}
