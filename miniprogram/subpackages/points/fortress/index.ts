// 堡垒指数: a branch's year, 共性 60 computed from its records [FORT-03], 个性 40 and the reverse
// items set only by the superior [FORT-14 … FORT-16], stars from the total [FORT-18]. The
// committee sees its own branch; a superior picks a branch below and may assess it.
import { assessFortress, fetchFortress } from '../../../services/points';
import type { ActionOutput } from '../../../services/types';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { orgChoices, type OrgChoice } from '../../../utils/org-choices';
import { currentYear, reverseLabels, starText } from '../../../utils/points-view';

type Fortress = ActionOutput<'points', 'fortress'>;
type ReverseCode =
  | 'overTerm'
  | 'noOrgLife3Months'
  | 'duesMisuse'
  | 'forgedRecords'
  | 'weakBranch'
  | 'committeeDiscipline';

const REFUSAL = '只有支部委员或上级党组织管理员可以查看堡垒指数';

function toView(f: Fortress) {
  return {
    total: f.total,
    common: f.common,
    personal: f.personal,
    assessed: f.assessed,
    stars: f.stars,
    starText: starText(f.stars),
    grade: f.grade ?? '',
    reverse: f.reverse.map((r) => reverseLabels[r] ?? '反向情形'),
    items: f.items.map((i) => ({
      key: i.code,
      name: i.name,
      points: i.points,
      max: i.max,
      percent: i.max ? Math.round((100 * i.points) / i.max) : 0,
    })),
  };
}

definePage({
  data: {
    year: currentYear(),
    orgs: [] as OrgChoice[],
    orgIndex: 0,
    /** May assess the chosen branch's 个性 and reverse items (the superior). */
    assessor: false,
    f: null as ReturnType<typeof toView> | null,
    assessing: false,
    evaluation: 16,
    fiveStandards: true,
    centralWork: 8,
    reverseOptions: Object.entries(reverseLabels).map(([value, label]) => ({
      value,
      label,
      checked: false,
    })),
    formError: '',
    message: '',
  },
  async load(me) {
    if (!this.data.orgs.length) this.setData({ orgs: await orgChoices(me, 'fortress.read') });
    const org = this.data.orgs[this.data.orgIndex];
    if (!org) return this.empty(REFUSAL);
    const f = await fetchFortress({ orgId: org.id, year: this.data.year });
    this.setData({ f: toView(f), assessor: can(me, 'fortress.assess', org.id) });
  },
  methods: {
    onPickOrg(e: WechatMiniprogram.PickerChange) {
      this.setData({
        orgIndex: Number(e.detail.value),
        f: null,
        assessing: false,
        message: '',
        status: 'loading',
      });
      this.reload();
    },
    onStartAssess() {
      this.setData({ assessing: true, message: '', formError: '' });
    },
    onCancelAssess() {
      this.setData({ assessing: false, formError: '' });
    },
    onEvaluation(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ evaluation: Number(e.detail.value) });
    },
    onCentralWork(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ centralWork: Number(e.detail.value) });
    },
    onFiveStandards(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setData({ fiveStandards: e.detail.value });
    },
    onReverse(e: WechatMiniprogram.CustomEvent<{ checked: boolean }, object, { index: number }>) {
      this.setData({
        [`reverseOptions[${e.currentTarget.dataset.index}].checked`]: e.detail.checked,
      });
    },
    async onSubmitAssess() {
      const org = this.data.orgs[this.data.orgIndex];
      this.setData({ message: '' });
      await this.run(async () => {
        await assessFortress({
          orgId: org.id,
          year: this.data.year,
          evaluation: this.data.evaluation,
          fiveStandards: this.data.fiveStandards ? 10 : 0,
          centralWork: this.data.centralWork,
          reverse: this.data.reverseOptions
            .filter((o) => o.checked)
            .map((o) => o.value as ReverseCode),
        });
        this.setData({ assessing: false, message: `已保存对${org.name}的评定` });
        await this.reload();
      }, 'formError');
    },
  },
});
