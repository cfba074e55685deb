import type { AppraisalFormOut } from '../../contracts/appraisal';
import { GRADE_WORDS, secretaryGrades } from '../../domain/appraisal/model';
import type { Profile } from '../../domain/org/model';
import { localDate } from '../../domain/shared/time';
import { Cell, dateName, fileNameOf, instantName, WorkbookSpec } from './spec';

const MODE_WORDS = { app: '小程序测评', paper: '纸质票' } as const;
const day = (iso: string) => dateName(localDate(new Date(iso)));
const UNSET = '（未填写）';

/** A box's result in words, as the 登记表 writes it (the counts sheet has the numbers). */
export function evaluationText(e: AppraisalFormOut['evaluations'][number], profile: string) {
  if (e.status === 'open') return '测评尚未结束';
  if (e.void) return `作废：${e.hidden ?? ''}`;
  const head = `发出${e.issued}张，收回${e.returned}张，有效${e.valid}张`;
  if (!e.counts) return `${head}。${e.hidden ?? ''}`;
  const counts = secretaryGrades(profile as Profile)
    .map((g) => `${GRADE_WORDS[g]}${e.counts?.[g] ?? 0}票`)
    .join('，');
  return `${head}；${counts}`;
}

/** One follow-up in words: 提醒谈话（负责人：王建国；2027年3月20日前；未完成） */
export const taskText = (t: AppraisalFormOut['consequences'][number]) =>
  `${t.title}（负责人：${t.ownerName}${t.due ? `；${dateName(t.due)}前` : ''}；${t.done ? '已完成' : '未完成'}${t.note ? `；${t.note}` : ''}）`;

/** The rows of the 登记表 sheet: 项目 and 内容, in the order of the paper form. */
export function formRows(f: AppraisalFormOut): Cell[][] {
  const rows: Cell[][] = [
    ['姓名', f.subjectName],
    ['所在党组织', f.orgName],
    ['评定的党组织', f.committeeName],
    ['年度', `${f.year}年`],
    ['评议方式', f.profileName],
  ];
  for (const p of f.predecessors)
    rows.push(['年内曾任书记', `${p.name}（${dateName(p.from)}至${dateName(p.to)}）`]);
  const submitted = f.report.submittedAt ? `，${day(f.report.submittedAt)}提交` : '';
  rows.push(['述职报告', `${f.report.statusText}${submitted}`]);
  if (f.report.comment) rows.push(['审核意见', f.report.comment]);
  for (const s of f.report.sections) {
    rows.push([s.title, s.text || UNSET]);
    for (const fact of s.facts ?? []) rows.push([`　${fact.label}`, fact.value ?? '未记录']);
  }
  for (const e of f.evaluations) rows.push([e.title, evaluationText(e, f.profile)]);
  rows.push([
    '领导点评',
    f.leaderComment
      ? `${f.leaderComment.text}（点评人：${f.leaderComment.by}，${day(f.leaderComment.at)}）`
      : '未记录',
  ]);
  const g = f.grade;
  rows.push(
    ['调查核实得分', g ? (g.verification ?? '未录入') : ''],
    ['参考加权得分', g ? (g.weighted ?? '无法计算') : ''],
    ['评定等次', g ? g.gradeText : (f.gradeHidden ?? '')],
    ['评定理由', g ? (g.reason ?? '无') : ''],
    ['评定人', g ? `${g.by}（${day(g.at)}签署）` : ''],
    ['结果公布', f.publishedAt ? `${day(f.publishedAt)}公布` : '尚未公布'],
  );
  if (f.commended) rows.push(['表扬', `评为${g?.gradeText ?? ''}，予以表扬`]);
  rows.push(['后续事项', f.consequences.length ? f.consequences.map(taskText).join('\n') : '无']);
  return rows;
}

/** The counts sheet: one row per box, a column per grade of the profile. */
export function countRows(f: AppraisalFormOut): Cell[][] {
  const grades = secretaryGrades(f.profile as Profile);
  return f.evaluations.map((e) => [
    e.title,
    MODE_WORDS[e.mode],
    e.status === 'open' ? '' : e.issued,
    e.status === 'open' ? '' : e.returned,
    e.status === 'open' ? '' : e.valid,
    ...grades.map((g): Cell => (e.counts ? (e.counts[g] ?? 0) : '')),
    e.status === 'open' ? '测评尚未结束' : (e.hidden ?? ''),
  ]);
}

/**
 * 《党支部书记抓党建述职评议考核登记表》 as a workbook [issue 13 item 10]: the record in 项目/内容
 * rows on one A4 portrait page wide, and the counts of each box on a second sheet. Chinese words
 * only, no ids, and no full phone or ID number (the renderer masks any) [PRIV-07].
 */
export function appraisalFormBook(f: AppraisalFormOut): WorkbookSpec {
  const year = `${f.year}年`;
  const subtitle = `${f.committeeName}　生成时间：${instantName(f.generatedAt)}`;
  const grades = secretaryGrades(f.profile as Profile);
  return {
    fileName: fileNameOf(f.orgName, year, `书记${f.subjectName}述职评议考核登记表`),
    sheets: [
      {
        name: '登记表',
        title: `${f.title}（${year}度）`,
        subtitle,
        columns: [
          { header: '项目', width: 22, wrap: true },
          { header: '内容', width: 70, wrap: true },
        ],
        rows: formRows(f),
        notes: [
          '说明：本表由系统根据评议记录生成，加强支部建设的数字来自日常记录，不手工填写。',
          '有效票少于规定张数时，不显示各等次票数，以保护投票人。参考加权得分仅供参考，等次以上级党组织评定为准。',
        ],
      },
      {
        name: '测评票数',
        title: `${f.orgName}书记${f.subjectName}${year}度述职测评票数`,
        subtitle,
        columns: [
          { header: '测评', width: 24 },
          { header: '方式', width: 12 },
          { header: '发出（张）', width: 10 },
          { header: '收回（张）', width: 10 },
          { header: '有效（张）', width: 10 },
          ...grades.map((g) => ({ header: `${GRADE_WORDS[g]}（票）`, width: 10 })),
          { header: '说明', width: 30, wrap: true },
        ],
        rows: countRows(f),
        landscape: true,
      },
    ],
  };
}
