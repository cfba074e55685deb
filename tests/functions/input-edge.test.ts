import { z } from 'zod';
import { activityContract } from '../../cloudfunctions/_shared/contracts/activity';
import { duesContract } from '../../cloudfunctions/_shared/contracts/dues';
import { exportContract } from '../../cloudfunctions/_shared/contracts/export';
import { labelOf } from '../../cloudfunctions/_shared/contracts/labels';
import { parseContext } from '../../cloudfunctions/_shared/contracts/locale';
import { noticeContract } from '../../cloudfunctions/_shared/contracts/notice';
import { orgContract } from '../../cloudfunctions/_shared/contracts/org';
import { pointsContract } from '../../cloudfunctions/_shared/contracts/points';
import { invalid } from '../../cloudfunctions/_shared/runtime/handler';
import { Backend, snapshot, startBackend } from '../support/backend';
import { ID_PROBES, MOBILE_PROBES } from '../support/privacy-probes';

const CONTRACTS = {
  org: orgContract,
  activity: activityContract,
  points: pointsContract,
  notice: noticeContract,
  dues: duesContract,
  export: exportContract,
} as const;
/** English, symbols, or zod's own Chinese wording of types and sizes. */
const JARGON = /[A-Za-z]{2,}|[<>=]|期望|实际接收|数值过[小大]|字符串|布尔/;

type Def = { type: string; [k: string]: any };
const def = (s: unknown): Def | undefined => (s as { _zod?: { def: Def } })?._zod?.def;

/** Every field path of a schema (array elements as index 0), walking wrappers and unions. */
function fieldPaths(s: unknown, at: (string | number)[] = []): (string | number)[][] {
  const d = def(s);
  if (!d) return [];
  switch (d.type) {
    case 'object':
      return Object.entries(d.shape as Record<string, unknown>).flatMap(([k, v]) => [
        [...at, k],
        ...fieldPaths(v, [...at, k]),
      ]);
    case 'array':
      return fieldPaths(d.element, [...at, 0]);
    case 'optional':
    case 'nullable':
    case 'default':
      return fieldPaths(d.innerType, at);
    case 'pipe':
      return [...fieldPaths(d.in, at), ...fieldPaths(d.out, at)];
    case 'union':
      return (d.options as unknown[]).flatMap((o) => fieldPaths(o, at));
    default:
      return [];
  }
}

/** The bad values put at each field: wrong types, too long, too short, bad enum, bad date … */
const BAD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  '   ',
  'x',
  '年'.repeat(20_001),
  'bogusEnumValue',
  '0000-00-00',
  '2026-13-45T99:00:00',
  12345,
  -1,
  1.5,
  1e12,
  true,
  [],
  [12345],
  [{}],
  Array.from({ length: 600 }, () => 'x'),
  {},
  { unknownField: 1 },
];

function put(base: Record<string, unknown>, path: (string | number)[], value: unknown) {
  const root = structuredClone(base);
  let node: any = root;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) node[key] = value;
    else node = node[key] ??= typeof path[i + 1] === 'number' ? [] : {};
  }
  return root;
}

const actions = Object.entries(CONTRACTS).flatMap(([fn, c]) =>
  Object.entries(c).map(([action, a]) => ({
    fn,
    action,
    schema: (a as { input: z.ZodType }).input,
  })),
);

