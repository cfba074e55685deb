import { COLLECTION_NAMES } from '../cloudfunctions/_shared/repos/collections';
import { personKey } from '../cloudfunctions/_shared/domain/org/roster';
import {
  addMonths,
  addYears,
  localDate,
  localInstant,
} from '../cloudfunctions/_shared/domain/shared/time';
import type { MemberDoc } from '../cloudfunctions/_shared/repos/members';
import type { OrgDoc } from '../cloudfunctions/_shared/repos/orgs';
import type { Doc } from './store';

export type SeedName = 'demo' | 'empty';
export type SeedData = Record<string, Doc[]>;

/** The demo identities (X-WX-OPENID values) printed at start-up. */
export const DEMO_IDENTITIES: [string, string][] = [
  ['demo-superior', '示范学院党委 管理员（上级党组织）'],
  ['demo-secretary', '机关第一党支部 书记'],
  ['demo-organizer', '组织委员、记分员'],
  ['demo-member-1 … demo-member-8', '正式党员'],
  ['demo-probationary', '预备党员'],
  ['demo-mobile', '流动党员'],
  ['demo-elder', '正式党员，75岁，经决定免于积分'],
  ['demo-secretary-2', '机关第二党支部 书记'],
  ['（任意未绑定 OPENID）', '用邀请码 DEMO-INVITE 绑定为 赵新'],
];

function org(o: Partial<OrgDoc> & Pick<OrgDoc, '_id' | 'name' | 'kind'>, now: Date): OrgDoc {
  return {
    parentId: null,
    ancestors: [],
    category: 'organ',
    profile: 'hunan',
    termStart: '2024-06-01',
    termYears: 3,
    settings: { pointsEnabled: false, membersSeeRanking: false },
    createdAt: now,
    ...o,
  };
}

function member(
  id: string,
  orgId: string,
  name: string,
  extra: Partial<MemberDoc> & { bound?: boolean },
  now: Date,
): MemberDoc {
  const { bound = true, ...rest } = extra;
  const base = {
    _id: id,
    orgId,
    name,
    status: 'full' as const,
    joinedAt: '2010-07-01',
    birthDate: '1980-05-01',
    phone: null,
    mobile: false,
    exempt: false,
    exemptReason: null,
    roles: [],
    openid: bound ? id : null,
    boundAt: bound ? now : null,
    createdAt: now,
    ...rest,
  };
  return {
    ...base,
    personKey: personKey(orgId, {
      name,
      birthDate: base.birthDate ?? undefined,
      joinedAt: base.joinedAt,
    }),
  };
}

export function buildSeed(name: SeedName, now: Date): SeedData {
  const data: SeedData = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, [] as Doc[]]));
  const committee = org(
    {
      _id: 'demo-committee',
      name: '示范学院党委',
      kind: 'baseCommittee',
      termYears: 5,
      termStart: '2022-09-01',
    },
    now,
  );
  const superior = member(
    'demo-superior',
    'demo-committee',
    '王建国',
    { roles: [{ orgId: 'demo-committee', role: 'superiorAdmin' }], phone: '13800001111' },
    now,
  );
  data.orgs.push(committee as unknown as Doc);
  const members: MemberDoc[] = [superior];

  if (name === 'demo') {
    const today = localDate(now);
    data.orgs.push(
      org(
        {
          _id: 'demo-branch',
          name: '机关第一党支部',
          kind: 'branch',
          parentId: 'demo-committee',
          ancestors: ['demo-committee'],
          settings: { pointsEnabled: true, membersSeeRanking: false },
        },
        now,
      ) as unknown as Doc,
      org(
        {
          _id: 'demo-branch-2',
          name: '机关第二党支部',
          kind: 'branch',
          parentId: 'demo-committee',
          ancestors: ['demo-committee'],
          termStart: '2023-12-01',
        },
        now,
      ) as unknown as Doc,
    );
    const b = 'demo-branch';
    const names = ['陈明', '刘洋', '杨帆', '黄磊', '周敏', '吴静', '徐强', '孙丽'];
    members.push(
      member(
        'demo-secretary',
        b,
        '李红',
        {
          roles: [{ orgId: b, role: 'secretary' }],
          phone: '13912345678',
          birthDate: '1975-03-12',
          joinedAt: '1998-07-01',
        },
        now,
      ),
      member(
        'demo-organizer',
        b,
        '张伟',
        {
          roles: [
            { orgId: b, role: 'orgCommissioner' },
            { orgId: b, role: 'scorer' },
          ],
          phone: '13700002222',
          birthDate: '1982-11-02',
          joinedAt: '2006-06-28',
        },
        now,
      ),
      ...names.map((n, i) =>
        member(
          `demo-member-${i + 1}`,
          b,
          n,
          {
            birthDate: `19${70 + i * 3}-0${(i % 9) + 1}-15`,
            joinedAt: `20${String(i + 5).padStart(2, '0')}-07-01`,
            phone: `1360000${String(1000 + i)}`,
          },
          now,
        ),
      ),
      member(
        'demo-probationary',
        b,
        '郑晓',
        {
          status: 'probationary',
          birthDate: '1999-04-20',
          joinedAt: addYears(today, -1).slice(0, 8) + '01',
        },
        now,
      ),
      member(
        'demo-mobile',
        b,
        '马骏',
        { mobile: true, birthDate: '1990-08-08', joinedAt: '2015-07-01' },
        now,
      ),
      member(
        'demo-elder',
        b,
        '何德福',
        {
          birthDate: addYears(today, -75),
          joinedAt: '1972-07-01',
          exempt: true,
          exemptReason: '年满70周岁，经支部党员大会讨论并报基层党委同意，免于积分管理',
        },
        now,
      ),
      member(
        'demo-newcomer',
        b,
        '赵新',
        { bound: false, birthDate: '1995-01-09', joinedAt: '2020-07-01' },
        now,
      ),
      member(
        'demo-secretary-2',
        'demo-branch-2',
        '钱芳',
        {
          roles: [{ orgId: 'demo-branch-2', role: 'secretary' }],
          birthDate: '1978-12-01',
          joinedAt: '2001-07-01',
        },
        now,
      ),
      ...['冯涛', '褚静', '卫东'].map((n, i) =>
        member(
          `demo-b2-member-${i + 1}`,
          'demo-branch-2',
          n,
          { bound: false, birthDate: `198${i}-02-02` },
          now,
        ),
      ),
    );
    seedActivities(data, now, members);
    data.invites.push({
      _id: 'DEMO-INVITE',
      memberId: 'demo-newcomer',
      orgId: b,
      expiresAt: new Date(+now + 3650 * 86400_000),
      usedAt: null,
      createdAt: now,
    });
  }

  for (const m of members) {
    if (data.members.some((d) => d._id === m._id)) continue;
    data.members.push(m as unknown as Doc);
    data.personKeys.push({ _id: m.personKey, memberId: m._id });
    if (m.openid) data.bindings.push({ _id: m.openid, memberId: m._id, boundAt: now });
  }
  return data;
}

