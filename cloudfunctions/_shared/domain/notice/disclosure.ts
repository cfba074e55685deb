import { personalDataMessage } from '../shared/privacy';
import { fail, ok, Result } from '../shared/result';
import type { Sector } from '../org/model';

/** Categories every branch discloses [DIS-01] and those its sector adds [DIS-02]. */
export function categoriesFor(sector: Sector): string[] {
  const base = ['党费缴纳', '发展党员', '民主评议', '党内帮扶', '处置不合格党员'];
  const extra: Partial<Record<Sector, string[]>> = {
    organ: ['重大决策部署', '财务收支'],
    institution: ['重大决策部署', '财务收支'],
    village: ['财务收支', '一事一议筹资筹劳', '低保救助', '惠农补贴'],
    community: ['财务收支', '一事一议筹资筹劳', '低保救助', '惠农补贴'],
    private: ['单位重大决策', '生产经营', '福利待遇', '安全生产'],
    socialOrg: ['单位重大决策', '生产经营', '福利待遇', '安全生产'],
  };
  return [...base, ...(extra[sector] ?? []), '其他'];
}

/** One matter, five stages, in order [DIS-03]. */
export const STAGES = ['提议', '审议程序', '决议结果', '实施方案', '办理结果'] as const;
export type Stage = (typeof STAGES)[number];

export function checkStage(stage: Stage, published: Stage[]): Result<void> {
  const i = STAGES.indexOf(stage);
  if (published.includes(stage))
    return fail('CONFLICT', `该事项的“${stage}”已公开，请在原公开上修改`, 'DIS-03');
  const missing = STAGES.slice(0, i).filter((s) => !published.includes(s));
  if (missing.length)
    return fail('NOTICE.STAGE_ORDER', `请先公开“${missing.join('、')}”`, 'DIS-03');
  return ok(undefined);
}

/** No full ID number or mobile number in a notice or an attachment name [DIS-13, PRIV-02, PRIV-03]. */
export function checkPersonalData(...texts: string[]): Result<void> {
  const message = personalDataMessage(...texts);
  return message ? fail('CONTENT.PERSONAL_DATA', message, 'DIS-13') : ok(undefined);
}

/**
 * Staleness [DIS-07]: no new or updated item for 30 days alerts the maintainer; 60 days the
 * secretary and the superior too.
 */
export function staleness(
  lastUpdate: Date | null,
  now: Date,
): { days: number | null; level: 'ok' | 'maintainer' | 'secretary' } {
  if (!lastUpdate) return { days: null, level: 'secretary' };
  const days = Math.floor((+now - +lastUpdate) / 86400_000);
  return { days, level: days >= 60 ? 'secretary' : days >= 30 ? 'maintainer' : 'ok' };
}

/** The branch's named 公开栏 maintainer (专人), if one is set [DIS-06]. */
export function maintainerOf<M extends { roles: readonly { orgId: string; role: string }[] }>(
  members: readonly M[],
  orgId: string,
): M | null {
  return (
    members.find((m) =>
      m.roles.some((r) => r.orgId === orgId && r.role === 'disclosureMaintainer'),
    ) ?? null
  );
}
