// 评定加扣分: the scorer or a 支委 awards an item of the standard that a person judges (讲党课,
// 受到表彰, 扣分项…) to a member, for a month of this year, with a note [PTS-20]. A 一票否决 is
// offered only to whoever holds `points.veto` (the committee), and asks first in plain words
// what it does [PTS-34]. Nobody is offered themselves [PRIV-21]; the backend decides all of it.
import { fetchMembers } from '../../../services/org';
import { awardPoints, fetchStandard, POINTS_DISABLED } from '../../../services/points';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { confirmDialog, toast } from '../../../utils/platform';
import { currentYear, monthOf, monthText } from '../../../utils/points-view';
import { awardMonths, doneText, itemGroups, type ItemChoice, type ItemGroup } from './view';

interface Person {
  id: string;
  name: string;
}

definePage({
  once: true,
  emptyOn: [POINTS_DISABLED],
  fields: () => ({ wanted: '' }),
  data: {
    people: [] as Person[],
    names: [] as string[],
    personIndex: 0,
    groups: [] as ItemGroup[],
    chosen: '',
    months: [] as string[],
    monthTexts: [] as string[],
    monthIndex: 0,
    note: '',
    formError: '',
    done: '',
  },
  async load(me) {
    const orgId = me.member.orgId;
    if (!can(me, 'points.award', orgId)) return this.empty('只有记分员或支部委员可以评定加扣分');
    const [roster, standard] = await Promise.all([
      fetchMembers(orgId),
      fetchStandard({ orgId, year: currentYear() }),
    ]);
    // One's own points are decided by someone else [PRIV-21]; exempt members have no score.
    const people = roster
      .filter((m) => m.id !== me.member.id && !m.exempt)
      .map((m) => ({ id: m.id, name: m.name }));
    const wanted = Math.max(
      people.findIndex((p) => p.id === this.wanted),
      0,
    );
    const months = awardMonths(monthOf());
    this.setData({
      people,
      names: people.map((p) => p.name),
      personIndex: wanted,
      groups: itemGroups(standard.items, can(me, 'points.veto', orgId)),
      months,
      monthTexts: months.map((m) => monthText(m, currentYear())),
    });
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.wanted = query.memberId ?? '';
    },
    chosenItem(): ItemChoice | undefined {
      for (const g of this.data.groups) {
        const item = g.items.find((i) => i.code === this.data.chosen);
        if (item) return item;
      }
      return undefined;
    },
    onPickPerson(e: WechatMiniprogram.PickerChange) {
      this.setData({ personIndex: Number(e.detail.value), formError: '', done: '' });
    },
    onPickMonth(e: WechatMiniprogram.PickerChange) {
      this.setData({ monthIndex: Number(e.detail.value), formError: '', done: '' });
    },
    onChoose(e: WechatMiniprogram.TouchEvent<object, object, { code: string }>) {
      this.setData({ chosen: e.currentTarget.dataset.code, formError: '', done: '' });
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value, formError: '', done: '' });
    },
    async onSubmit() {
      const person = this.data.people[this.data.personIndex];
      const item = this.chosenItem();
      const note = this.data.note.trim();
      if (!person) return;
      if (!item) return this.setData({ formError: '请选择一个加分、扣分或否决项目' });
      if (!note) return this.setData({ formError: '请写明依据：什么事、何时、经谁核实' });
      if (item.kind === 'veto') {
        const sure = await confirmDialog(
          '一票否决',
          `确定对${person.name}适用“${item.name}”吗？适用后${person.name}本年度积分清零，本人可以申辩。请确认已经支委会研究决定。`,
          '确定否决',
        );
        if (!sure) return;
      }
      await this.run(async () => {
        const month = this.data.months[this.data.monthIndex];
        await awardPoints({ memberId: person.id, itemCode: item.code, month, note });
        this.setData({ note: '', chosen: '', done: doneText(person.name, item) });
        toast('已记录', 'success');
      }, 'formError');
    },
  },
});
