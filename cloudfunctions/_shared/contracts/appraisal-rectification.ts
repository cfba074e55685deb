import { z } from 'zod';
import {
  OWNER_KINDS,
  type OwnerKind,
  type RectificationSource,
} from '../domain/appraisal/rectification';
import type { Alert } from '../domain/shared/result';
import { calendarDate, id, publicText, year } from './common';

/**
 * The rectification list, one per branch per year [APR-18, MTG-31, MTG-39, SEC-15]: items from
 * 民主评议, the 组织生活会 problem list, `hunan`'s 问题清单 and 双述双评, each with an owner, a
 * deadline, progress reports and, when done, what shows it. Spread into `appraisalContract`.
 */
const listRef = { orgId: id, year };
/** Sources the committee types in itself; 双述双评 items come from its publication only. */
const TYPED_SOURCES = ['problemList', 'democraticAppraisal', 'orgLifeMeeting'] as const;

export const rectificationContract = {
  /** The list of a branch and year: items, reports due, the year-end status and reminders. */
  rectifications: { input: z.object(listRef).strict() },
  /** The committee adds an item (default: an item of the 问题清单) [APR-18, MTG-39]. */
  addRectification: {
    input: z
      .object({
        ...listRef,
        source: z.enum(TYPED_SOURCES).optional(),
        problem: publicText(500),
        commitment: publicText(1000),
        ownerKind: z.enum(OWNER_KINDS),
        ownerId: id.optional(),
        deadline: calendarDate,
      })
      .strict(),
  },
  /** A progress report: the owner on their own item, or the committee recording one [APR-18]. */
  reportRectification: {
    input: z.object({ ...listRef, itemId: id, on: calendarDate, text: publicText(1000) }).strict(),
  },
  /** The committee marks an item done, with what shows it (text or file ids) [APR-18, PRIV-12]. */
  closeRectification: {
    input: z
      .object({
        ...listRef,
        itemId: id,
        on: calendarDate,
        evidence: z.array(publicText(500)).min(1).max(20),
      })
      .strict(),
  },
} as const;

type In<K extends keyof typeof rectificationContract> = z.input<
  (typeof rectificationContract)[K]['input']
>;

export type ReportState = 'reported' | 'due' | 'overdue';

export interface RectificationItemOut {
  id: string;
  source: RectificationSource;
  sourceWord: string;
  ownerKind: OwnerKind;
  ownerId: string | null;
  ownerName: string | null;
  problem: string;
  commitment: string;
  deadline: string;
  evidence: string[];
  reports: { on: string; text: string }[];
  doneOn: string | null;
  overdue: boolean;
  /** The report windows begun so far and their state [APR-18]. */
  windows: { from: string; dueOn: string; status: ReportState }[];
  /** Whether the caller may report on it / close it. */
  mayReport: boolean;
  mayClose: boolean;
}

export interface RectificationListOut {
  orgId: string;
  orgName: string;
  year: number;
  startedOn: string | null;
  items: RectificationItemOut[];
  /** The year-end status, an input to the 民主评议 board [APR-19, MTG-39]. */
  status: { total: number; done: number; open: number; overdue: number };
  /** 问题清单 by 30 June [MTG-39] and 年年老问题 [MTG-31]: soft reminders. */
  alerts: Alert[];
  /** Whether the caller may add items and record reports (the committee). */
  mayManage: boolean;
  /** Only the caller's own items and the committee's are shown to a member (PRIV). */
  partial: boolean;
}

export type RectificationApi = {
  rectifications: { input: In<'rectifications'>; output: RectificationListOut };
  addRectification: { input: In<'addRectification'>; output: { id: string; itemId: string } };
  reportRectification: { input: In<'reportRectification'>; output: { id: string; itemId: string } };
  closeRectification: { input: In<'closeRectification'>; output: { id: string; itemId: string } };
};
