import type { Backend } from './backend';
import { voteKit } from './vote-kit';

/**
 * A 双述双评 of demo-secretary (李红, demo-branch) for the CORE appraisal tests: opened by the
 * superior, the report written, submitted and approved, the 党员大会 held with members signed in.
 */
export function appraisalCoreKit(backend: () => Backend) {
  const SUP = 'demo-superior';
  const SEC = 'demo-secretary';
  const ORGANIZER = 'demo-organizer';
  const ORG = 'demo-branch';
  const ID = `secretaryReview:${SEC}:2026`;
  const kit = voteKit(backend);
  const b = () => backend();

  const TEXTS = {
    decisions: '认真贯彻落实上级党组织的决策部署',
    branchBuilding: '按计划开展主题党日和三会一课',
    keyTasks: '完成年度重点任务',
    serveMasses: '联系服务群众，解决实际困难',
    integrity: '严格遵守廉洁自律各项规定',
  };

  async function open(orgId = ORG) {
    return b().ok('appraisal', 'open', { kind: 'secretaryReview', orgId, year: 2026 }, SUP);
  }
  /** Opened, written, submitted and approved: the campaign is at the 党员大会 step. */
  async function approved(id = ID) {
    await open();
    await b().ok('appraisal', 'saveReport', { id, sections: TEXTS }, SEC);
    await b().ok('appraisal', 'submitReport', { id }, SEC);
    await b().ok('appraisal', 'approveReport', { id, approve: true }, SUP);
  }
  /** A 支部党员大会 of demo-branch with these members signed in; the clock is left in it. */
  const assembly = (present: string[]) => kit.meeting(present);
  const setOrg = (patch: Record<string, unknown>, orgId = ORG) =>
    Object.assign(b().emulator.store.get('orgs')!.get(orgId) as object, patch);

  return { SUP, SEC, ORGANIZER, ORG, ID, TEXTS, open, approved, assembly, setOrg, at: kit.at };
}
