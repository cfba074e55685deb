import { COMMISSIONER_ROLES, COMMITTEE_ROLES, OrgNode, Role, RoleGrant } from './model';

/**
 * The one permission policy [PRIV-05, PRIV-21]: every named permission, the roles of the target
 * org that hold it, whether a superior administrator of an org above it holds it too, and whether
 * every member of the org holds it. The runtime's `ctx.require` and `org.me`'s `can` map both read
 * this table; nothing else decides who may do what.
 */
export interface Grant {
  /** Roles held in the target org itself. */
  roles: readonly Role[];
  /** A superiorAdmin of an org above the target (or of the target itself, for a superior org). */
  superior: boolean;
  /** Every member of the target org (their own branch). */
  members?: boolean;
  /**
   * When the subject of the decision is the secretary, these roles of the org may decide in the
   * secretary's place (the deputy, another commissioner) — besides the superior [PRIV-21].
   */
  forSecretary?: readonly Role[];
}

const COMMITTEE = COMMITTEE_ROLES;
const OFFICERS: readonly Role[] = ['secretary', 'deputySecretary'];
const ORGANIZERS: readonly Role[] = ['orgCommissioner', 'duesManager'];
const DEPUTY_OR_COMMISSIONER: readonly Role[] = ['deputySecretary', ...COMMISSIONER_ROLES];

const g = (roles: readonly Role[], extra: Partial<Grant> = {}): Grant => ({
  roles,
  superior: true,
  ...extra,
});

export const POLICY = {
  /** See the branch: its roster, activities, notices, standard (own branch, committee, superior). */
  'org.read': g([...COMMITTEE, 'scorer', 'duesManager', 'disclosureMaintainer'], { members: true }),
  /** Invite, import and flag members (流动党员, 免于积分). */
  'member.manage': g(COMMITTEE),
  /** Grant the duty roles (组织委员, 记分员, 党费管理员 …) of a branch. */
  'role.assignDuty': g(['secretary']),
  /** Appoint the 书记 / 副书记 / superior administrators; set up the org tree. */
  'org.administer': g([]),
  /** Change a branch setting of the rules catalogue (with a reason, audited). */
  'org.configure': g(OFFICERS),
  /** Read the audit log of an org and below [PRIV-06]. */
  'audit.read': g(['secretary']),
  /** Plan, create and run organisational life: schedule, QR, record, vote, close. */
  'activity.manage': g(COMMITTEE),
  /** Correct someone's attendance afterwards (with a reason). */
  'attendance.correct': g(COMMITTEE, { forSecretary: DEPUTY_OR_COMMISSIONER }),
  /** Approve a leave request or an online participation. */
  'leave.decide': g(COMMITTEE, { forSecretary: DEPUTY_OR_COMMISSIONER }),
  /** Approve the late registration of an activity [MTG-17]. */
  'activity.approveLate': g([]),
  /** Compliance, alerts and reports of the branch. */
  'activity.oversee': g(COMMITTEE),
  /** Set the points standard and publish a quarter. */
  'points.standard': g([...COMMITTEE, 'scorer']),
  /** Review a member's declaration. */
  'points.review': g([...COMMITTEE, 'scorer'], { forSecretary: DEPUTY_OR_COMMISSIONER }),
  /** Award an assessed item (add or deduct). */
  'points.award': g([...COMMITTEE, 'scorer'], { forSecretary: DEPUTY_OR_COMMISSIONER }),
  /** Apply a 一票否决 item. */
  'points.veto': g(COMMITTEE, { forSecretary: DEPUTY_OR_COMMISSIONER }),
  /** See every member's 先锋指数 and the ranking. */
  'points.readAll': g([...COMMITTEE, 'scorer']),
  /** Answer an appeal. */
  'appeal.resolve': g(OFFICERS, { forSecretary: DEPUTY_OR_COMMISSIONER }),
  /** See the 堡垒指数. */
  'fortress.read': g(COMMITTEE),
  /** Assess the 堡垒指数's individual and reverse items. */
  'fortress.assess': g([]),
  /** Set members' dues bases and record payments [FEE-27]. */
  'dues.record': g(ORGANIZERS, { forSecretary: OFFICERS.filter((r) => r !== 'secretary') }),
  /** Read the dues ledger and arrears. */
  'dues.read': g([...ORGANIZERS, ...OFFICERS]),
  /** Publish the half-yearly dues disclosure. */
  'dues.publish': g([...ORGANIZERS, ...OFFICERS]),
  /** Publish and edit 党务公开, see read receipts, remind unread members. */
  'notice.publish': g([...COMMITTEE, 'disclosureMaintainer']),
  /** Open an appraisal campaign or decide its grades (双述双评, 评组织: the superior). */
  'appraisal.decide': g([]),
  /**
   * Run the branch's part of a secretary review: the 党员大会 and 群众代表 boxes [SEC-08]. The
   * secretary under review is the subject, so it passes to the deputy, a commissioner or the
   * superior [PRIV-21, SEC-13].
   */
  'appraisal.conduct': g(COMMITTEE, { forSecretary: DEPUTY_OR_COMMISSIONER }),
  /** 民主评议党员: the branch committee decides, the superior may too. */
  'appraisal.decideMembers': g(COMMITTEE, { forSecretary: DEPUTY_OR_COMMISSIONER }),
  /** 纪实 files: see those still being checked, remove someone else's (the committee, the superior). */
  'media.moderate': g(COMMITTEE),
  /** The superior's compliance grid, spot checks, quotas and rankings of the orgs below [FORT-23]. */
  'org.oversee': g([]),
  /** Put members in the branch's 党小组 [ORG-23]. */
  'group.assign': g(OFFICERS.concat(['orgCommissioner'])),
  /** File the branch's 换届选举请示 with the superior [ORG-20]. */
  'election.request': g(OFFICERS),
} satisfies Record<string, Grant>;

