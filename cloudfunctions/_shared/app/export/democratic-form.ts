import type { DemocraticFormOut } from '../../contracts/appraisal-decision';
import { Cell, fileNameOf, instantName, SheetSpec, WorkbookSpec } from './spec';

const UNSET = '（未填写）';

/** One member's 登记表 in 项目/内容 rows, in the order of the paper form [APR-11]. */
export function democraticFormRows(m: DemocraticFormOut['members'][number]): Cell[][] {
  const o = m.branchOpinion;
  return [
    ['姓名', m.name],
    ['党员类别', m.statusText],
    [
      '个人自评',
      m.selfEvaluation
        ? `${m.selfEvaluation}${m.selfProxy ? '\n（本人无法使用手机，由支部代为录入）' : ''}`
        : UNSET,
    ],
    ['党员互评情况', m.mutualSummary ?? UNSET],
    ['民主测评情况', m.ballotSummary ?? UNSET],
    ['党支部认定意见', o ? o.text : UNSET],
    ['签字', o ? `${o.signedBy}　${o.signedAt}` : ''],
    ['尚未填写', m.gaps.length ? m.gaps.join('、') : '无'],
  ];
}

/**
 * 《民主评议党员登记表》 as a workbook [APR-11]: one A4 portrait sheet per member (项目/内容), and
 * for the branch a summary sheet first. Chinese words only, no ids, no phone or ID number
 * [PRIV-07]. Tab names are the members' names (at most 31 characters, made unique).
 */
export function democraticFormBook(f: DemocraticFormOut): WorkbookSpec {
  const year = `${f.year}年`;
  const subtitle = `${f.orgName}　生成时间：${instantName(f.generatedAt)}`;
  const used = new Set<string>();
  const tab = (name: string) => {
    let t = name.slice(0, 28) || '党员';
    for (let i = 2; used.has(t); i++) t = `${name.slice(0, 26)}${i}`;
    used.add(t);
    return t;
  };
  const sheet = (m: DemocraticFormOut['members'][number]): SheetSpec => ({
    name: tab(m.name),
    title: `${f.title}（${year}度）`,
    subtitle,
    columns: [
      { header: '项目', width: 18, wrap: true },
      { header: '内容', width: 74, wrap: true },
    ],
    rows: democraticFormRows(m),
    notes: ['说明：有效票少于规定张数时，不显示各等次票数，以保护投票人。'],
  });
  const one = f.members.length === 1;
  const summary: SheetSpec = {
    name: tab('汇总'),
    title: `${f.orgName}${year}度民主评议党员登记表汇总`,
    subtitle,
    columns: [
      { header: '姓名', width: 12 },
      { header: '党员类别', width: 18 },
      { header: '评定等次', width: 12 },
      { header: '民主测评情况', width: 44, wrap: true },
      { header: '尚未填写', width: 20, wrap: true },
    ],
    rows: f.members.map((m) => [
      m.name,
      m.statusText,
      m.branchOpinion ? (m.branchOpinion.gradeText ?? '不评定等次') : '',
      m.ballotSummary ?? UNSET,
      m.gaps.join('、') || '无',
    ]),
    notes: ['评议结果只向党员本人反馈，本表作为档案留存，不公开张贴。'],
  };
  return {
    fileName: fileNameOf(
      f.orgName,
      year,
      one ? `${f.members[0].name}民主评议党员登记表` : '民主评议党员登记表',
    ),
    sheets: one ? [sheet(f.members[0])] : [summary, ...f.members.map(sheet)],
  };
}
