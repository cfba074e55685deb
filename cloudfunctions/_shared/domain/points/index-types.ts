import type { AttendanceStatus } from '../../contracts/activity';
import type { IndexGroup } from './catalogue';
import type { Category, ItemKind } from './standard';

/** The shapes of the 先锋指数: the facts it is computed from and what it answers. */

export interface SessionFact {
  activityId: string;
  month: string;
  /** YYYY-MM-DD (Beijing): which version of the standard scores it [PTS-13]; the month's 1st if absent. */
  date?: string;
  /** A 主题党日 (the 咸宁 group 主题党日+) [PTS-09]. */
  themeDay?: boolean;
  status: AttendanceStatus;
}

export interface LedgerEntry {
  id: string;
  itemCode: string;
  month: string;
  status: 'pending' | 'approved' | 'rejected';
  source: 'declared' | 'assessed';
  /** For appeal adjustments: the points granted (signed). */
  points?: number;
  note?: string;
  reason?: string | null;
  /** The date it counts at (`entryDate`) [PTS-13]; the month's 1st if absent. */
  date?: string;
}

export interface MemberFacts {
  memberId: string;
  exempt: boolean;
  /** 老党员 and 流动党员 use the simplified variant [PTS-35]. */
  simplified: boolean;
  committee: boolean;
  /** Closed sessions of the year at which the member was expected [PTS-28]. */
  sessions: SessionFact[];
  studyHoursTenths: number;
  /** Months of the year on the branch's roster (1–12; 12 when absent) [PTS-36]. */
  rosterMonths?: number;
  dues: { monthsPaid: number; monthsDue: number } | null;
  noticeReads: { id: string; month: string; date?: string }[];
  ledger: LedgerEntry[];
}

export interface IndexEntry {
  id: string;
  itemCode: string;
  name: string;
  category: Category;
  /** The 咸宁 先锋指数 group [PTS-09]. */
  group: IndexGroup;
  kind: ItemKind | 'base' | 'record' | 'adjust';
  points: number;
  source: 'auto' | 'declared' | 'assessed';
  activityId?: string;
  month: string | null;
  status: 'counted' | 'pending' | 'rejected' | 'overCap';
  /** For organisational-life records: the attendance state. */
  attendance?: AttendanceStatus;
  /** The member's note, and the scorer's reason for a rejection. */
  note?: string;
  reason?: string;
}

export interface PioneerIndex {
  total: number | null;
  byCategory: Record<Category, number>;
  /** The same points by 咸宁 先锋指数 group [PTS-09]. */
  byGroup: Record<IndexGroup, number>;
  base: { orgLife: number; study: number; dues: number; morality: number; contribution: number };
  add: number;
  deduct: number;
  vetoed: boolean;
  exempt: boolean;
  entries: IndexEntry[];
}