export type Permission = keyof typeof POLICY;
export const PERMISSIONS = Object.keys(POLICY) as Permission[];

export interface Actor {
  id: string;
  /** The actor's own branch. */
  orgId: string;
  roles: readonly RoleGrant[];
}

export interface Subject {
  /** The member whose case it is. */
  id: string;
  /** Their role grants, when known: a secretary's own case may pass to the deputy. */
  roles?: readonly RoleGrant[];
}

export type Decision =
  | { ok: true }
  | { ok: false; reason: 'notHeld' }
  | { ok: false; reason: 'ownCase'; ruleId: 'PRIV-21' };

const holds = (actor: Actor, org: OrgNode, roles: readonly Role[]) =>
  actor.roles.some((r) => r.orgId === org.id && roles.includes(r.role));

/** Whether these grants make someone the secretary of the org (whose own case passes on). */
export const isSecretaryOf = (roles: readonly RoleGrant[], orgId: string): boolean =>
  roles.some((r) => r.orgId === orgId && r.role === 'secretary');

/** Whether a superior administrator above the org (or of the org itself) is acting. */
export const isSuperiorFor = (actor: Actor, org: OrgNode): boolean =>
  actor.roles.some(
    (r) => r.role === 'superiorAdmin' && (r.orgId === org.id || org.ancestors.includes(r.orgId)),
  );

/**
 * May `actor` exercise `permission` on `org`? With a subject, never on their own case [PRIV-21]:
 * the decision passes to another holder; the secretary's own case also to the roles listed in
 * `forSecretary` and to the superior.
 */
