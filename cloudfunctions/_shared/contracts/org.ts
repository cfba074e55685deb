import { z } from 'zod';
import { MOBILE_PATTERN } from '../domain/shared/privacy';
import { ORG_KINDS, PROFILES, ROLES, SECTORS } from '../domain/org/model';
import type { Permission } from '../domain/org/policy';
import { SETTING_KEYS, SettingKey, SettingRow } from '../domain/org/settings';
import { calendarDate, empty, id, isoInstant, publicText, text } from './common';
import { orgStructureContract, OrgStructureApi } from './org-structure';
import { orgOversightContract, OrgOversightApi } from './org-oversight';

const role = z.enum(Object.keys(ROLES) as [keyof typeof ROLES, ...(keyof typeof ROLES)[]]);
const sectorIds = Object.keys(SECTORS) as [keyof typeof SECTORS, ...(keyof typeof SECTORS)[]];
const sectorByName = Object.fromEntries(Object.entries(SECTORS).map(([k, v]) => [v, k]));
/** The sector [ORG-01], by identifier (`organ`) or by its Chinese name (`机关`). */
const category = z.preprocess(
  (v) => (typeof v === 'string' && sectorByName[v] ? sectorByName[v] : v),
  z.enum(sectorIds),
);
const status = z.enum(['full', 'probationary']);

export const TEMPLATE_KEYS = [
  'activityReminder',
  'noticePublished',
  'duesReminder',
  'pointsResult',
  /** 工作提醒: the rules' alerts to the people who must act (scheduler) [ORG-19, TD-01, FORT-22 …]. */
  'workAlert',
] as const;

/** One row of a roster import. Unknown fields (an ID number, say) are refused [PRIV-01, PRIV-02]. */
export const importRow = z
  .object({
    name: text(32),
    status,
    joinedAt: calendarDate,
    birthDate: calendarDate.optional(),
    mobile: z.boolean().optional(),
    phone: z.string().trim().regex(MOBILE_PATTERN, '手机号应为11位大陆手机号').optional(),
  })
  .strict();

/** The Chinese names of the import columns, for the per-row messages (no field ids shown). */
export const IMPORT_FIELD_LABELS: Record<keyof z.input<typeof importRow>, string> = {
  name: '姓名',
  status: '党员类别（正式党员或预备党员）',
  joinedAt: '入党日期',
  birthDate: '出生日期',
  mobile: '流动党员标记',
  phone: '手机号',
};

export const orgContract = {
  me: { input: empty },
  bind: { input: z.object({ code: text(32) }).strict() },
  createInvite: { input: z.object({ memberId: id }).strict() },
  createOrg: {
    input: z
      .object({
        parentId: id,
        name: text(60),
        kind: z.enum(ORG_KINDS),
        category,
        profile: z.enum(PROFILES).optional(),
        termStart: calendarDate,
        termYears: z.number().int().min(1).max(5).optional(),
        /** 联合党支部: the units it covers [ORG-03]. */
        units: z.number().int().min(1).max(99).optional(),
      })
      .strict(),
  },
  importMembers: {
    input: z.object({ orgId: id, members: z.array(z.unknown()).min(1).max(500) }).strict(),
  },
  listMembers: { input: z.object({ orgId: id }).strict() },
  setMemberFlags: {
    input: z
      .object({
        memberId: id,
        mobile: z.boolean().optional(),
        exempt: z.boolean().optional(),
        exemptReason: publicText(200).optional(),
      })
      .strict()
      .refine((v) => v.mobile !== undefined || v.exempt !== undefined, { message: '至少修改一项' })
      .refine((v) => v.exempt !== true || !!v.exemptReason, {
        message: '免于积分须写明决定理由',
        path: ['exemptReason'],
      }),
  },
  setRole: { input: z.object({ memberId: id, orgId: id, role, on: z.boolean() }).strict() },
  orgTree: { input: z.object({ orgId: id.optional() }).strict() },
  settings: { input: z.object({ orgId: id }).strict() },
  setSetting: {
    input: z
      .object({
        orgId: id,
        key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]),
        value: z.union([z.boolean(), z.number(), z.string().trim().max(32)]),
        reason: publicText(200),
      })
      .strict(),
  },
  subscribe: { input: z.object({ accepted: z.array(z.enum(TEMPLATE_KEYS)).max(3) }).strict() },
  auditLog: {
    input: z
      .object({
        orgId: id,
        from: isoInstant.optional(),
        to: isoInstant.optional(),
        /** An entity (`members`) and its parts (`members.roles`). */
        entity: text(64).optional(),
        offset: z.number().int().min(0).max(100_000).optional(),
        limit: z.number().int().min(1).max(100).optional(),
      })
      .strict(),
  },
  /** 首页的待办: what the caller may act on in the branch, each with where to fix it. */
  todo: { input: z.object({ orgId: id }).strict() },
  ...orgStructureContract,
  ...orgOversightContract,
} as const;

