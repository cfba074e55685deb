import type { Backend } from './backend';
import { voteKit } from './vote-kit';

/**
 * A 民主评议党员 of demo-branch (hunan, 13 正式党员 and 1 预备党员) for the DEMOCRATIC tests: opened
 * by the secretary, driven step by step (学习 → 个人自评 → 党员互评 → 民主测评), with meetings of
 * the branch whose members sign in.
 */
export function democraticKit(backend: () => Backend) {
  const SUP = 'demo-superior';
  const SEC = 'demo-secretary';
  const ORGANIZER = 'demo-organizer';
  const ORG = 'demo-branch';
  const ID = `democraticAppraisal:${ORG}:2026`;
  const M = (i: number) => `demo-member-${i}`;
  const PROB = 'demo-probationary';
  const kit = voteKit(backend);
  const b = () => backend();
  /** The 正式党员 of demo-branch (demo-newcomer is not bound: the committee enters for him). */
  const FULL = [...kit.FULL, 'demo-newcomer'].sort();
  const ALL = [...FULL, PROB].sort();

  const open = (orgId = ORG, who = SEC) =>
    b().ok('appraisal', 'open', { kind: 'democraticAppraisal', orgId, year: 2026 }, who);
  const get = (who = SEC, id = ID) => b().ok('appraisal', 'get', { id }, who);

  /** Opened and 学习 done: at 个人自评. */
  async function atSelf(id = ID, orgId = ORG) {
    await open(orgId);
    await b().ok(
      'appraisal',
      'completeStep',
      { id, step: 'study', note: '集中学习党章和习近平总书记关于党的建设的重要论述' },
      SEC,
    );
  }
  /** Every participant's 自评 in (demo-newcomer's by the 组织委员): at 党员互评. */
  async function atMutual() {
    await atSelf();
    for (const m of ALL)
      await b().ok(
        'appraisal',
        'selfEvaluate',
        m === 'demo-newcomer'
          ? { id: ID, text: '本人一年来按时参加组织生活。', memberId: m }
          : { id: ID, text: `${m}的个人自评：学习、工作和作风情况。` },
        m === 'demo-newcomer' ? ORGANIZER : m,
      );
  }
  /** Every 互评 summary recorded (the secretary's by the 组织委员): at 民主测评. */
  async function atBallot() {
    await atMutual();
    for (const m of ALL)
      await b().ok(
        'appraisal',
        'recordMutual',
        { id: ID, memberId: m, summary: '同志们认为该同志工作认真，联系群众。' },
        m === SEC ? ORGANIZER : SEC,
      );
  }
  /** Skips 自评 and 互评 with a note (for campaigns of other branches). */
  async function skipToBallot(id: string, who = SEC) {
    await b().ok('appraisal', 'completeStep', { id, step: 'study', note: '集中学习' }, who);
    for (const step of ['selfEvaluation', 'mutualEvaluation'] as const)
      await b().ok('appraisal', 'completeStep', { id, step, note: '党员均在会上口头进行' }, who);
  }
  /** A meeting of demo-branch with these members signed in (default: a 党员大会). */
  const meeting = (present: string[], type = 'branchAssembly') =>
    kit.meeting(present, { type: type as 'branchAssembly' });
  const appBox = async (present: string[], extra: object = {}) => {
    const activityId = await meeting(present);
    const r = await b().ok(
      'appraisal',
      'openBallot',
      { id: ID, box: 'assembly', mode: 'app', activityId, ...extra },
      ORGANIZER,
    );
    return { ...r, activityId };
  };
  const setOrg = (patch: Record<string, unknown>, orgId = ORG) =>
    Object.assign(b().emulator.store.get('orgs')!.get(orgId) as object, patch);

  return {
    SUP,
    SEC,
    ORGANIZER,
    ORG,
    ID,
    M,
    PROB,
    FULL,
    ALL,
    open,
    get,
    atSelf,
    atMutual,
    atBallot,
    skipToBallot,
    meeting,
    appBox,
    setOrg,
    setting: kit.setting,
    at: kit.at,
  };
}
