// 录入流入地结果 / 不合格党员的处置 / 预备党员的问题 (?id=&memberId=&what=import|handling|probationary)
// [APR-15, APR-16, APR-17, APR-20]: one form per page. A 流动党员 appraised at the 流入地 is
// recorded, not graded again; an 不合格 正式党员's handling is chosen with its resolution records
// (nothing happens by itself); a 预备党员's problems are passed to the 发展党员 procedure as a
// flag only. The backend checks every rule and its words show under the form.
import {
  fetchCampaign,
  flagProbationary,
  importResult,
  recordHandling,
} from '../../../services/appraisal';
import { definePage } from '../../../utils/define-page';
import { toast } from '../../../utils/platform';

type What = 'import' | 'handling' | 'probationary';
type Input = WechatMiniprogram.CustomEvent<{ value: string }, object, Record<string, string>>;
const OPTIONS = [
  { key: 'educate', label: '教育转化' },
  { key: 'correction', label: '限期改正' },
  { key: 'persuadeWithdraw', label: '劝退' },
  { key: 'expel', label: '除名' },
] as const;
const TITLES: Record<What, string> = {
  import: '录入流入地的评议结果',
  handling: '不合格党员的处置',
  probationary: '预备党员存在的问题',
};

definePage({
  fields: () => ({ id: '', memberId: '', what: 'import' as What }),
  data: {
    what: '' as What | '',
    who: '',
    grades: [] as { key: string | null; label: string }[],
    gradeNames: [] as string[],
    gradeIndex: 0,
    optionNames: OPTIONS.map((o) => o.label),
    optionIndex: 0,
    f: {} as Record<string, string>,
    done: '',
    formError: '',
  },
  async load() {
    const c = await fetchCampaign({ id: this.id });
    const p = c.democratic?.participants.find((x) => x.memberId === this.memberId);
    if (!p) return this.empty('这位同志不在本次评议的名单中');
    const grades = [
      ...(c.democratic?.grades ?? []).map((g) => ({ key: g.key as string | null, label: g.label })),
      { key: null, label: '不评定等次' },
    ];
    this.setTitle(TITLES[this.what]);
    this.setData({
      what: this.what,
      who: `${p.name}（${c.orgName}${c.year}年度民主评议党员）`,
      grades,
      gradeNames: grades.map((g) => g.label),
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.id = query.id ?? '';
      this.memberId = query.memberId ?? '';
      const w = query.what;
      this.what = w === 'handling' || w === 'probationary' ? w : 'import';
    },
    onPick(e: Input) {
      const key = e.currentTarget.dataset.key as 'gradeIndex' | 'optionIndex';
      this.setData({ [key]: Number(e.detail.value), formError: '' });
    },
    onField(e: Input) {
      this.setData({ [`f.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },
    async onSubmit() {
      const f = Object.fromEntries(Object.entries(this.data.f).map(([k, v]) => [k, v.trim()]));
      const base = { id: this.id, memberId: this.memberId };
      await this.run(async () => {
        if (this.what === 'import') {
          if (!f.orgName) return this.setData({ formError: '请写明流入地党组织的名称' });
          if (!f.proof)
            return this.setData({ formError: '请写明凭据，例如流入地党组织出具的证明' });
          const grade = this.data.grades[this.data.gradeIndex].key as never;
          await importResult({ ...base, grade, orgName: f.orgName, proof: f.proof });
          this.setData({ done: '已录入流入地的评议结果，本支部不再重复评定' });
        } else if (this.what === 'handling') {
          const option = OPTIONS[this.data.optionIndex].key;
          const months = f.months ? Number(f.months) : undefined;
          if (f.months && !Number.isInteger(months))
            return this.setData({ formError: '限期改正的期限请填写整月数' });
          const doc = (ref?: string, on?: string) => (ref && on ? { ref, on } : undefined);
          await recordHandling({
            ...base,
            option,
            ...(option === 'correction' && months !== undefined ? { months } : {}),
            ...(doc(f.assemblyRef, f.assemblyOn)
              ? { assembly: doc(f.assemblyRef, f.assemblyOn) }
              : {}),
            ...(doc(f.superiorRef, f.superiorOn)
              ? { superior: doc(f.superiorRef, f.superiorOn) }
              : {}),
            ...(f.note ? { note: f.note } : {}),
          });
          this.setData({ done: `已记录：${OPTIONS[this.data.optionIndex].label}` });
        } else {
          if (!f.note) return this.setData({ formError: '请写明这位预备党员存在的问题' });
          const r = await flagProbationary({ ...base, note: f.note });
          this.setData({ done: r.message });
        }
        toast('已记录', 'success');
      }, 'formError');
    },
    onDate(e: Input) {
      this.setData({
        [`f.${e.currentTarget.dataset.field}`]: String(e.detail.value),
        formError: '',
      });
    },
    onBack() {
      wx.navigateBack();
    },
  },
});
