import type { SecretaryGrade } from '../../cloudfunctions/_shared/domain/appraisal/model';
import type { AppraisalDoc } from '../../cloudfunctions/_shared/repos/appraisals';
import type { Backend } from './backend';

/**
 * Driving a 双述双评 to 评定等次 through the real API (open → report → paper ballots → 点评), and
 * stored fixtures of the committee's other campaigns, for the grading tests.
 */
export const SUP = 'demo-superior';
export const SEC = 'demo-secretary';
export const ORG = 'demo-organizer';
export const ID = 'secretaryReview:demo-secretary:2026';
type Counts = Record<string, number>;

export function setOrg(b: Backend, id: string, patch: Record<string, unknown>) {
  const orgs = b.emulator.store.get('orgs')!;
  orgs.set(id, { ...orgs.get(id)!, ...patch });
}
export function patchCampaign(b: Backend, id: string, patch: Partial<AppraisalDoc>) {
  const docs = b.emulator.store.get('appraisals')!;
  docs.set(id, { ...docs.get(id)!, ...patch } as never);
}

/** The real steps up to 评定等次: report approved, both paper boxes entered, the 点评 recorded. */
export async function toGrade(
  b: Backend,
  assembly: Counts = { excellent: 6, competent: 4 },
  committee: Counts | null = { excellent: 2, competent: 6 },
) {
  const { id } = await b.ok(
    'appraisal',
    'open',
    { kind: 'secretaryReview', orgId: 'demo-branch', year: 2026 },
    SUP,
  );
  const sections = { decisions: '一', keyTasks: '二', serveMasses: '三', integrity: '四' };
  await b.ok('appraisal', 'saveReport', { id, sections }, SEC);
  await b.ok('appraisal', 'submitReport', { id }, SEC);
  await b.ok('appraisal', 'approveReport', { id, approve: true }, SUP);
  const enter = async (box: 'assembly' | 'committee' | 'masses', counts: Counts, who: string) => {
    const n = Object.values(counts).reduce((s, c) => s + c, 0);
    const { ballotId } = await b.ok('appraisal', 'openBallot', { id, box, mode: 'paper' }, who);
    await b.ok(
      'appraisal',
      'enterTally',
      { ballotId, issued: n, returned: n, counts: { [SEC]: counts } },
      who,
    );
  };
  const jiaozuo = b.docs<AppraisalDoc>('appraisals')[0].profile === 'jiaozuo';
  // the same marks in the 评书记 words (好/较好/一般/差) under jiaozuo
  const words: Record<string, string> = {
    excellent: 'good',
    competent: 'fairlyGood',
    basicallyCompetent: 'average',
    incompetent: 'poor',
  };
  const local = (c: Counts) =>
    jiaozuo ? Object.fromEntries(Object.entries(c).map(([g, n]) => [words[g] ?? g, n])) : c;
  await enter('assembly', local(assembly), ORG);
  if (jiaozuo) await enter('masses', local(assembly), ORG);
  if (committee && !jiaozuo) {
    await enter('committee', committee, SUP);
    await b.ok('appraisal', 'recordComment', { id, comment: '抓党建责任意识强' }, SUP);
  }
  return id;
}

/** `decide` for the campaign's (or `subject`'s) grade, answering the envelope (ok or refused). */
export async function decide(
  b: Backend,
  grade: string | null,
  extra: Record<string, unknown> = {},
  id = ID,
  subject = SEC,
): Promise<{ ok: boolean; error?: { code: string; message: string; details?: any } }> {
  return b.invoke(
    'appraisal',
    { action: 'decide', data: { id, grades: { [subject]: grade }, ...extra } },
    SUP,
  );
}

/**
 * The committee's other secretary reviews of the year, as stored documents copied from `base`
 * (subjects `other-1` …, same branch and boxes): N of the quota is 1 + n.
 */
export function otherCampaigns(
  b: Backend,
  base: AppraisalDoc,
  n: number,
  patch: (i: number) => Partial<AppraisalDoc> = () => ({}),
): string[] {
  const docs = b.emulator.store.get('appraisals')!;
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const doc: AppraisalDoc = {
      ...structuredClone(base),
      _id: `secretaryReview:other-${i}:${base.year}`,
      subjectId: `other-${i}`,
      subjectName: `书记${i}`,
      ...patch(i),
    };
    docs.set(doc._id, doc as never);
    return doc._id;
  });
}

/** A decision as stored (the superior's, at the demo instant's day). */
export const decided = (grade: SecretaryGrade, verification: number) => ({
  step: 'publish' as const,
  decision: {
    grade,
    reason: null,
    verification,
    weighted: verification,
    by: SUP,
    at: new Date('2026-11-30T02:00:00Z'),
  },
});