describe('messages fit for members', () => {
  it('labels every field of every contract in Chinese', () => {
    const unlabelled = actions.flatMap(({ fn, action, schema }) =>
      fieldPaths(schema)
        .filter((p) => typeof p.at(-1) === 'string')
        .filter((p) => labelOf(`${fn}.${action}`, p) === '填写的内容')
        .map((p) => `${fn}.${action}.${p.join('.')}`),
    );
    expect(unlabelled).toEqual([]);
  });

  it('words every INPUT.INVALID the contracts can produce without English, type names or symbols', () => {
    let checked = 0;
    const jargon: string[] = [];
    for (const { fn, action, schema } of actions) {
      const inputs: unknown[] = [undefined, null, 'text', 42, [], {}, { unknownField: 1 }];
      for (const path of fieldPaths(schema))
        for (const v of BAD_VALUES) inputs.push(put({}, path, v));
      for (const input of inputs) {
        const parsed = schema.safeParse(input, parseContext);
        if (parsed.success) continue;
        const e = invalid(`${fn}.${action}`, parsed.error);
        const messages = [
          e.message,
          ...((e.details as { issues?: { message: string }[] }).issues ?? []).map((i) => i.message),
        ];
        for (const m of messages) {
          checked++;
          if (JARGON.test(m)) jargon.push(`${fn}.${action} ${JSON.stringify(input)}: ${m}`);
        }
      }
    }
    console.log(`input edge: ${checked} refusal messages checked over ${actions.length} actions`);
    expect(jargon.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });
});

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

const SEC = 'demo-secretary';
const ACTIVITY = {
  orgId: 'demo-branch',
  type: 'themeDay',
  title: '12月主题党日',
  startAt: '2026-12-04T15:00:00+08:00',
  endAt: '2026-12-04T17:00:00+08:00',
} as const;

describe('refusals a member reads, through the real handler', () => {
  it('asks for a blank leave reason by its name, and says what is wrong with a time', async () => {
    const { id } = await b.ok('activity', 'create', ACTIVITY, SEC);
    const before = snapshot(b);
    const blank = await b.err(
      'activity',
      'requestLeave',
      { activityId: id, reason: '  ' },
      'demo-member-1',
    );
    expect(blank).toMatchObject({
      code: 'INPUT.INVALID',
      message: '请填写请假原因',
      details: { fields: ['reason'] },
    });
    const time = await b.err('activity', 'create', { ...ACTIVITY, startAt: '明天下午' }, SEC);
    expect(time).toMatchObject({ code: 'INPUT.INVALID', message: '活动开始时间格式不对' });
    const long = await b.err('activity', 'create', { ...ACTIVITY, title: '长'.repeat(61) }, SEC);
    expect(long.message).toBe('活动名称太长了，最多60个字');
    const votes = await b.err(
      'activity',
      'vote',
      { activityId: id, motion: '表决', yes: '七', no: 0, abstain: 0 },
      SEC,
    );
    expect(votes.message).toBe('赞成票数应填写数字');
    expect(snapshot(b)).toBe(before);
  });

  it('answers CHECKIN.TOKEN_INVALID for anything scanned that is not a sign-in code [CHK-05]', async () => {
    const before = snapshot(b);
    for (const token of ['abc', 12345, '', 'https://example.com/some/other/code', undefined]) {
      const e = await b.err('activity', 'checkin', { token }, 'demo-member-1');
      expect(e).toMatchObject({
        code: 'CHECKIN.TOKEN_INVALID',
        message: '这不是本支部的签到码，请扫描活动现场的二维码',
      });
    }
    expect(snapshot(b)).toBe(before);
  });
});

describe('personal data in every free text others read [DIS-13]', () => {
  const PROBES = [...MOBILE_PROBES, ...ID_PROBES];
  async function refusedEverywhere(
    cases: {
      fn: 'activity' | 'points' | 'notice';
      action: string;
      data: (t: string) => unknown;
      as: string;
    }[],
  ) {
    const before = snapshot(b);
    for (const c of cases)
      for (const probe of PROBES) {
        const e = await b.err(c.fn, c.action as never, c.data(`内容${probe}内容`), c.as);
        if (e.code !== 'CONTENT.PERSONAL_DATA')
          throw new Error(`${c.fn}.${c.action} let through ${probe}: ${e.code} ${e.message}`);
        expect(e.details).toMatchObject({ ruleId: 'DIS-13' });
        expect(e.message).toMatch(/^公开内容中含有完整的(身份证号|手机号)/);
      }
    expect(snapshot(b)).toBe(before);
  }

  it('refuses them in notices, activities, minutes, motions, leave and online notes', async () => {
    const { id } = await b.ok('activity', 'create', ACTIVITY, SEC);
    await refusedEverywhere([
      {
        fn: 'notice',
        action: 'publish',
        data: (t) => ({ orgId: 'demo-branch', category: '其他', title: '通知', body: t }),
        as: SEC,
      },
      { fn: 'activity', action: 'create', data: (t) => ({ ...ACTIVITY, title: t }), as: SEC },
      { fn: 'activity', action: 'create', data: (t) => ({ ...ACTIVITY, place: t }), as: SEC },
      {
        fn: 'activity',
        action: 'create',
        data: (t) => ({ ...ACTIVITY, agenda: ['学习', t] }),
        as: SEC,
      },
      { fn: 'activity', action: 'record', data: (t) => ({ activityId: id, minutes: t }), as: SEC },
      {
        fn: 'activity',
        action: 'record',
        data: (t) => ({ activityId: id, minutes: '学习', resolutions: [t] }),
        as: SEC,
      },
      {
        fn: 'activity',
        action: 'vote',
        data: (t) => ({ activityId: id, motion: t, yes: 0, no: 0, abstain: 0 }),
        as: SEC,
      },
      {
        fn: 'activity',
        action: 'requestLeave',
        data: (t) => ({ activityId: id, reason: t }),
        as: 'demo-member-1',
      },
      {
        fn: 'activity',
        action: 'joinRemote',
        data: (t) => ({ activityId: id, note: t }),
        as: 'demo-member-1',
      },
    ]);
  });

  it('refuses them in declarations, appeals and replies', async () => {
    await refusedEverywhere([
      {
        fn: 'points',
        action: 'declare',
        data: (t) => ({ itemCode: 'volunteer', month: '2026-11', note: t }),
        as: 'demo-member-1',
      },
      {
        fn: 'points',
        action: 'appeal',
        data: (t) => ({ entryId: 'any', reason: t }),
        as: 'demo-member-1',
      },
      {
        fn: 'points',
        action: 'resolveAppeal',
        data: (t) => ({ appealId: 'any', accept: false, reply: t }),
        as: SEC,
      },
    ]);
  });
});
