import type { ActivityReport, ReportActivity } from '../../contracts/activity';
import { dateName, fileNameOf, instantName, periodName, WorkbookSpec } from './spec';

/** What the summary sheet needs beyond the JSON report: 应开 per type in the half (null: no requirement). */
export type Required = Record<string, number | null>;

/**
 * The half-year 台账 of 主题党日 and 三会一课 for the superior [TD-21, MTG-22]: a summary with 应开,
 * 已开 and the periods not held, in words (2026年第三季度, never 2026-Q3), and one row per activity
 * with its attendance and its 纪实.
 */
export function reportBook(r: ActivityReport, required: Required): WorkbookSpec {
  const half = periodName(r.half);
  const generated = `生成时间：${instantName(r.generatedAt)}`;
  return {
    fileName: fileNameOf(r.orgName, half, '主题党日和三会一课台账'),
    sheets: [
      {
        name: '汇总',
        title: `${r.orgName} ${half}主题党日和“三会一课”开展情况`,
        subtitle: generated,
        columns: [
          { header: '类型', width: 16 },
          { header: '应开（次）', width: 12 },
          { header: '已开（次）', width: 12 },
          { header: '未开展的期间', width: 44, wrap: true },
        ],
        rows: r.summary.map((s) => {
          const need = required[s.type] ?? null;
          return [
            s.typeName,
            need === null ? '不作要求' : need,
            s.held,
            s.missing.length ? s.missing.map(periodName).join('、') : '无',
          ];
        }),
        notes: [
          '说明：“应开”为本半年按规定应召开的次数；“已开”只计已结束、有纪实、有人参加的活动。',
          '尚未结束的期间不算未开展。',
        ],
      },
      {
        name: '明细',
        title: `${r.orgName} ${half}主题党日和“三会一课”明细`,
        subtitle: generated,
        landscape: true,
        columns: [
          { header: '日期', width: 16 },
          { header: '类型', width: 12 },
          { header: '主题', width: 26, wrap: true },
          { header: '地点', width: 14, wrap: true },
          { header: '主持人', width: 10 },
          { header: '应到', width: 7 },
          { header: '出席', width: 7 },
          { header: '迟到', width: 7 },
          { header: '线上参加', width: 10 },
          { header: '请假', width: 7 },
          { header: '缺席', width: 7 },
          { header: '免参加', width: 8 },
          { header: '出勤率', width: 10 },
          { header: '是否计入', width: 10 },
          { header: '会议内容（纪实）', width: 48, wrap: true },
          { header: '决议', width: 30, wrap: true },
          { header: '纪实材料', width: 18, wrap: true },
        ],
        rows: r.activities.map((a) => [
          dateName(a.date),
          a.typeName,
          a.title,
          a.place ?? '',
          a.host ?? '',
          a.counts.expected,
          a.counts.present,
          a.counts.late,
          a.counts.remote,
          a.counts.excused,
          a.counts.absent,
          a.counts.exempt,
          a.attendanceRate === null ? '—' : `${a.attendanceRate}%`,
          a.status !== 'closed' ? '未结束' : a.counted ? '计入' : '不计入',
          minutesText(a),
          a.resolutions.join('\n'),
          evidenceText(a),
        ]),
        notes: [
          '出勤率 =（出席 + 迟到 + 线上参加）÷（应到 − 请假 − 免参加）。',
          '“不计入”：已举行但缺少纪实、规定内容或参加人员，不算完成本期任务。',
          '“纪实材料”：有通过安全检测的照片、录音、视频或文档的，为完整纪实；正在检测的材料，通过后计入。',
        ],
      },
    ],
  };
}

/**
 * The 纪实 as archived and every correction after it, each with when, who and why: the report
 * keeps both, never only the latest text [MTG-20].
 */
function minutesText(a: ReportActivity): string {
  const h = a.record;
  if (!h) return a.minutes ?? '（未记录）';
  if (!h.amendments.length) return h.original.minutes;
  return [
    `原纪实：${h.original.minutes}`,
    ...h.amendments.map(
      (m) =>
        `更正（${instantName(m.at)}${m.by ? `，${m.by}` : ''}${m.reason ? `，理由：${m.reason}` : ''}）：${m.minutes}`,
    ),
  ].join('\n');
}

/** The 纪实's evidence in words: the files that count, and those still being checked [MTG-10]. */
function evidenceText(a: ReportActivity): string {
  const e = a.evidence;
  const checking = e.checking ? `另有${e.checking}份正在安全检测` : '';
  if (e.level === 'none') return '无纪实';
  if (e.level === 'text') return checking ? `文字记录；${checking}` : '文字记录';
  return `照片、录音等材料${e.files}份${checking ? `；${checking}` : ''}`;
}
