import { exportContract } from '../../contracts/export';
import type { ExportFileOutput } from '../../contracts/export';
import { settingOf } from '../../domain/org/settings';
import { memberFacts } from '../../domain/points/facts';
import { pioneerIndex } from '../../domain/points/pioneer';
import { orNotFound } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { pointsBranchYear, standingOf } from '../points/queries';
import { assertPointsOn, timelineFor } from '../points/support';
import { exportDir } from '../media/paths';
import { audited } from './attendance';
import { Cell, Column, fileNameOf, instantName, WorkbookSpec } from './spec';

/**
 * The year's 先锋指数 as a 台账: by name, never ordered by score [PTS-21]; a 名次 column only where
 * the branch shows members the ranking [PTS-22]; exempt members listed with no score [PTS-02].
 * Points are a reference for the appraisal, not its conclusion.
 */
export const points = action({
  input: exportContract.points.input,
  async run(ctx, input): Promise<ExportFileOutput> {
    const view = orNotFound(await pointsBranchYear(input.orgId, input.year), '组织');
    const org = assertPointsOn(await ctx.require('points.readAll', view.org));
    const items = timelineFor(org, view.standards, input.year);
    const withRank = !!settingOf(org, 'membersSeeRanking');
    const ranks = new Map(
      withRank ? standingOf(view, input.year, ctx.now).map((r) => [r.memberId, r.rank]) : [],
    );
    const members = [...view.members].sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    const rows: Cell[][] = members.map((m) => {
      const p = pioneerIndex(memberFacts(m, view.facts, ctx.now), items, input.year);
      const note = p.exempt ? '经支部决定免于积分' : p.vetoed ? '一票否决' : '';
      const b = p.base;
      const scores: Cell[] = p.exempt
        ? ['', '', '', '', '', '', '', '不计分']
        : [b.orgLife, b.study, b.dues, b.morality, b.contribution, p.add, p.deduct, p.total];
      return [m.name, ...scores, ...(withRank ? [ranks.get(m._id) ?? ''] : []), note];
    });
    const columns: Column[] = [
      { header: '姓名', width: 12 },
      { header: '组织生活', width: 10 },
      { header: '学习', width: 8 },
      { header: '党费', width: 8 },
      { header: '品德', width: 8 },
      { header: '贡献', width: 8 },
      { header: '加分', width: 8 },
      { header: '扣分', width: 8 },
      { header: '总分', width: 8 },
      ...(withRank ? [{ header: '名次', width: 8 }] : []),
      { header: '备注', width: 20, wrap: true },
    ];
    const year = `${input.year}年`;
    const spec: WorkbookSpec = {
      fileName: fileNameOf(org.name, year, '党员先锋指数'),
      sheets: [
        {
          name: '先锋指数',
          title: `${org.name} ${year}党员先锋指数`,
          subtitle: view.published
            ? `已于${instantName(new Date(view.published.publishedAt).toISOString()).slice(0, -6)}公布`
            : `尚未公布，统计至${instantName(ctx.now.toISOString())}`,
          landscape: true,
          columns,
          rows,
          notes: [
            '按姓名排列。积分是民主评议党员的参考，不是评议结论。',
            ...(withRank ? [] : ['本支部未公开积分名次，表中不列名次。']),
          ],
        },
      ],
    };
    return audited(ctx, org, exportDir(org._id, 'points'), spec, { points: input.year });
  },
});
