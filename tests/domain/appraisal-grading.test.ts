import {
  consequencesOf,
  isCommended,
  rectifyDue,
  resultNotice,
} from '../../cloudfunctions/_shared/domain/appraisal/consequences';
import {
  advisoryGrade,
  checkBandReason,
  checkGradeOf,
  complianceScore,
  dailyScore,
  evaluationsOf,
  requiredBoxes,
  tallyMean,
  weightedScore,
  type BoxFacts,
} from '../../cloudfunctions/_shared/domain/appraisal/grading';
import {
  boundaryTies,
  checkQuota,
  checkTieReason,
  quotaLimit,
  quotaMeter,
} from '../../cloudfunctions/_shared/domain/appraisal/quota';

const W = { daily: 30, evaluations: 30, verification: 40 };
const TH = { excellent: 90, competent: 75, basicallyCompetent: 60 };
const closed = (box: BoxFacts['box'], tally: BoxFacts['tally']): BoxFacts => ({
  box,
  status: 'closed',
  valid: 10,
  tally,
});

describe('SEC-12 ballot conversion', () => {
  it('converts 优秀 100, 称职 80, 基本称职 60, 不称职 0 and takes the mean [SEC-12]', () => {
    expect(tallyMean({ excellent: 1 })).toBe(100);
    expect(tallyMean({ competent: 1 })).toBe(80);
    expect(tallyMean({ basicallyCompetent: 1 })).toBe(60);
    expect(tallyMean({ incompetent: 1 })).toBe(0);
    // (6·100 + 3·80 + 1·60) / 10 = 90
    expect(tallyMean({ excellent: 6, competent: 3, basicallyCompetent: 1, incompetent: 0 })).toBe(
      90,
    );
    expect(tallyMean({ excellent: 1, competent: 2 })).toBe(86.7);
    expect(tallyMean({})).toBeNull();
    expect(tallyMean(null)).toBeNull();
  });
  it('gives the jiaozuo grades the values of the same rank: 好 100, 较好 80, 一般 60, 差 0 [SEC-12, SEC-17]', () => {
    expect(tallyMean({ good: 1, fairlyGood: 1, average: 1, poor: 1 })).toBe(60);
    expect(tallyMean({ good: 3, poor: 1 })).toBe(75);
  });
});

describe('SEC-11 components and the weighted score', () => {
  it('requires the assembly and the committee box; jiaozuo has no committee box; 农村/社区 and jiaozuo need the 群众代表 [SEC-08, SEC-09, SEC-17]', () => {
    expect(requiredBoxes('hunan', 'organ')).toEqual(['assembly', 'committee']);
    expect(requiredBoxes('hunan', 'village')).toEqual(['assembly', 'committee', 'masses']);
    expect(requiredBoxes('jiaozuo', 'organ')).toEqual(['assembly', 'masses']);
  });
  it('weighs each box mean equally; a box hidden below the minimum turnout or not closed is missing [SEC-11, SEC-19]', () => {
    const both = evaluationsOf(
      [closed('assembly', { excellent: 1 }), closed('committee', { competent: 1 })],
      ['assembly', 'committee'],
    );
    expect(both).toMatchObject({ mean: 90, missing: [] });
    const hidden = evaluationsOf(
      [closed('assembly', { excellent: 1 }), { ...closed('committee', null), valid: 3 }],
      ['assembly', 'committee'],
    );
    expect(hidden).toMatchObject({ mean: null, missing: ['基层党委述职评议会测评'] });
    const open = evaluationsOf(
      [
        closed('assembly', { excellent: 1 }),
        { box: 'committee', status: 'open', valid: 0, tally: null },
      ],
      ['assembly', 'committee'],
    );
    expect(open.missing).toEqual(['基层党委述职评议会测评']);
    const voidBox = evaluationsOf(
      [{ box: 'assembly', status: 'void', valid: 0, tally: null }],
      ['assembly'],
    );
    expect(voidBox.missing).toEqual(['支部党员大会测评']);
  });
  it('counts an opened 群众代表 box even where it is not required [SEC-08]', () => {
    const e = evaluationsOf(
      [closed('assembly', { excellent: 1 }), closed('masses', { basicallyCompetent: 1 })],
      ['assembly'],
    );
    expect(e.mean).toBe(80);
  });
  it('maps compliance to 0–100 as the share of required periods not missed [SEC-10]', () => {
    expect(complianceScore([{ required: 12, missing: [] }])).toBe(100);
    expect(
      complianceScore([
        { required: 12, missing: ['2026-03', '2026-04', '2026-05'] },
        { required: 4, missing: ['2026-Q1'] },
      ]),
    ).toBe(75);
    expect(complianceScore([])).toBeNull();
  });
  it('takes the 堡垒指数 (共性 scaled to 100 until the superior assessed 个性) and compliance in equal halves [SEC-10]', () => {
    expect(
      dailyScore({ fortress: { total: 90, common: 55, assessed: true }, compliance: 70 }),
    ).toBe(80);
    expect(
      dailyScore({ fortress: { total: 45, common: 45, assessed: false }, compliance: 75 }),
    ).toBe(75);
    expect(dailyScore({ fortress: null, compliance: 75 })).toBeNull();
    expect(
      dailyScore({ fortress: { total: 1, common: 1, assessed: true }, compliance: null }),
    ).toBeNull();
  });
  it('weighs daily 30, evaluations 30, verification 40 by default, and is null naming what is missing [SEC-11]', () => {
    const ev = { mean: 90, missing: [] };
    expect(weightedScore({ daily: 80, evaluations: ev, verification: 85 }, W)).toEqual({
      weighted: 85, // (30·80 + 30·90 + 40·85) / 100
      missing: [],
    });
    expect(weightedScore({ daily: null, evaluations: ev, verification: null }, W)).toEqual({
      weighted: null,
      missing: ['日常考核', '调查核实'],
    });
    expect(
      weightedScore(
        { daily: 80, evaluations: { mean: null, missing: ['支部党员大会测评'] }, verification: 1 },
        W,
      ).missing,
    ).toEqual(['支部党员大会测评']);
    // a component the plan does not weigh is not missing
    expect(
      weightedScore(
        {
          daily: null,
          evaluations: { mean: null, missing: ['支部党员大会测评'] },
          verification: 70,
        },
        { daily: 0, evaluations: 0, verification: 100 },
      ),
    ).toEqual({ weighted: 70, missing: [] });
    // the campaign's own plan: 50/50/0
    expect(
      weightedScore(
        { daily: 80, evaluations: ev, verification: 0 },
        { daily: 50, evaluations: 50, verification: 0 },
      ).weighted,
    ).toBe(85);
  });
});

