// 我的评议结果: a member's own result of 民主评议党员, privately (?id=<campaign>) [APR-12, APR-15]:
// the grade in big type, 予以表扬 when commended, the branch's feedback and what follows (each
// follow-up with its date and whether it is done). Nobody else's: the backend answers the
// caller's own result only; before the branch has fed it back the page says so calmly.
import { fetchCampaign, fetchResult } from '../../../services/appraisal';
import { definePage } from '../../../utils/define-page';
import { resultView } from '../view';

type ResultView = ReturnType<typeof resultView>;

definePage({
  fields: () => ({ id: '' }),
  emptyOn: ['AUTH.FORBIDDEN', 'NOT_FOUND'],
  data: {
    title: '',
    result: null as ResultView | null,
    probationary: false,
    privacy: '这是您本人的评议结果，只有您本人、支部委员会和上级党组织能看到，不对外公布名单。',
  },
  async load(me) {
    const [campaign, result] = await Promise.all([
      fetchCampaign({ id: this.id }),
      fetchResult({ id: this.id }),
    ]);
    const probationary = me.member.status === 'probationary';
    if (!result.grade && !result.feedback && !probationary)
      return this.empty('支部还没有向您反馈评议结果，反馈后会在这里看到。');
    this.setData({
      title: `${campaign.orgName}${campaign.year}年度民主评议党员`,
      result: resultView(result),
      probationary,
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.id = query.id ?? '';
    },
  },
});
