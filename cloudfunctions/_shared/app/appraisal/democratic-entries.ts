import { appraisalContract, type AppraisalOutput } from '../../contracts/appraisal';
import {
  entriesOf,
  findEntry,
  putEntry,
  updateDemocratic,
  type DemocraticAppraisalDoc,
  type DemocraticEntryDoc,
} from '../../repos/appraisal-democratic';
import { AppError } from '../../runtime/errors';
import { action } from '../../runtime/handler';
import { activityAttendees } from '../activity/queries';
import {
  completeStepPatch,
  loadDemocratic,
  requireDemocraticStep,
  requiredHere,
} from './democratic-support';

/**
 * The entries of 民主评议 [APR-02]: the 个人自评 (the member, or the committee for a member without
 * a phone: 代为录入, audited — the CHK-12 spirit), the 党员互评 summary from the minutes (the
 * committee), and the steps completed by hand (学习; 自评 or 互评 when someone cannot take part).
 * The last entry of a step completes it.
 */

function participantOf(doc: DemocraticAppraisalDoc, memberId: string) {
  const p = doc.participants.find((x) => x.memberId === memberId);
  if (!p)
    throw new AppError('APPRAISAL.NOT_ELIGIBLE', '这位同志不在这次民主评议的党员名单中', {
      ruleId: 'APR-06',
    });
  if (doc.imported?.[memberId])
    throw new AppError('APPRAISAL.IMPORTED', undefined, { ruleId: 'APR-20' });
  return p;
}

/** Adds the member to a done-list, completing the step when everyone required is in. */
function donePatch(
  doc: DemocraticAppraisalDoc,
  list: 'selfDone' | 'mutualDone',
  step: 'selfEvaluation' | 'mutualEvaluation',
  memberId: string,
  by: string,
  now: Date,
): Record<string, unknown> {
  const done = [...new Set([...(doc[list] ?? []), memberId])].sort();
  const patch: Record<string, unknown> = { [list]: done };
  if (requiredHere(doc).every((m) => done.includes(m)))
    Object.assign(
      patch,
      completeStepPatch(doc, step, { at: now, by, activityId: null, note: null }),
    );
  return patch;
}

/** 个人自评 [APR-02, APR-06]: a member writes their own; the committee may enter it for one. */
export const selfEvaluate = action({
  input: appraisalContract.selfEvaluate.input,
  async run(ctx, input): Promise<AppraisalOutput<'selfEvaluate'>> {
    const { member } = await ctx.caller();
    const memberId = input.memberId ?? member._id;
    const proxy = memberId !== member._id;
    const doc = await loadDemocratic(input.id);
    const org = proxy
      ? await ctx.require('appraisal.decideMembers', doc.orgId, { subject: { id: memberId } })
      : await ctx.require('org.read', doc.orgId);
    participantOf(doc, memberId);
    requireDemocraticStep(doc, 'selfEvaluation');
    await ctx.write(async (tx) => {
      const now = await loadDemocratic(doc._id, tx);
      requireDemocraticStep(now, 'selfEvaluation');
      const self = { text: input.text, by: member._id, at: ctx.now, proxy };
      await putEntry({ campaignId: now._id, orgId: now.orgId, memberId }, { self }, tx);
      await updateDemocratic(
        now._id,
        donePatch(now, 'selfDone', 'selfEvaluation', memberId, member._id, ctx.now),
        tx,
      );
      return {
        audit: {
          org,
          entity: 'democraticEntries',
          entityId: `${now._id}:${memberId}`,
          // Entered for the member: what was entered is kept, as for a 代签到 [CHK-12].
          after: proxy ? { self: { text: input.text, proxy } } : { self: { proxy } },
        },
      };
    });
    return { id: doc._id, memberId };
  },
});

/** The 党员互评情况 of one member, from the minutes (the committee; never one's own) [PRIV-21]. */
export const recordMutual = action({
  input: appraisalContract.recordMutual.input,
  async run(ctx, input): Promise<AppraisalOutput<'recordMutual'>> {
    const doc = await loadDemocratic(input.id);
    const org = await ctx.require('appraisal.decideMembers', doc.orgId, {
      subject: { id: input.memberId },
    });
    participantOf(doc, input.memberId);
    requireDemocraticStep(doc, 'mutualEvaluation');
    const { member } = await ctx.caller();
    await ctx.write(async (tx) => {
      const now = await loadDemocratic(doc._id, tx);
      requireDemocraticStep(now, 'mutualEvaluation');
      const mutual = { summary: input.summary, by: member._id, at: ctx.now };
      await putEntry(
        { campaignId: now._id, orgId: now.orgId, memberId: input.memberId },
        { mutual },
        tx,
      );
      await updateDemocratic(
        now._id,
        donePatch(now, 'mutualDone', 'mutualEvaluation', input.memberId, member._id, ctx.now),
        tx,
      );
      return {
        audit: {
          org,
          entity: 'democraticEntries',
          entityId: `${now._id}:${input.memberId}`,
          after: { mutual: { summary: input.summary } },
        },
      };
    });
    return { id: doc._id, memberId: input.memberId };
  },
});

