import {
  appraisalContract,
  type AppraisalFormOut,
  type AppraisalOutput,
} from '../../contracts/appraisal';
import { isCommended, TASK_RULES, TASK_TITLES } from '../../domain/appraisal/consequences';
import { BOX_WORDS } from '../../domain/appraisal/grading';
import {
  BALLOT_BOXES,
  GRADE_WORDS,
  reportSections,
  SECTION_TITLES,
  type ReportStatus,
} from '../../domain/appraisal/model';
import type { AppraisalDoc, BallotBoxDoc } from '../../repos/appraisals';
import { boxesByIds } from '../../repos/ballots';
import { memberNames } from '../../repos/members';
import { orgNames, type OrgDoc } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { appraisalFormBook } from '../export/appraisal-form';
import { renderElsewhere } from '../export/remote';
import { exportDir } from '../media/paths';
import { isDemocraticId } from '../../repos/appraisal-democratic';
import { formDemocratic } from './democratic-form';
import { loadDemocratic } from './democratic-view';
import { branchBuildingFacts } from './facts';
import { closedOut, loadCampaign, minBallotsOf, stepsOut, subjectOf } from './support';

export const FORM_TITLE = '党支部书记抓党建述职评议考核登记表';

const STATUS_TEXT: Record<ReportStatus, string> = {
  draft: '尚未提交',
  submitted: '已提交，待上级党组织审核',
  approved: '上级党组织审核通过',
  returned: '上级党组织退回修改',
};
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/**
 * The 双述双评 record for filing [issue 13 item 10]: as JSON, or as a print-ready A4 sheet
 * rendered by the export function (`{ fileId, fileName }`, audited [PRIV-07]). For the branch
 * committee and the superior (`appraisal.conduct`); never the secretary under review, whose
 * record it is — they see their result through `result` [PRIV-21]. The grade, its reason and the
 * consequences are the superior's until published: the branch committee's copy says 尚未公布,
 * and never carries the 组织处理 flag [SEC-16].
 * Tallies below the minimum turnout stay hidden, as everywhere [SEC-19].
 */
export const form = action({
  input: appraisalContract.form.input,
  async run(ctx, input): Promise<AppraisalOutput<'form'>> {
    if (isDemocraticId(input.id)) return formDemocratic(ctx, await loadDemocratic(input.id), input);
    const doc = await loadCampaign(ctx, input.id);
    const subject = subjectOf(doc);
    const org = await ctx.require('appraisal.conduct', doc.orgId, { subject });
    if (doc.kind !== 'secretaryReview')
      throw new AppError('INPUT.INVALID', '这类评议的登记表还没有提供');
    if (input.memberId && input.memberId !== doc.subjectId)
      throw new AppError('NOT_FOUND', '这次评议中没有这位同志');
    const superior = await ctx.may('appraisal.decide', org, { subject });
    const record = await formOf(ctx, doc, org, superior);
    if (input.format !== 'xlsx') return record;
    // Rendered by the export function, so this bundle carries no spreadsheet library.
    const file = await renderElsewhere(
      exportDir(org._id, 'appraisals', doc.subjectId),
      appraisalFormBook(record),
    );
    // The export is the file; its entry is the one database write it makes [PRIV-07].
    await ctx.write(async () => ({
      audit: {
        org,
        entity: 'exports',
        entityId: file.fileId,
        after: { form: 'secretaryReview', appraisalId: doc._id, fileName: file.fileName },
      },
    }));
    return file;
  },
});

