import type { AppraisalFormOut } from '../../cloudfunctions/_shared/contracts/appraisal';
import type { AppraisalDoc, BallotBoxDoc } from '../../cloudfunctions/_shared/repos/appraisals';
import { Backend, snapshot, startBackend } from '../support/backend';
import { file, json } from '../support/narrow';
import { expectPrintReady, openBook, PERSONAL, RAW_CODE, texts } from '../support/xlsx';

/**
 * The 双述双评 record for filing (`appraisal.form`) [issue 13 item 10]: JSON, and the same record
 * as a print-ready 《党支部书记抓党建述职评议考核登记表》. The campaign is stored as the steps leave
 * it (the steps themselves run through the API in appraisal-flow.test.ts).
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const ORG = 'demo-organizer';
const SUP = 'demo-superior';
const ID = 'secretaryReview:demo-secretary:2026';
const t = (iso: string) => new Date(Date.parse(iso));
const FACT = { key: 'themeDays', label: '主题党日', value: '已开11次，应开11次', link: null };

function box(p: Partial<BallotBoxDoc> & Pick<BallotBoxDoc, '_id' | 'box' | 'mode'>): BallotBoxDoc {
  return {
    ownerId: ID,
    orgId: 'demo-branch',
    activityId: null,
    subjectIds: [SEC],
    grades: ['excellent', 'competent', 'basicallyCompetent', 'incompetent'],
    maxBest: null,
    eligible: [],
    status: 'closed',
    openedBy: ORG,
    openedAt: t('2026-12-05T09:00:00+08:00'),
    result: null,
    closedAt: t('2026-12-05T11:00:00+08:00'),
    ...p,
  };
}

/** A published review of demo-secretary: assembly of 9 valid ballots, a committee box of 3. */
function published(patch: Partial<AppraisalDoc> = {}): AppraisalDoc {
  return {
    _id: ID,
    kind: 'secretaryReview',
    year: 2026,
    orgId: 'demo-branch',
    committeeId: 'demo-committee',
    subjectId: SEC,
    profile: 'hunan',
    orgPath: ['demo-branch', 'demo-committee'],
    orgName: '机关第一党支部',
    subjectName: '李红',
    predecessors: [],
    boxes: {
      assembly: {
        id: 'box-a',
        mode: 'app',
        status: 'closed',
        activityId: null,
        eligible: [],
        issued: null,
      },
      committee: {
        id: 'box-c',
        mode: 'paper',
        status: 'closed',
        activityId: null,
        eligible: [],
        issued: 3,
      },
    },
    step: 'done',
    stepsDone: {
      report: t('2026-11-25T10:00:00+08:00'),
      assembly: t('2026-12-05T11:00:00+08:00'),
      committee: t('2026-12-10T11:00:00+08:00'),
      grade: t('2026-12-15T10:00:00+08:00'),
      publish: t('2026-12-20T10:00:00+08:00'),
    },
    report: {
      status: 'approved',
      sections: {
        decisions: '认真贯彻上级党组织的决策部署。联系电话13912345678。',
        branchBuilding: '按时开展主题党日。',
        keyTasks: '完成年度重点任务。',
        serveMasses: '走访群众。',
        integrity: '严守纪律。',
      },
      comment: null,
      submittedAt: t('2026-11-24T10:00:00+08:00'),
      decidedAt: t('2026-11-25T10:00:00+08:00'),
      decidedBy: SUP,
      facts: [FACT],
    },
    boxIds: { assembly: 'box-a', committee: 'box-c' },
    leaderComment: { text: '抓党建责任意识强。', by: SUP, at: t('2026-12-10T10:00:00+08:00') },
    plan: {
      weights: { daily: 30, evaluations: 30, verification: 40 },
      thresholds: null,
      minBallots: 5,
      rectifyMonths: 3,
      due: '2026-12-31',
    },
    decision: {
      grade: 'basicallyCompetent',
      reason: '支部组织生活不够经常。',
      verification: 70,
      weighted: 72.5,
      by: SUP,
      at: t('2026-12-15T10:00:00+08:00'),
    },
    publishedAt: t('2026-12-20T10:00:00+08:00'),
    noticeId: null,
    tasks: [
      {
        kind: 'reminderTalk',
        ownerId: SUP,
        due: '2027-03-20',
        done: false,
        note: null,
        doneBy: null,
        doneAt: null,
      },
      {
        kind: 'rectification',
        ownerId: SEC,
        due: '2027-03-20',
        done: false,
        note: null,
        doneBy: null,
        doneAt: null,
      },
    ],
    openedBy: SUP,
    createdAt: t('2026-11-20T09:00:00+08:00'),
    ...patch,
  };
}