describe('SEC-20 advisory thresholds', () => {
  it('is off by default (no band, no reason needed) [SEC-20]', () => {
    expect(advisoryGrade(95, null, 'hunan')).toBeNull();
    expect(checkBandReason('incompetent', null, null)).toBeNull();
  });
  it('bands ≥ 90 优秀, ≥ 75 称职, ≥ 60 基本称职, < 60 不称职 at the boundaries [SEC-20]', () => {
    expect(advisoryGrade(90, TH, 'hunan')).toBe('excellent');
    expect(advisoryGrade(89.9, TH, 'hunan')).toBe('competent');
    expect(advisoryGrade(75, TH, 'hunan')).toBe('competent');
    expect(advisoryGrade(60, TH, 'hunan')).toBe('basicallyCompetent');
    expect(advisoryGrade(59.9, TH, 'hunan')).toBe('incompetent');
    expect(advisoryGrade(null, TH, 'hunan')).toBeNull();
    expect(advisoryGrade(95, TH, 'jiaozuo')).toBe('good');
    expect(advisoryGrade(10, TH, 'jiaozuo')).toBe('poor');
  });
  it('needs a written reason for a grade outside the band [SEC-20]', () => {
    expect(checkBandReason('competent', 'excellent', null)).toMatchObject({
      code: 'APPRAISAL.REASON_REQUIRED',
      ruleId: 'SEC-20',
    });
    expect(checkBandReason('competent', 'excellent', '  ')).not.toBeNull();
    expect(checkBandReason('competent', 'excellent', '调查核实发现问题')).toBeNull();
    expect(checkBandReason('excellent', 'excellent', null)).toBeNull();
  });
  it('refuses a grade of the other profile [SEC-10, SEC-17]', () => {
    expect(checkGradeOf('hunan', 'good')).toMatchObject({ ruleId: 'SEC-10' });
    expect(checkGradeOf('jiaozuo', 'excellent')).toMatchObject({ ruleId: 'SEC-17' });
    expect(checkGradeOf('jiaozuo', 'good')).toBeNull();
  });
});

describe('SEC-18 the 好 quota', () => {
  it.each([
    [6, 0],
    [7, 1],
    [13, 1],
    [14, 2],
    [20, 3],
  ])('allows at most floor(15·N/100) 好: N = %i → %i [SEC-18]', (n, limit) => {
    expect(quotaLimit(n)).toBe(limit);
    // the last 好 within the limit passes; one more is refused, whichever is entered first
    if (limit > 0) expect(checkQuota('good', n, limit - 1)).toBeNull();
    expect(checkQuota('good', n, limit)).toMatchObject({
      code: 'APPRAISAL.OVER_QUOTA',
      ruleId: 'SEC-18',
    });
    expect(checkQuota('fairlyGood', n, limit)).toBeNull();
  });
  it('says plainly that under 7 secretaries no 好 can be given [SEC-18]', () => {
    expect(quotaMeter(6, 0)).toMatchObject({ limit: 0, left: 0, of: 6 });
    expect(quotaMeter(6, 0).note).toContain('不足7名书记，本年度不能评“好”');
    expect(checkQuota('good', 6, 0)?.message).toContain('不足7名书记');
    expect(quotaMeter(14, 1)).toMatchObject({ grade: 'good', limit: 2, used: 1, left: 1, of: 14 });
  });
  it('lists the subjects tied at the boundary and needs a reason to give one of them 好 [SEC-18]', () => {
    const rows = [
      { subjectId: 'a', score: 95 },
      { subjectId: 'b', score: 91 },
      { subjectId: 'c', score: 91 },
      { subjectId: 'd', score: 80 },
      { subjectId: 'e', score: null },
    ];
    // limit 2: a, then b and c share the second place
    expect(boundaryTies(rows, 2)).toEqual([{ subjectIds: ['b', 'c'], score: 91 }]);
    expect(boundaryTies(rows, 1)).toEqual([]);
    expect(boundaryTies(rows, 3)).toEqual([]);
    expect(boundaryTies(rows, 0)).toEqual([]);
    const ties = boundaryTies(rows, 2);
    expect(checkTieReason('good', 'b', ties, null)).toMatchObject({
      code: 'APPRAISAL.REASON_REQUIRED',
      ruleId: 'SEC-18',
    });
    expect(checkTieReason('good', 'b', ties, '年度重点工作突出')).toBeNull();
    expect(checkTieReason('good', 'a', ties, null)).toBeNull();
    expect(checkTieReason('fairlyGood', 'c', ties, null)).toBeNull();
  });
  it('ties where every scored subject shares the boundary score [SEC-18]', () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ subjectId: `s${i}`, score: 88 }));
    expect(boundaryTies(rows, 1)[0].subjectIds).toHaveLength(7);
  });
});