/** The record of one secretary review, for the caller (superior or branch committee). */
export async function formOf(
  ctx: Ctx,
  doc: AppraisalDoc,
  org: OrgDoc,
  superior: boolean,
): Promise<AppraisalFormOut> {
  const boxIds = BALLOT_BOXES.flatMap((b) => {
    const id = doc.boxes?.[b]?.id ?? doc.boxIds?.[b];
    return id ? [id] : [];
  });
  const shown = !!doc.decision && (superior || !!doc.publishedAt);
  // The 组织处理 flag is the superior's alone, as in `result` [SEC-16].
  const tasks = shown ? doc.tasks.filter((t) => superior || t.kind !== 'orgHandling') : [];
  const people = [
    ...(shown && doc.decision ? [doc.decision.by] : []),
    ...(doc.leaderComment ? [doc.leaderComment.by] : []),
    ...tasks.map((t) => t.ownerId),
  ];
  const [boxes, names, committee, facts] = await Promise.all([
    boxIds.length ? boxesByIds(boxIds) : Promise.resolve([] as BallotBoxDoc[]),
    people.length ? memberNames(people) : Promise.resolve(new Map<string, string>()),
    orgNames([doc.committeeId]),
    doc.report.facts ?? branchBuildingFacts(org, doc.year, +ctx.now),
  ]);
  const nameOf = (id: string) => names.get(id) ?? '';
  const d = doc.decision;
  return {
    id: doc._id,
    title: FORM_TITLE,
    orgId: doc.orgId,
    orgName: doc.orgName ?? org.name,
    committeeName: committee.get(doc.committeeId) ?? '',
    subjectId: doc.subjectId,
    subjectName: doc.subjectName ?? '',
    year: doc.year,
    profile: doc.profile,
    profileName: doc.profile === 'jiaozuo' ? '焦作“评书记”' : '“双述双评”',
    predecessors: (doc.predecessors ?? []).map(({ memberId, name, from, to }) => ({
      memberId,
      name,
      from,
      to,
    })),
    steps: stepsOut(doc),
    report: {
      status: doc.report.status,
      statusText: STATUS_TEXT[doc.report.status],
      submittedAt: iso(doc.report.submittedAt),
      decidedAt: iso(doc.report.decidedAt),
      comment: doc.report.comment,
      sections: reportSections(org.category).map((key) => ({
        key,
        title: SECTION_TITLES[key],
        text: doc.report.sections[key] ?? '',
        ...(key === 'branchBuilding' ? { facts } : {}),
      })),
    },
    evaluations: evaluationsOf(doc, boxes),
    leaderComment: doc.leaderComment
      ? {
          text: doc.leaderComment.text,
          by: nameOf(doc.leaderComment.by),
          at: iso(doc.leaderComment.at)!,
        }
      : null,
    grade:
      shown && d
        ? {
            grade: d.grade,
            gradeText: GRADE_WORDS[d.grade],
            reason: d.reason,
            verification: d.verification,
            weighted: d.weighted,
            by: nameOf(d.by),
            at: iso(d.at)!,
          }
        : null,
    gradeHidden: shown ? null : d ? '等次尚未公布' : '尚未评定等次',
    publishedAt: iso(doc.publishedAt),
    commended: shown && !!d && !!doc.publishedAt && isCommended(d.grade),
    consequences: tasks.map((t) => ({
      kind: t.kind,
      title: TASK_TITLES[t.kind],
      ownerId: t.ownerId,
      ownerName: nameOf(t.ownerId),
      due: t.due,
      done: t.done,
      note: t.note,
      ruleId: TASK_RULES[t.kind],
    })),
    generatedAt: ctx.now.toISOString(),
  };
}

/** Each box's result as the record shows it: this subject's counts, hidden below the turnout. */
function evaluationsOf(doc: AppraisalDoc, boxes: readonly BallotBoxDoc[]) {
  const byBox = new Map(boxes.map((b) => [b.box, b]));
  return BALLOT_BOXES.flatMap((key) => {
    const box = byBox.get(key);
    if (!box) return [];
    const head = { box: key, title: BOX_WORDS[key], mode: box.mode, status: box.status };
    if (box.status === 'open')
      return [
        {
          ...head,
          issued: box.mode === 'app' ? box.eligible.length : 0, // never a running count
          returned: 0,
          valid: 0,
          void: false,
          counts: null,
          hidden: '测评尚未结束',
        },
      ];
    const { tally, ...rest } = closedOut(box, minBallotsOf(doc));
    return [{ ...head, ...rest, counts: tally ? (tally[doc.subjectId] ?? {}) : null }];
  });
}
