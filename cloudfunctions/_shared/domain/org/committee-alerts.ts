import { Alert } from '../shared/result';
import { addYears } from '../shared/time';
import { COMMISSIONER_ROLES, COMMITTEE_ROLES, MemberStatus, Role, ROLES } from './model';

/** One 支委 of a branch, as facts for the committee alerts. */
export interface CommitteeMember {
  name: string;
  roles: readonly Role[];
  /** The written 分工, or null. */
  duty: string | null;
  status: MemberStatus;
  joinedAt: string;
}

export interface CommitteeFacts {
  fullMembers: number;
  members: readonly CommitteeMember[];
  /** Committee seats that fell vacant and since when (local date) [ORG-16]. */
  vacancies: Partial<Record<Role, string>>;
  today: string;
  /** `org.vacancyAlertDays`: from this many days a vacancy is a warning. */
  vacancyAlertDays: number;
}

const days = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * 党龄 counts from 转正 (党章 Art.7). The roster holds the 入党 date, and the 预备期 is one year,
 * so a 正式党员 has at least one year of 党龄 from two years after joining [ORG-17].
 */
export const hasOneYearStanding = (
  m: Pick<CommitteeMember, 'status' | 'joinedAt'>,
  today: string,
) => m.status === 'full' && today >= addYears(m.joinedAt, 2);

/** Duties, roles, vacancies and the 书记's 党龄 [ORG-14, ORG-16, ORG-17]. Soft: never refuses. */
export function committeeAlerts(f: CommitteeFacts): Alert[] {
  const out: Alert[] = [];
  const hasCommittee = f.fullMembers >= 7;
  if (hasCommittee) {
    for (const role of COMMISSIONER_ROLES) {
      if (!f.members.some((m) => m.roles.includes(role)) && !f.vacancies[role]) {
        out.push({ ruleId: 'ORG-14', level: 'warning', message: `${ROLES[role]}尚未明确` });
      }
    }
    const noDuty = f.members.filter(
      (m) => m.roles.some((r) => COMMITTEE_ROLES.includes(r)) && !m.duty?.trim(),
    );
    if (noDuty.length) {
      out.push({
        ruleId: 'ORG-14',
        level: 'warning',
        message: `${noDuty.map((m) => m.name).join('、')}尚无书面分工`,
      });
    }
  }
  for (const role of COMMITTEE_ROLES) {
    const since = f.vacancies[role];
    if (!since || f.members.some((m) => m.roles.includes(role))) continue;
    const n = days(since, f.today);
    out.push(
      n >= f.vacancyAlertDays
        ? {
            ruleId: 'ORG-16',
            level: 'warning',
            message: `${ROLES[role]}已空缺${n}天（自${since}），请尽快补选`,
          }
        : { ruleId: 'ORG-16', level: 'info', message: `${ROLES[role]}自${since}空缺，应及时补选` },
    );
  }
  for (const m of f.members) {
    if (m.roles.includes('secretary') && !hasOneYearStanding(m, f.today)) {
      out.push({ ruleId: 'ORG-17', level: 'warning', message: `书记${m.name}党龄不足1年` });
    }
  }
  return out;
}

/**
 * The vacancies after a role change: a committee seat removed with nobody else holding it falls
 * vacant today; a seat filled is no longer vacant [ORG-16].
 */
export function vacanciesAfter(
  vacancies: Partial<Record<Role, string>>,
  change: { role: Role; on: boolean; othersHoldIt: boolean; heldIt: boolean },
  today: string,
): Partial<Record<Role, string>> {
  if (!COMMITTEE_ROLES.includes(change.role)) return vacancies;
  const next = { ...vacancies };
  if (change.on) delete next[change.role];
  else if (change.heldIt && !change.othersHoldIt) next[change.role] = today;
  return next;
}