function seed(doc: AppraisalDoc = published()) {
  b.emulator.store.get('appraisals')!.set(doc._id, doc as any);
  const boxes = [
    box({
      _id: 'box-a',
      box: 'assembly',
      mode: 'app',
      eligible: ['demo-organizer', 'demo-member-1'],
      result: {
        issued: 10,
        returned: 9,
        valid: 9,
        tally: { [SEC]: { excellent: 2, competent: 5, basicallyCompetent: 2, incompetent: 0 } },
      },
    }),
    box({
      _id: 'box-c',
      box: 'committee',
      mode: 'paper',
      openedBy: SUP,
      result: {
        issued: 3,
        returned: 3,
        valid: 3,
        tally: { [SEC]: { competent: 2, basicallyCompetent: 1 } },
      },
    }),
  ];
  for (const x of boxes) b.emulator.store.get('ballotBoxes')!.set(x._id, x as any);
}

/** The contract declares a file or a record of either kind: data narrows to this record, no cast. */
const record = async (who: string, id = ID): Promise<AppraisalFormOut> => {
  const r = json(await b.ok('appraisal', 'form', { id, format: 'json' }, who));
  if (!('subjectId' in r)) throw new Error('expected the 双述双评 record');
  return r;
};
const book = async (fileId: string) => openBook(await b.emulator.readFile(fileId));

