// 堡垒指数: a branch's year, 共性 60 computed from its records [FORT-03], 个性 40 and the reverse
// items set only by the superior [FORT-14 … FORT-16], stars from the total [FORT-18]. The
// committee sees its own branch; a superior picks a branch below and may assess it.
import type { ViewStatus } from '../../../behaviors/current-member';
import { largeTextBehavior } from '../../../behaviors/large-text';
import { codeOf, messageOf } from '../../../services/cloud';
import { UNBOUND, fetchMe, fetchOrgTree } from '../../../services/org';
import { assessFortress, fetchFortress } from '../../../services/points';
import type { ActionOutput } from '../../../services/types';
import {
  branchesBelow,
  currentYear,
  dutiesOf,
  reverseLabels,
  starText,
} from '../../../utils/points-view';

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

Component({
  behaviors: [largeTextBehavior],
  data: {
    status: 'loading' as ViewStatus,
    errorMessage: '',
    unbound: false,
    year: currentYear(),
    orgs: [] as { id: string; name: string }[],
    orgNames: [] as string[],
    orgIndex: 0,
    superior: false,
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
    busy: false,
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      if (!this.data.f) this.setData({ status: 'loading', errorMessage: '' });
      try {
        if (!this.data.orgs.length) {
          const orgs = await this.chooseOrgs();
          if (!orgs.length) {
            this.setData({ status: 'empty', errorMessage: REFUSAL });
            return;
          }
          this.setData({ orgs, orgNames: orgs.map((o) => o.name) });
        }
        const f = await fetchFortress(this.data.orgs[this.data.orgIndex].id, this.data.year);
        this.setData({ status: 'ready', f: toView(f) });
      } catch (err) {
        if (codeOf(err) === UNBOUND) this.setData({ status: 'ready', unbound: true });
        else this.setData({ status: 'error', errorMessage: messageOf(err), f: null });
      }
    },
    /** The branches this member may look at: those below for a superior, else the own one. */
    async chooseOrgs(): Promise<{ id: string; name: string }[]> {
      const me = await fetchMe();
      const duties = dutiesOf(me);
      this.setData({ superior: duties.superior });
      if (duties.superior) {
        const admin = me.roles.find((r) => r.role === 'superiorAdmin');
        return branchesBelow(await fetchOrgTree(admin?.orgId));
      }
      if (duties.committee) return [{ id: me.member.orgId, name: me.member.orgName }];
      return [];
    },
    onPickOrg(e: WechatMiniprogram.PickerChange) {
      this.setData({ orgIndex: Number(e.detail.value), f: null, assessing: false, message: '' });
      this.load();
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
      if (this.data.busy) return;
      const org = this.data.orgs[this.data.orgIndex];
      this.setData({ busy: true, formError: '', message: '' });
      try {
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
        await this.load();
      } catch (err) {
        this.setData({ formError: messageOf(err) });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
