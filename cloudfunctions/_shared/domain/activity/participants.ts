import type { ActivityType, AttendanceStatus } from '../../contracts/activity';
import { COMMITTEE_ROLES, Role, RoleGrant } from '../org/model';

/** What the participation rules read of a member. */
export interface Person {
  _id: string;
  orgId: string;
  roles: readonly RoleGrant[];
  /** The 党小组 the member is in, if any [ORG-23]. */
  groupId?: string | null;
}

/** What they read of an activity. */
export interface Session {
  orgId: string;
  type: ActivityType;
  hostId?: string | null;
  recorderId?: string | null;
  /** A theme day or 党小组会 held by one 党小组 of the branch [TD-11, MTG-03]. */
  groupId?: string | null;
}

/** Whether a member holds a seat on the committee (支委) of this org. */
export const sitsOnCommittee = (p: Pick<Person, 'roles'>, orgId: string): boolean =>
  p.roles.some((r) => r.orgId === orgId && COMMITTEE_ROLES.includes(r.role));

/** A branch "has a committee" with more than one 支委; otherwise 支委会 are not required [MTG-02]. */
export const hasCommittee = (members: readonly Person[], orgId: string): boolean =>
  members.filter((m) => sitsOnCommittee(m, orgId)).length > 1;

/**
 * Who is expected [TD-07]: every member of the branch (正式 and 预备), derived from the roster and
 * never trimmed by hand; for a 支委会, the committee members; for an activity held by one
 * 党小组, the group's members [TD-11, MTG-03].
 */
export function isParticipant(activity: Session, member: Person): boolean {
  if (member.orgId !== activity.orgId) return false;
  if (activity.groupId && member.groupId !== activity.groupId) return false;
  return activity.type !== 'committeeMeeting' || sitsOnCommittee(member, activity.orgId);
}

export const expectedOf = <P extends Person>(activity: Session, roster: readonly P[]): P[] =>
  roster.filter((m) => isParticipant(activity, m));

/** The member holding a role in the org (the 书记 hosts and the 组织委员 records by default [MTG-16]). */
export const holderOf = <P extends Person>(
  roster: readonly P[],
  orgId: string,
  role: Role,
): P | undefined => roster.find((m) => m.roles.some((r) => r.orgId === orgId && r.role === role));

/** The host and the recorder run their own activity, even without a committee seat [CHK-06, CHK-13]. */
export const runsActivity = (activity: Session, memberId: string): boolean =>
  memberId === activity.hostId || memberId === activity.recorderId;

/** The states that count as taking part [CHK-01] (what the database groups by, for tallies). */
export const ATTENDED: readonly AttendanceStatus[] = ['present', 'late', 'remote'];
const ON_SITE: readonly AttendanceStatus[] = ['present', 'late'];

/** Took part: on site (on time or late) or online, accepted [CHK-01]. */
export const attended = (s: AttendanceStatus | null | undefined): boolean =>
  !!s && ATTENDED.includes(s);
/** Took part on site — what a development vote's quorum counts [VOTE-21]. */
export const onSite = (s: AttendanceStatus | null | undefined): boolean =>
  !!s && ON_SITE.includes(s);
