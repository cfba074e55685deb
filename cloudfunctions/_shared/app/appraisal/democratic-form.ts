/**
 * 《民主评议党员登记表》 [APR-11]: per member the 个人自评, the 党员互评情况 and 民主测评情况 (by the
 * branch) and the 党支部认定意见 (the grade, who signed it and when); for one member or the whole
 * branch, as JSON or as a print-ready A4 workbook rendered by the export function (audited,
 * PRIV-07: no full phone or ID number — none is on the form). `registrationGaps` says what is
 * still blank: an incomplete form refuses the 归档 step.
 */
import type { AppraisalOutput } from '../../contracts/appraisal';
import type { DemocraticFormEntry, DemocraticFormOut } from '../../contracts/appraisal-decision';
import { REGISTRATION_FIELDS, registrationGaps } from '../../domain/appraisal/democratic-decision';
import {
  DEMOCRATIC_GRADE_WORDS,
  type DemocraticGrade,
} from '../../domain/appraisal/democratic-model';
import { localDate } from '../../domain/shared/time';
import { entriesOf, type DemocraticEntryDoc } from '../../repos/appraisal-democratic';
import { memberNames } from '../../repos/members';
import type { Ctx } from '../../runtime/context';
import { AppError } from '../../runtime/errors';
import { democraticFormBook } from '../export/democratic-form';
import { renderElsewhere } from '../export/remote';
import { exportDir } from '../media/paths';
import {
  democraticTally,
  gradeOf,
  type DemocraticDoc,
  type DemocraticTally,
} from './democratic-view';

export const DEMOCRATIC_FORM_TITLE = '民主评议党员登记表';

const dayText = (d: Date) => {
  const s = localDate(d);
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8))}日`;
};

function ballotSummary(doc: DemocraticDoc, t: DemocraticTally, memberId: string, status: string) {
  const imp = doc.imported?.[memberId];
  if (imp) return `在${imp.orgName}参加民主评议，采用流入地党组织的评议结果`;
  if (status !== 'full') return '预备党员参加民主评议，不作为测评对象，不评定等次';
  if (t.hiddenFor.has(memberId)) return t.hidden;
  if (!t.result) return null;
  const counts = t.result.tally[memberId] ?? {};
  const valid = t.result.validBy?.[memberId] ?? t.result.valid;
  const parts = doc.plan.grades.map(
    (g: DemocraticGrade) => `${DEMOCRATIC_GRADE_WORDS[g]}${counts[g] ?? 0}票`,
  );
  return `有效票${valid}张：${parts.join('，')}`;
}

/** The form rows of a loaded campaign (no reads). */
export function formEntriesOf(
  doc: DemocraticDoc,
  entries: readonly DemocraticEntryDoc[],
  t: DemocraticTally,
  names: ReadonlyMap<string, string>,
): DemocraticFormEntry[] {
  const byMember = new Map(entries.map((e) => [e.memberId, e]));
  const d = doc.decision;
  return [...doc.participants]
    .sort((a, b) => a.memberId.localeCompare(b.memberId))
    .map((p) => {
      const e = byMember.get(p.memberId);
      const imp = doc.imported?.[p.memberId];
      const grade = imp ? imp.grade : gradeOf(doc, p.memberId);
      const probationary = p.status !== 'full';
      const signed = !!d?.final;
      const selfText = e?.self?.text ?? (imp ? `在${imp.orgName}参加民主评议` : null);
      const mutual = e?.mutual?.summary ?? (imp ? `在${imp.orgName}参加民主评议` : null);
      const ballot = ballotSummary(doc, t, p.memberId, p.status);
      const gaps = registrationGaps({
        status: probationary ? 'probationary' : 'full',
        selfEvaluation: selfText,
        mutualSummary: mutual,
        ballotSummary: ballot,
        grade,
        signed,
        imported: !!imp,
      }).map((f) => REGISTRATION_FIELDS[f]);
      const opinionText = imp
        ? `采用${imp.orgName}的评议结果：${grade ? DEMOCRATIC_GRADE_WORDS[grade] : '不评定等次'}（${imp.note}）`
        : probationary
          ? '预备党员参加评议，不评定等次'
          : grade
            ? `评定为“${DEMOCRATIC_GRADE_WORDS[grade]}”${d?.reasons?.[p.memberId] ? `。理由：${d.reasons[p.memberId]}` : ''}`
            : '';
      const opinion =
        (signed && d && (grade || probationary)) || imp
          ? {
              gradeText: grade ? DEMOCRATIC_GRADE_WORDS[grade] : null,
              text: opinionText,
              signedBy: imp ? imp.orgName : (names.get(d!.by) ?? ''),
              signedAt: dayText(new Date(imp ? imp.at : d!.at)),
            }
          : null;
      return {
        memberId: p.memberId,
        name: p.name,
        statusText: probationary ? '预备党员' : p.mobile ? '正式党员（流动党员）' : '正式党员',
        selfEvaluation: selfText,
        selfProxy: !!e?.self?.proxy,
        mutualSummary: mutual,
        ballotSummary: ballot,
        branchOpinion: opinion,
        gaps,
      };
    });
}

/** The 登记表 of a campaign (all members). Three round trips, in parallel. */
export async function democraticFormOf(doc: DemocraticDoc, now: Date): Promise<DemocraticFormOut> {
  const ids = [doc.decision?.by].filter((x): x is string => !!x);
  const [entries, t, names] = await Promise.all([
    entriesOf(doc._id),
    democraticTally(doc),
    ids.length ? memberNames(ids) : Promise.resolve(new Map<string, string>()),
  ]);
  const members = formEntriesOf(doc, entries, t, names);
  return {
    kind: 'democraticAppraisal',
    id: doc._id,
    title: DEMOCRATIC_FORM_TITLE,
    orgId: doc.orgId,
    orgName: doc.orgName,
    year: doc.year,
    members,
    complete: members.every((m) => !m.gaps.length),
    generatedAt: now.toISOString(),
  };
}

/**
 * `form` of a 民主评议: the committee and the superior (`appraisal.decideMembers`) the whole branch
 * or one member; a member their own, once the results are fed back [APR-12].
 */
export async function formDemocratic(
  ctx: Ctx,
  doc: DemocraticDoc,
  input: { memberId?: string; format?: 'json' | 'xlsx' },
): Promise<AppraisalOutput<'form'>> {
  const { member } = await ctx.caller();
  const own = input.memberId === member._id && !!doc.publishedAt;
  // A member's own form needs no office: it is their record [APR-12].
  const org = own ? null : await ctx.require('appraisal.decideMembers', doc.orgId);
  const record = await democraticFormOf(doc, ctx.now);
  if (input.memberId) {
    record.members = record.members.filter((m) => m.memberId === input.memberId);
    if (!record.members.length) throw new AppError('NOT_FOUND', '这次评议中没有这位同志');
    record.complete = !record.members[0].gaps.length;
  }
  if (input.format !== 'xlsx') return record;
  const file = await renderElsewhere(
    own ? exportDir(doc.orgId, 'mine', member._id) : exportDir(doc.orgId, 'democratic'),
    democraticFormBook(record),
  );
  await ctx.write(async () => ({
    audit: {
      ...(org ? { org } : { orgId: doc.orgId }),
      entity: 'exports',
      entityId: file.fileId,
      after: { form: 'democraticAppraisal', appraisalId: doc._id, fileName: file.fileName },
    },
  }));
  return file;
}