describe('SEC-14 … SEC-16 consequences', () => {
  const base = {
    previousGrade: null,
    publishedOn: '2026-12-01',
    rectifyMonths: 3,
    deciderId: 'sup',
    subjectId: 'sec',
  } as const;
  it('commends 优秀 and 好 in the published text [SEC-14]', () => {
    expect(isCommended('excellent')).toBe(true);
    expect(isCommended('good')).toBe(true);
    expect(isCommended('competent')).toBe(false);
    const n = { year: 2026, orgName: '一支部', committeeName: '党委', subjectName: '李红' };
    expect(resultNotice({ ...n, grade: 'excellent' }).body).toContain('予以表扬');
    expect(resultNotice({ ...n, grade: 'competent' }).body).not.toContain('表扬');
  });
  it('names the secretary in the notice title, so two reviews of one branch and year differ [SEC-14]', () => {
    const n = { year: 2026, orgName: '一支部', committeeName: '党委', grade: 'competent' } as const;
    expect(resultNotice({ ...n, subjectName: '李红' }).title).toBe(
      '2026年度一支部书记李红同志述职评议结果',
    );
    expect(resultNotice({ ...n, subjectName: '王强' }).title).not.toBe(
      resultNotice({ ...n, subjectName: '李红' }).title,
    );
  });
  it('creates a 提醒谈话 for the decider and a rectification for the secretary on 基本称职 (一般) [SEC-15]', () => {
    for (const grade of ['basicallyCompetent', 'average'] as const)
      expect(consequencesOf({ ...base, grade })).toEqual([
        expect.objectContaining({ kind: 'reminderTalk', ownerId: 'sup', due: '2027-03-01' }),
        expect.objectContaining({ kind: 'rectification', ownerId: 'sec', due: '2027-03-01' }),
      ]);
    expect(consequencesOf({ ...base, grade: 'competent' })).toEqual([]);
    expect(consequencesOf({ ...base, grade: 'excellent' })).toEqual([]);
  });
  it('counts the rectification months on the calendar, across year end and 29 February [SEC-15]', () => {
    expect(rectifyDue('2026-11-30', 3)).toBe('2027-02-28');
    expect(rectifyDue('2027-11-29', 3)).toBe('2028-02-29');
    expect(rectifyDue('2027-11-30', 3)).toBe('2028-02-29');
    expect(rectifyDue('2028-02-29', 3)).toBe('2028-05-29');
    expect(rectifyDue('2026-10-15', 3)).toBe('2027-01-15');
    expect(rectifyDue('2026-12-31', 1)).toBe('2027-01-31');
  });
  it('flags 组织处理 to the superior on 不称职 (差), or 基本称职 (一般) two years running, nothing else [SEC-16]', () => {
    expect(consequencesOf({ ...base, grade: 'incompetent' })).toEqual([
      expect.objectContaining({ kind: 'orgHandling', ownerId: 'sup', due: null }),
    ]);
    expect(consequencesOf({ ...base, grade: 'poor' }).map((t) => t.kind)).toEqual(['orgHandling']);
    expect(
      consequencesOf({
        ...base,
        grade: 'basicallyCompetent',
        previousGrade: 'basicallyCompetent',
      }).map((t) => t.kind),
    ).toEqual(['reminderTalk', 'rectification', 'orgHandling']);
    expect(
      consequencesOf({ ...base, grade: 'average', previousGrade: 'basicallyCompetent' }).map(
        (t) => t.kind,
      ),
    ).toContain('orgHandling');
    expect(
      consequencesOf({ ...base, grade: 'basicallyCompetent', previousGrade: 'competent' }).map(
        (t) => t.kind,
      ),
    ).not.toContain('orgHandling');
    expect(
      consequencesOf({ ...base, grade: 'competent', previousGrade: 'basicallyCompetent' }),
    ).toEqual([]);
  });
});