/**
 * This month's theme day, starting five minutes before the seed time so its QR sign-in works as
 * soon as the emulator is up (it stays in the current month); and last month's, held and closed,
 * so reports, compliance and alerts have something to show.
 */
function seedActivities(data: SeedData, now: Date, members: MemberDoc[]): void {
  const branch = members.filter((m) => m.orgId === 'demo-branch' && m.openid);
  const base = {
    orgId: 'demo-branch',
    type: 'themeDay',
    place: '机关三楼党员活动室',
    onlineUrl: null,
    allowRemote: false,
    agenda: ['集中交纳党费', '组织学习讨论', '民主议事决策'],
    hostId: 'demo-secretary',
    recorderId: 'demo-organizer',
    lecturer: null,
    guests: [],
    geofence: null,
    lateRegistration: null,
    amendments: [],
    createdBy: 'demo-secretary',
  };
  const month = localDate(now).slice(0, 7);
  const startAt = new Date(+now - 5 * 60_000);
  data.activities.push({
    ...base,
    _id: 'demo-theme-day',
    title: `${Number(month.slice(5))}月主题党日：学习贯彻党的二十届四中全会精神`,
    startAt,
    endAt: new Date(+startAt + 3 * 3600_000),
    status: 'planned',
    closedAt: null,
    record: null,
    createdAt: new Date(+now - 7 * 86400_000),
  });
  const last = addMonths(`${month}-01`, -1);
  const lastStart = localInstant(last.slice(0, 8) + '07', '15:00');
  data.activities.push({
    ...base,
    _id: 'demo-theme-day-last',
    title: `${Number(last.slice(5, 7))}月主题党日：重温入党誓词`,
    startAt: lastStart,
    endAt: new Date(+lastStart + 2 * 3600_000),
    status: 'closed',
    closedAt: new Date(+lastStart + 2 * 3600_000),
    record: {
      minutes:
        '书记李红主持，集中交纳党费，全体党员重温入党誓词，围绕“如何在岗位上发挥先锋作用”开展学习讨论。',
      resolutions: ['各党小组本月内开展一次学习交流'],
      attachments: [],
      summary: '到会党员认真学习，讨论热烈。',
      archived: true,
      recordedAt: new Date(+lastStart + 3 * 3600_000),
      recordedBy: 'demo-organizer',
    },
    createdAt: new Date(+lastStart - 20 * 86400_000),
  });
  const absent = new Set(['demo-member-7']);
  const excused = new Set(['demo-member-8']);
  for (const m of branch) {
    const status = m.exempt
      ? 'exempt'
      : m.mobile
        ? 'remote'
        : absent.has(m._id)
          ? 'absent'
          : excused.has(m._id)
            ? 'excused'
            : 'present';
    data.attendance.push({
      _id: `demo-theme-day-last:${m._id}`,
      activityId: 'demo-theme-day-last',
      orgId: 'demo-branch',
      memberId: m._id,
      status,
      at: new Date(+lastStart - 5 * 60_000),
      method: status === 'present' ? 'qr' : status === 'remote' ? 'remote' : 'close',
      geo: null,
      note: status === 'remote' ? '在深圳通过视频参加，学习笔记已提交' : null,
    });
  }
}
