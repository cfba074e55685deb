// 支委分工: the 书记 writes down each 支委's duty (分工) in words, as the rules ask for a written
// division of work [org.setDuty]. Everyone holding a post in the branch is listed with it; the
// backend accepts a duty only for a 支委 and says so otherwise.
import { fetchMembers, setDuty } from '../../../services/org';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { roleLabels } from '../../../utils/member-view';
import { toast } from '../../../utils/platform';

interface Seat {
  id: string;
  name: string;
  rolesText: string;
  duty: string;
  saved: boolean;
}

definePage({
  once: true,
  data: { seats: [] as Seat[], message: '' },
  async load(me) {
    const orgId = me.member.orgId;
    if (!can(me, 'role.assignDuty', orgId)) return this.empty('支委分工由支部书记填写');
    const roster = await fetchMembers(orgId);
    const seats = roster
      .filter((m) => m.roles.length > 0)
      .map((m) => ({
        id: m.id,
        name: m.name,
        rolesText: m.roles.map((r) => roleLabels[r]).join('、'),
        // What was written before, to read or change, never to type again.
        duty: m.duty ?? '',
        saved: !!m.duty,
      }));
    if (!seats.length) return this.empty('本支部还没有登记支委');
    this.setData({ seats });
  },
  methods: {
    onDuty(e: WechatMiniprogram.CustomEvent<{ value: string }, object, { index: number }>) {
      const i = Number(e.currentTarget.dataset.index);
      this.setData({
        [`seats[${i}].duty`]: e.detail.value,
        [`seats[${i}].saved`]: false,
        message: '',
      });
    },
    async onSave(e: WechatMiniprogram.TouchEvent<object, object, { index: number }>) {
      const i = Number(e.currentTarget.dataset.index);
      const seat = this.data.seats[i];
      if (!seat) return;
      const duty = seat.duty.trim();
      if (!duty) return this.setData({ message: `请先写明${seat.name}同志负责哪些工作` });
      await this.run(async () => {
        await setDuty({ memberId: seat.id, orgId: this.me.member.orgId, duty });
        this.setData({ [`seats[${i}].saved`]: true });
        toast('分工已保存', 'success');
      }, 'message');
    },
  },
});
