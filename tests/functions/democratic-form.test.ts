import type { DemocraticFormOut } from '../../cloudfunctions/_shared/contracts/appraisal-decision';
import { Backend, startBackend } from '../support/backend';
import { ID, ORG, SUP, seedDemocratic, tallyOf } from '../support/democratic-kit';
import { file, json } from '../support/narrow';
import { expectPrintReady, openBook, PERSONAL, texts } from '../support/xlsx';

/**
 * 《民主评议党员登记表》 (`appraisal.form` for kind `democraticAppraisal`) [APR-11]: per member and
 * for the branch, as JSON and as a print-ready A4 workbook; blank columns named, and an incomplete
 * form refuses the 归档 step (democratic-results.test.ts).
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

const decided = () => ({
  grades: {
    'demo-member-1': 'excellent',
    'demo-member-2': 'qualified',
    'demo-member-3': 'qualified',
    'demo-member-4': 'qualified',
    'demo-mobile': 'qualified',
    'demo-organizer': 'qualified',
    'demo-secretary': 'qualified',
  } as Record<string, 'excellent' | 'qualified'>,
  reasons: { 'demo-member-1': '带头完成中心工作' },
  final: true,
  by: SUP,
  at: new Date('2026-11-30T02:00:00Z'),
});

const record = async (who: string, memberId?: string): Promise<DemocraticFormOut> => {
  const r = json(await b.ok('appraisal', 'form', { id: ID, memberId, format: 'json' }, who));
  if (!('members' in r)) throw new Error('expected the 民主评议 登记表');
  return r;
};

describe('the 登记表 as JSON [APR-11]', () => {
  it('has per member the 个人自评, 党员互评情况, 民主测评情况 and the signed 党支部认定意见 [APR-11]', async () => {
    seedDemocratic(b, {
      step: 'archive',
      tally: tallyOf(8, { 'demo-member-1': { excellent: 6, qualified: 2 } }),
      decision: decided(),
    });
    const f = await record(ORG);
    expect(f.complete).toBe(true);
    const m1 = f.members.find((m) => m.memberId === 'demo-member-1')!;
    expect(m1).toMatchObject({
      name: '陈明',
      statusText: '正式党员',
      selfEvaluation: '陈明的个人自评',
      mutualSummary: '陈明的互评情况',
      ballotSummary: '有效票8张：优秀6票，合格2票，基本合格0票，不合格0票',
      branchOpinion: {
        gradeText: '优秀',
        text: '评定为“优秀”。理由：带头完成中心工作',
        signedBy: '王建国',
        signedAt: '2026年11月30日',
      },
      gaps: [],
    });
    const p = f.members.find((m) => m.memberId === 'demo-probationary')!;
    expect(p.branchOpinion).toMatchObject({
      gradeText: null,
      text: '预备党员参加评议，不评定等次',
    });
  });

  it('names the blank columns: no grade decided yet, no 自评 [APR-11]', async () => {
    seedDemocratic(b, { step: 'decision', tally: tallyOf(8), noSelf: ['demo-member-2'] });
    const f = await record(SUP);
    expect(f.complete).toBe(false);
    expect(f.members.find((m) => m.memberId === 'demo-member-2')!.gaps).toEqual([
      '个人自评',
      '党支部认定意见',
    ]);
  });

  it('gives one member their own form once fed back, and never another member’s [APR-12]', async () => {
    seedDemocratic(b, {
      step: 'archive',
      tally: tallyOf(8),
      decision: decided(),
      extra: { publishedAt: new Date('2026-11-30T03:00:00Z') },
    });
    const own = await record('demo-member-2', 'demo-member-2');
    expect(own.members.map((m) => m.memberId)).toEqual(['demo-member-2']);
    const e = await b.err(
      'appraisal',
      'form',
      { id: ID, memberId: 'demo-member-3', format: 'json' },
      'demo-member-2',
    );
    expect(e.code).toBe('AUTH.FORBIDDEN');
    expect(
      (await b.err('appraisal', 'form', { id: ID, format: 'json' }, 'demo-member-2')).code,
    ).toBe('AUTH.FORBIDDEN');
  });
});

describe('the 登记表 as an .xlsx [APR-11] [PRIV-07]', () => {
  it('is print-ready, one sheet per member after a summary, without a phone number; audited once', async () => {
    seedDemocratic(b, { step: 'archive', tally: tallyOf(8), decision: decided() });
    const out = file(await b.ok('appraisal', 'form', { id: ID, format: 'xlsx' }, ORG));
    expect(out.fileName).toBe('机关第一党支部_2026年_民主评议党员登记表.xlsx');
    const wb = await openBook(await b.emulator.readFile(out.fileId));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '陈明',
      '刘洋',
      '杨帆',
      '黄磊',
      '马骏',
      '张伟',
      '郑晓',
      '李红',
    ]);
    const sheet = wb.getWorksheet('陈明')!;
    expect(sheet.getCell('A1').value).toBe('民主评议党员登记表（2026年度）');
    expectPrintReady(sheet, 3);
    expect(sheet.pageSetup.orientation).toBe('portrait');
    const rows = new Map(
      texts(sheet)
        .slice(3)
        .map((r) => [r[0], r[1]]),
    );
    expect(rows.get('个人自评')).toBe('陈明的个人自评');
    expect(rows.get('党支部认定意见')).toBe('评定为“优秀”。理由：带头完成中心工作');
    for (const ws of wb.worksheets)
      for (const r of texts(ws)) expect(r.join(' ')).not.toMatch(PERSONAL);
    expect(b.docs('auditLogs').filter((a) => a.entity === 'exports').length).toBe(1);
  });

  it('for one member: a single sheet named by the member', async () => {
    seedDemocratic(b, { step: 'archive', tally: tallyOf(8), decision: decided() });
    const out = file(
      await b.ok('appraisal', 'form', { id: ID, memberId: 'demo-member-3', format: 'xlsx' }, ORG),
    );
    expect(out.fileName).toBe('机关第一党支部_2026年_杨帆民主评议党员登记表.xlsx');
    const wb = await openBook(await b.emulator.readFile(out.fileId));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['杨帆']);
  });
});