describe('the record as JSON', () => {
  it('has the campaign, the report with its facts, each box, the 点评, the signed grade and the consequences [SEC-04] [SEC-06] [SEC-09] [SEC-10] [SEC-15]', async () => {
    seed();
    const f = await record(SUP);
    expect(f).toMatchObject({
      id: ID,
      title: '党支部书记抓党建述职评议考核登记表',
      orgName: '机关第一党支部',
      committeeName: '示范学院党委',
      subjectName: '李红',
      year: 2026,
      profile: 'hunan',
      publishedAt: '2026-12-20T02:00:00.000Z',
      commended: false,
      gradeHidden: null,
    });
    expect(f.report.sections.map((s) => s.title)).toEqual([
      '贯彻执行党组织决策部署',
      '加强支部建设',
      '完成重点任务',
      '联系服务群众',
      '廉洁自律',
    ]);
    expect(f.report.sections[1].facts).toEqual([FACT]); // frozen at approval, never retyped
    expect(f.evaluations.map((e) => [e.box, e.valid, e.counts])).toEqual([
      ['assembly', 9, { excellent: 2, competent: 5, basicallyCompetent: 2, incompetent: 0 }],
      ['committee', 3, null],
    ]);
    expect(f.leaderComment).toEqual({
      text: '抓党建责任意识强。',
      by: '王建国',
      at: '2026-12-10T02:00:00.000Z',
    });
    expect(f.grade).toEqual({
      grade: 'basicallyCompetent',
      gradeText: '基本称职',
      reason: '支部组织生活不够经常。',
      verification: 70,
      weighted: 72.5,
      by: '王建国',
      at: '2026-12-15T02:00:00.000Z',
    });
    expect(f.consequences.map((c) => [c.title, c.ownerName, c.due, c.ruleId])).toEqual([
      ['提醒谈话', '王建国', '2027-03-20', 'SEC-15'],
      ['整改落实', '李红', '2027-03-20', 'SEC-15'],
    ]);
  });

  it('hides the tallies of a box below the minimum turnout, saying why [SEC-19]', async () => {
    seed();
    const committee = (await record(SUP)).evaluations[1];
    expect(committee).toMatchObject({ issued: 3, returned: 3, valid: 3, counts: null });
    expect(committee.hidden).toContain('少于5张');
  });

  it('gives the branch committee the grade only once it is published [SEC-14]', async () => {
    seed(published({ step: 'publish', publishedAt: null, tasks: [] }));
    const before = await record(ORG);
    expect(before).toMatchObject({ grade: null, gradeHidden: '等次尚未公布', consequences: [] });
    expect((await record(SUP)).grade?.gradeText).toBe('基本称职'); // the superior who graded
    seed();
    expect((await record(ORG)).grade?.gradeText).toBe('基本称职');
  });

  it('keeps the 组织处理 flag to the superior: the branch committee’s record does not carry it [SEC-16]', async () => {
    const flag = {
      kind: 'orgHandling' as const,
      ownerId: SUP,
      due: null,
      done: false,
      note: null,
      doneBy: null,
      doneAt: null,
    };
    seed(
      published({ decision: { ...published().decision!, grade: 'incompetent' }, tasks: [flag] }),
    );
    expect((await record(SUP)).consequences.map((c) => [c.title, c.ruleId])).toEqual([
      ['研究组织处理', 'SEC-16'],
    ]);
    expect((await record(ORG)).consequences).toEqual([]);
  });

  it('reads the live facts while the report is not yet approved [SEC-06]', async () => {
    seed(published({ report: { ...published().report, status: 'submitted', facts: null } }));
    const facts = (await record(SUP)).report.sections[1].facts ?? [];
    expect(facts.length).toBeGreaterThan(3);
    for (const fact of facts)
      expect(fact.value === null || typeof fact.value === 'string').toBe(true);
  });

  it('refuses the secretary under review, and members, and changes nothing [PRIV-21]', async () => {
    seed();
    const before = snapshot(b);
    const own = await b.err('appraisal', 'form', { id: ID, format: 'json' }, SEC);
    expect(own).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(own.details?.ruleId).toBe('PRIV-21');
    expect(await b.err('appraisal', 'form', { id: ID }, 'demo-member-1')).toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
    expect(
      await b.err('appraisal', 'form', { id: ID, memberId: 'demo-member-1' }, SUP),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await b.err('appraisal', 'form', { id: 'secretaryReview:nobody:2026' }, SUP),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(snapshot(b)).toBe(before);
  });
});

describe('round trips', () => {
  it('reads the record in a fixed number of round trips (≤ 7 with frozen facts, ≤ 11 live, + 3 for the file)', async () => {
    seed();
    const frozen = await b.roundTrips('appraisal', 'form', { id: ID }, SUP);
    expect(frozen.res.ok).toBe(true);
    seed(published({ report: { ...published().report, facts: null } }));
    const live = await b.roundTrips('appraisal', 'form', { id: ID }, SUP);
    expect(live.res.ok).toBe(true);
    const xlsx = await b.roundTrips('appraisal', 'form', { id: ID, format: 'xlsx' }, SUP);
    expect(xlsx.res.ok).toBe(true);
    expect(frozen.roundTrips).toBeLessThanOrEqual(7);
    expect(live.roundTrips).toBeLessThanOrEqual(11);
    expect(xlsx.roundTrips).toBeLessThanOrEqual(live.roundTrips + 3); // + the audited export entry
  });
});

describe('the record as an .xlsx for filing [PRIV-07]', () => {
  it('says in its cells what the JSON says, print-ready, in Chinese, without a full phone number; audited once', async () => {
    seed();
    const f = await record(SUP);
    const out = file(await b.ok('appraisal', 'form', { id: ID, format: 'xlsx' }, SUP));
    expect(out.fileName).toBe('机关第一党支部_2026年_书记李红述职评议考核登记表.xlsx');
    const wb = await book(out.fileId);
    const form = wb.getWorksheet('登记表')!;
    expect(form.getCell('A1').value).toBe('党支部书记抓党建述职评议考核登记表（2026年度）');
    expectPrintReady(form, 3);
    expect(form.pageSetup.orientation).toBe('portrait');
    const rows = new Map(
      texts(form)
        .slice(3)
        .map((r) => [r[0], r[1]]),
    );
    expect(rows.get('姓名')).toBe(f.subjectName);
    expect(rows.get('所在党组织')).toBe(f.orgName);
    expect(rows.get('评定的党组织')).toBe(f.committeeName);
    expect(rows.get('评定等次')).toBe(f.grade!.gradeText);
    expect(rows.get('评定理由')).toBe(f.grade!.reason);
    expect(rows.get('评定人')).toBe('王建国（2026年12月15日签署）');
    expect(rows.get('调查核实得分')).toBe(String(f.grade!.verification));
    expect(rows.get('参考加权得分')).toBe(String(f.grade!.weighted));
    expect(rows.get('领导点评')).toBe('抓党建责任意识强。（点评人：王建国，2026年12月10日）');
    expect(rows.get('结果公布')).toBe('2026年12月20日公布');
    expect(rows.get('　主题党日')).toBe(FACT.value);
    for (const s of f.report.sections) expect(rows.has(s.title)).toBe(true);
    expect(rows.get('贯彻执行党组织决策部署')).toBe(
      '认真贯彻上级党组织的决策部署。联系电话139****5678。',
    );
    expect(rows.get('后续事项')).toBe(
      '提醒谈话（负责人：王建国；2027年3月20日前；未完成）\n整改落实（负责人：李红；2027年3月20日前；未完成）',
    );
    expect(rows.get('支部党员大会测评')).toBe(
      '发出10张，收回9张，有效9张；优秀2票，称职5票，基本称职2票，不称职0票',
    );
    expect(rows.get('基层党委述职评议会测评')).toContain('少于5张');

    const counts = wb.getWorksheet('测评票数')!;
    expectPrintReady(counts, 3);
    expect(texts(counts)[2]).toEqual([
      '测评',
      '方式',
      '发出（张）',
      '收回（张）',
      '有效（张）',
      '优秀（票）',
      '称职（票）',
      '基本称职（票）',
      '不称职（票）',
      '说明',
    ]);
    const assembly = counts.getRow(4);
    const [e] = f.evaluations;
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((c) => assembly.getCell(c).value)).toEqual([
      '小程序测评',
      e.issued,
      e.returned,
      e.valid,
      e.counts!.excellent,
      e.counts!.competent,
      e.counts!.basicallyCompetent,
      e.counts!.incompetent,
    ]);
    const hidden = counts.getRow(5);
    expect([6, 7, 8, 9].map((c) => hidden.getCell(c).value ?? '')).toEqual(['', '', '', '']);
    expect(String(hidden.getCell(10).value)).toBe(f.evaluations[1].hidden);

    for (const ws of [form, counts])
      for (const text of texts(ws).flat()) {
        expect(text).not.toMatch(PERSONAL);
        expect(text).not.toMatch(RAW_CODE);
      }
    const audits = b
      .docs('auditLogs')
      .filter((a) => a.entity === 'exports' && a.entityId === out.fileId);
    expect(audits).toHaveLength(1);
  });

  it('uses the jiaozuo grades for a 评书记 record [SEC-17]', async () => {
    seed(
      published({
        profile: 'jiaozuo',
        decision: { ...published().decision!, grade: 'good', reason: null },
        tasks: [],
      }),
    );
    const f = await record(SUP);
    expect(f).toMatchObject({ profileName: '焦作“评书记”', commended: true });
    const out = file(await b.ok('appraisal', 'form', { id: ID, format: 'xlsx' }, SUP));
    const wb = await book(out.fileId);
    expect(texts(wb.getWorksheet('测评票数')!)[2].slice(5, 9)).toEqual([
      '好（票）',
      '较好（票）',
      '一般（票）',
      '差（票）',
    ]);
    const rows = new Map(
      texts(wb.getWorksheet('登记表')!)
        .slice(3)
        .map((r) => [r[0], r[1]]),
    );
    expect(rows.get('评定等次')).toBe('好');
    expect(rows.get('表扬')).toBe('评为好，予以表扬');
  });
});