export type MeOutput = {
  member: {
    id: string;
    name: string;
    orgId: string;
    orgName: string;
    status: 'full' | 'probationary';
    mobile: boolean;
    exempt: boolean;
  };
  roles: { orgId: string; orgName: string; role: keyof typeof ROLES }[];
  /** From the one permission policy: for each permission, the orgs the caller may exercise it on. */
  can: Record<Permission, string[]>;
};

export type MemberRow = {
  id: string;
  name: string;
  status: 'full' | 'probationary';
  mobile: boolean;
  exempt: boolean;
  roles: (keyof typeof ROLES)[];
  /** The written 分工 of a 支委 in this org, or null [ORG-14]. */
  duty: string | null;
  /** Masked, e.g. 138****1234 [PRIV-03]. */
  phone: string | null;
  bound: boolean;
  /** The 党小组 (an org of kind partyGroup) the member is in, when in one [ORG-23]. */
  groupId?: string;
};

export type OrgTreeNode = {
  id: string;
  name: string;
  kind: (typeof ORG_KINDS)[number];
  category: string;
  profile: string;
  members: { full: number; probationary: number; total: number };
  committeeSize: number;
  termEnd: string | null;
  /** 联合党支部: units covered [ORG-03]. */
  units: number | null;
  /** The superior's 联系指导 member [ORG-25]. */
  liaison: { id: string; name: string } | null;
  /** 五化 status of this year [ORG-26]. */
  fiveStandards: string;
  alerts: { ruleId: string; level: 'info' | 'warning' | 'alert'; message: string }[];
  children: OrgTreeNode[];
};

/** One to-do of the committee's home (`org.todo`), derived from the records, never stored. */
export type TodoItem = {
  kind:
    | 'toFile'
    | 'filingOverdue'
    | 'leave'
    | 'remote'
    | 'declarations'
    | 'appeals'
    | 'compliance'
    | 'absences'
    | 'inactivity'
    | 'arrears'
    | 'staleNotices'
    | 'appraisalFollowUp';
  count: number;
  /** What to do, in Chinese, e.g. 有2条请假申请待审批. */
  title: string;
  /** The page that fixes it (a mini-program path with its query). */
  page: string;
  level: 'info' | 'warning' | 'alert';
  ruleId: string | null;
};

/** One entry of the audit log as its readers see it [PRIV-06] (no OPENID). */
export type AuditRow = {
  id: string;
  at: string;
  /** `<function>.<action>`, e.g. `org.setRole`. */
  action: string;
  orgId: string;
  entity: string;
  entityId: string;
  actor: { memberId: string; name: string; roles: string[] };
  before: unknown;
  after: unknown;
  reason: string | null;
};

export type OrgApi = OrgStructureApi &
  OrgOversightApi & {
    me: { input: z.input<typeof orgContract.me.input>; output: MeOutput };
    bind: { input: z.input<typeof orgContract.bind.input>; output: { memberId: string } };
    createInvite: {
      input: z.input<typeof orgContract.createInvite.input>;
      output: { code: string; expiresAt: string };
    };
    createOrg: { input: z.input<typeof orgContract.createOrg.input>; output: { id: string } };
    importMembers: {
      input: { orgId: string; members: z.input<typeof importRow>[] };
      output: { created: string[]; errors: { row: number; code: string; message: string }[] };
    };
    listMembers: { input: z.input<typeof orgContract.listMembers.input>; output: MemberRow[] };
    setMemberFlags: {
      input: z.input<typeof orgContract.setMemberFlags.input>;
      output: { memberId: string };
    };
    setRole: {
      input: z.input<typeof orgContract.setRole.input>;
      output: { memberId: string; roles: string[] };
    };
    orgTree: { input: z.input<typeof orgContract.orgTree.input>; output: OrgTreeNode };
    /** Every branch setting with its value in force, its rule and who may change it. */
    settings: {
      input: z.input<typeof orgContract.settings.input>;
      output: { orgId: string; items: SettingRow[] };
    };
    setSetting: {
      input: z.input<typeof orgContract.setSetting.input>;
      output: { orgId: string; key: SettingKey; value: unknown };
    };
    subscribe: {
      input: z.input<typeof orgContract.subscribe.input>;
      output: { quota: Record<string, number> };
    };
    todo: { input: z.input<typeof orgContract.todo.input>; output: { items: TodoItem[] } };
    auditLog: {
      input: z.input<typeof orgContract.auditLog.input>;
      /** Newest first; `nextOffset` is where the next page starts, null after the last. */
      output: { entries: AuditRow[]; nextOffset: number | null };
    };
  };

/** What an action of `org` answers. */
export type OrgOutput<K extends keyof OrgApi> = OrgApi[K]['output'];