/** Activities that can evidence the 学习 step: any held meeting or study of the branch. */
const STUDY_TYPES = new Set([
  'studySession',
  'partyLecture',
  'themeDay',
  'branchAssembly',
  'groupMeeting',
  'orgLifeMeeting',
  'democraticAppraisal',
]);

/** A held activity of the branch (someone signed in) of a type that can carry the 学习. */
async function requireStudyActivity(doc: DemocraticAppraisalDoc, activityId: string) {
  const found = await activityAttendees(activityId);
  if (
    !found ||
    found.activity.orgId !== doc.orgId ||
    !STUDY_TYPES.has(found.activity.type) ||
    !found.present.length
  )
    throw new AppError(
      'APPRAISAL.NEEDS_MEETING',
      '请选择本支部已经召开的学习、党课、主题党日或会议（要有党员签到）',
      { ruleId: 'APR-02' },
    );
}

/**
 * The committee completes a step by hand [APR-02]: 学习, evidenced by the activity held or a note
 * of what was studied; 个人自评 or 党员互评 when someone cannot take part, with the note saying
 * who and why (the entries of the others stay).
 */
export const completeStep = action({
  input: appraisalContract.completeStep.input,
  async run(ctx, input): Promise<AppraisalOutput<'completeStep'>> {
    const doc = await loadDemocratic(input.id);
    const org = await ctx.require('appraisal.decideMembers', doc.orgId);
    requireDemocraticStep(doc, input.step);
    const note = input.note?.trim() || null;
    if (input.step === 'study' ? !note && !input.activityId : !note)
      throw new AppError(
        'APPRAISAL.NOTE_REQUIRED',
        input.step === 'study'
          ? '请选择学习的活动，或写明学习的内容'
          : '还有党员没有完成，请写明是谁、为什么不能参加',
        { ruleId: 'APR-02' },
      );
    if (input.activityId) await requireStudyActivity(doc, input.activityId);
    const { member } = await ctx.caller();
    const record = { at: ctx.now, by: member._id, activityId: input.activityId ?? null, note };
    const step = await ctx.write(async (tx) => {
      const now = await loadDemocratic(doc._id, tx);
      const patch = completeStepPatch(now, input.step, record);
      await updateDemocratic(now._id, patch, tx);
      return {
        audit: { org, entity: 'democraticAppraisals', entityId: now._id, after: patch },
        result: patch.step as AppraisalOutput<'completeStep'>['step'],
      };
    });
    return { id: doc._id, step };
  },
});

/**
 * The 个人自评 and 互评 summaries as read back: a member their own only; the committee and the
 * superior everyone's (or one member's).
 */
export const entries = action({
  input: appraisalContract.entries.input,
  async run(ctx, input): Promise<AppraisalOutput<'entries'>> {
    const { member } = await ctx.caller();
    const doc = await loadDemocratic(input.id);
    const org = await ctx.require('org.read', doc.orgId);
    const other = !!input.memberId && input.memberId !== member._id;
    const decider = await ctx.may('appraisal.decideMembers', org);
    if (other && !decider) await ctx.require('appraisal.decideMembers', org);
    const participant = doc.participants.some((p) => p.memberId === member._id);
    if (!decider && !participant)
      throw new AppError(
        'AUTH.FORBIDDEN',
        '只有参加这次民主评议的党员、支部委员会和上级党组织可以查看',
      );
    const want = input.memberId ?? (decider ? undefined : member._id);
    const docs: DemocraticEntryDoc[] = want
      ? [await findEntry(doc._id, want)].filter((e): e is DemocraticEntryDoc => !!e)
      : await entriesOf(doc._id);
    const byId = new Map(docs.map((e) => [e.memberId, e]));
    const names = new Map(doc.participants.map((p) => [p.memberId, p.name]));
    return doc.participants
      .filter((p) => !want || p.memberId === want)
      .map((p) => {
        const e = byId.get(p.memberId);
        return {
          memberId: p.memberId,
          name: p.name,
          status: p.status,
          self: e?.self
            ? {
                text: e.self.text,
                at: new Date(e.self.at).toISOString(),
                proxy: e.self.proxy,
                byName: e.self.proxy ? (names.get(e.self.by) ?? null) : null,
              }
            : null,
          mutual: e?.mutual
            ? { summary: e.mutual.summary, at: new Date(e.mutual.at).toISOString() }
            : null,
        };
      });
  },
});
