import type { ActivityType, RuleAlert } from '../../contracts/activity';
import { holderOf, sitsOnCommittee } from '../../domain/activity/participants';
import { checkHost, groupMeetingAlerts, liaisonTopicsOf } from '../../domain/activity/record-rules';
import { isSecretaryOf } from '../../domain/org/policy';
import type { MemberDoc } from '../../repos/members';
import { AppError, orThrow } from '../../runtime/errors';

/**
 * What creating and changing an activity share: who hosts and records by default, whether the
 * chosen host may host, and the soft checks of scheduling [MTG-14, MTG-15, MTG-16, MTG-24].
 */

/** Host by default: the group leader for a 党小组会, else the 书记; recorder: the 组织委员 [MTG-15, MTG-16]. */
export function defaultRunners(roster: readonly MemberDoc[], orgId: string, type: ActivityType) {
  const leader = type === 'groupMeeting' ? holderOf(roster, orgId, 'groupLeader') : undefined;
  return {
    hostId: (leader ?? holderOf(roster, orgId, 'secretary'))?._id ?? null,
    recorderId: holderOf(roster, orgId, 'orgCommissioner')?._id ?? null,
  };
}

export interface Scheduling {
  type: ActivityType;
  title: string;
  agenda: readonly string[];
  startAt: Date;
  hostId: string | null;
  /** The host was chosen in this call (a delegation is checked only then). */
  hostChosen: boolean;
  delegationReason?: string;
  topicAgreedBy?: string | null;
}

/**
 * Checks a schedule against the roster: host and recorder are members of the branch; a chosen
 * host of an assembly or committee meeting is the 书记, or a 支委 by recorded delegation (hard,
 * MTG-15). Answers the delegation to store, the topics the superior liaison is told of (MTG-24)
 * and the alerts (MTG-14, MTG-24).
 */
export function checkScheduling(
  s: Scheduling,
  roster: readonly MemberDoc[],
  orgId: string,
  ids: { hostId?: string; recorderId?: string; topicAgreedBy?: string },
  now: Date,
  actorId: string,
) {
  const byId = new Map(roster.map((m) => [m._id, m]));
  for (const [field, id] of Object.entries(ids)) {
    if (id && byId.get(id)?.orgId !== orgId)
      throw new AppError('INPUT.INVALID', '主持人、记录人和商定议题的同志须是本支部党员', {
        fields: [field],
      });
  }
  let delegation: { reason: string; by: string; at: Date } | null = null;
  const host = s.hostId ? byId.get(s.hostId) : undefined;
  if (s.hostChosen && host) {
    const isSecretary = isSecretaryOf(host.roles, orgId);
    orThrow(
      checkHost(
        s.type,
        { isSecretary, onCommittee: sitsOnCommittee(host, orgId) },
        s.delegationReason,
      ),
    );
    if (
      !isSecretary &&
      s.delegationReason &&
      (s.type === 'branchAssembly' || s.type === 'committeeMeeting')
    )
      delegation = { reason: s.delegationReason, by: actorId, at: now };
  }
  const alerts: RuleAlert[] = [];
  if (s.type === 'groupMeeting') {
    const agreed = s.topicAgreedBy ? byId.get(s.topicAgreedBy) : undefined;
    alerts.push(
      ...groupMeetingAlerts({
        topicAgreedWithCommittee: !!agreed && sitsOnCommittee(agreed, orgId),
        noticeHours: (+s.startAt - +now) / 3600_000,
      }),
    );
  }
  const liaisonTopics = liaisonTopicsOf(s.type, s.title, s.agenda);
  if (liaisonTopics.length)
    alerts.push({
      ruleId: 'MTG-24',
      level: 'info',
      message: `议程涉及${liaisonTopics.join('、')}，已提示上级党组织联系人，以便视情派人列席`,
    });
  return { delegation, liaisonTopics, alerts };
}
