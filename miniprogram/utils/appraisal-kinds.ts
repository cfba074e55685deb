/**
 * Which appraisal an id belongs to (api.md: `<kind>:<org>:<year>` for 民主评议党员 and 评组织;
 * 双述双评 ids have no such prefix), and the ballot page and words for it. Main package: the
 * meeting page and 首页 use it without loading the appraisal subpackage.
 */
export type AppraisalKindWord = 'secretaryReview' | 'democraticAppraisal' | 'branchAppraisal';

export function kindOfId(id: string): AppraisalKindWord {
  if (id.startsWith('democraticAppraisal:')) return 'democraticAppraisal';
  if (id.startsWith('branchAppraisal:')) return 'branchAppraisal';
  return 'secretaryReview';
}

const BALLOT_WORDS: Record<AppraisalKindWord, string> = {
  secretaryReview: '述职测评',
  democraticAppraisal: '民主测评',
  branchAppraisal: '评议本支部',
};

/** The meeting page's button to a ballot of this campaign, and where it leads. */
export function ballotEntry(campaignId: string, activityId: string, voted: boolean) {
  const kind = kindOfId(campaignId);
  const word = BALLOT_WORDS[kind];
  const page = kind === 'secretaryReview' ? 'ballot' : 'dballot';
  return {
    voted,
    text: voted ? `${word}：您已投过票` : `参加${word}`,
    url: `/subpackages/appraisal/${page}/index?activityId=${activityId}`,
  };
}