export function decide(
  permission: Permission,
  actor: Actor,
  org: OrgNode,
  subject?: Subject,
): Decision {
  const grant: Grant = POLICY[permission];
  if (subject && subject.id === actor.id)
    return { ok: false, reason: 'ownCase', ruleId: 'PRIV-21' };
  if (holds(actor, org, grant.roles)) return { ok: true };
  if (grant.superior && isSuperiorFor(actor, org)) return { ok: true };
  if (grant.members && actor.orgId === org.id) return { ok: true };
  const subjectIsSecretary = !!subject?.roles && isSecretaryOf(subject.roles, org.id);
  if (subjectIsSecretary && grant.forSecretary && holds(actor, org, grant.forSecretary))
    return { ok: true };
  return { ok: false, reason: 'notHeld' };
}

export const may = (permission: Permission, actor: Actor, org: OrgNode, subject?: Subject) =>
  decide(permission, actor, org, subject).ok;

/**
 * The caller's permission map for `org.me`: for each permission, the orgs it may be exercised on.
 * `orgs` are the orgs the caller relates to: their own branch, the orgs of their grants and every
 * org below a superior grant.
 */
export function permissionMap(
  actor: Actor,
  orgs: readonly OrgNode[],
): Record<Permission, string[]> {
  const map = {} as Record<Permission, string[]>;
  for (const p of PERMISSIONS) map[p] = orgs.filter((o) => may(p, actor, o)).map((o) => o.id);
  return map;
}

/** The Chinese refusal a member sees, per permission. */
export const REFUSALS: Record<Permission, string> = {
  'org.read': '只能查看本支部的信息',
  'member.manage': '只有本支部委员或上级党组织可以管理党员信息',
  'role.assignDuty': '只有支部书记或上级党组织可以设置支部职务',
  'org.administer': '只有上级党组织管理员可以进行此操作',
  'org.configure': '只有支部书记、副书记或上级党组织可以修改支部的设置',
  'audit.read': '只有支部书记或上级党组织可以查看操作记录',
  'activity.manage': '只有本支部委员或上级党组织可以安排和主持活动',
  'attendance.correct': '只有本支部委员或上级党组织可以更正考勤',
  'leave.decide': '只有本支部委员或上级党组织可以审批请假和线上参加',
  'activity.approveLate': '只有上级党组织可以批准补录',
  'activity.oversee': '只有本支部委员或上级党组织可以查看落实情况和报表',
  'points.standard': '只有记分员、支部委员或上级党组织可以设置积分标准',
  'points.review': '只有记分员、支部委员或上级党组织可以审核积分申报',
  'points.award': '只有记分员、支部委员或上级党组织可以评定积分',
  'points.veto': '一票否决只能由支部委员会或上级党组织决定',
  'points.readAll': '只能查看自己的先锋指数',
  'appeal.resolve': '申辩由支部书记、副书记或上级党组织答复',
  'fortress.read': '只有本支部委员或上级党组织可以查看堡垒指数',
  'fortress.assess': '堡垒指数的个性指标和反向指标由上级党组织评定',
  'dues.record': '党费由组织委员或党费管理员登记',
  'dues.read': '党费台账由组织委员、党费管理员和书记查看',
  'dues.publish': '党费收缴情况由书记、组织委员或党费管理员公开',
  'notice.publish': '只有支部委员、公开栏维护人或上级党组织可以发布党务公开',
  'appraisal.decide': '只有上级党组织可以进行此项评议',
  'appraisal.conduct':
    '支部党员大会的测评由支部委员会或上级党组织组织（书记本人的评议由副书记、其他委员或上级党组织组织）',
  'appraisal.decideMembers': '民主评议由支部委员会或上级党组织评定',
  'media.moderate': '只有上传的人、本支部委员或上级党组织可以处理这个文件',
  'org.oversee': '只有上级党组织可以查看各支部的落实情况',
  'group.assign': '只有支部书记、副书记、组织委员或上级党组织可以分配党小组',
  'election.request': '换届选举请示由支部书记或副书记提交',
};

export const OWN_CASE_REFUSAL =
  '这件事与您本人有关，按规定不能由自己决定，请由其他支委处理（书记本人的事项由副书记、其他委员或上级党组织处理）';
