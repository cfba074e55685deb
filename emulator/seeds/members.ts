import { personKey } from '../../cloudfunctions/_shared/domain/org/roster';
import { addYears, localDate } from '../../cloudfunctions/_shared/domain/shared/time';
import type { MemberDoc } from '../../cloudfunctions/_shared/repos/members';

/** A member document with the defaults of the demo data; bound to the OPENID `id` unless `bound: false`. */
export function member(
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

/** The superior administrator every seed has. */
export function superiorMember(now: Date): MemberDoc {
  return member(
    'demo-superior',
    'demo-committee',
    '王建国',
    { roles: [{ orgId: 'demo-committee', role: 'superiorAdmin' }], phone: '13800001111' },
    now,
  );
}

/** The demo seed's members of demo-branch and demo-branch-2 (README's identities). */
export function demoMembers(now: Date): MemberDoc[] {
  const today = localDate(now);
  const b = 'demo-branch';
  const names = ['陈明', '刘洋', '杨帆', '黄磊', '周敏', '吴静', '徐强', '孙丽'];
  return [
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
  ];
}
