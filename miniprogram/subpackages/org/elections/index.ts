// 换届: the 换届 workflow in words [ORG-20, ORG-21]. A branch secretary files the 换届选举请示 (date,
// seats, content); the superior sees the requests of the branches below, approves or returns one
// with a note and, after the election meeting, records the new committee (members and posts).
// Each 请示 shows its step in words. The backend decides who may do each; the page only offers.
import { fetchMembers } from '../../../services/org';
import {
  decideElection,
  fetchElections,
  recordCommittee,
  requestElection,
} from '../../../services/oversight';
import type { MemberListItem } from '../../../services/types';
import { can, orgsWith } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { toast } from '../../../utils/platform';
import {
  committeeOf,
  COMMITTEE_ROLES,
  electionView,
  pickRows,
  type CommitteeRole,
  type ElectionView,
  type PickRow,
} from './view';

/** Today's date in Beijing, e.g. 2026-12-01. */
const todayInBeijing = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type Tap<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<object, object, D>;
type Input = WechatMiniprogram.CustomEvent<{ value: string }>;

definePage({
  fields: () => ({
    orgId: '',
    members: [] as MemberListItem[],
    picks: {} as Record<string, CommitteeRole | ''>,
    /** request → its election meeting (an id is never drawn). */
    activities: {} as Record<string, string>,
  }),
  data: {
    /** superior: the requests below, to decide and record; branch: its own, and the form. */
    mode: '' as '' | 'superior' | 'branch',
    rows: [] as ElectionView[],
    mayFile: false,
    plannedDate: '',
    seats: 5,
    reason: '',
    formMessage: '',
    /** The request being decided or recorded, and how. */
    current: '',
    doing: '' as '' | 'decide' | 'record',
    note: '',
    electedOn: '',
    pickRows: [] as PickRow[],
    picking: '',
    roles: COMMITTEE_ROLES,
    picked: '',
    message: '',
    done: '',
  },
  once: true,
  async load(me) {
    const overseen = this.orgId || orgsWith(me, 'org.oversee')[0] || '';
    if (overseen && can(me, 'org.oversee', overseen)) {
      this.orgId = overseen;
      this.setData({ mode: 'superior' });
    } else {
      this.orgId = this.orgId || me.member.orgId;
      if (!can(me, 'election.request', this.orgId))
        return this.empty('换届选举请示由支部书记或副书记提交');
      this.setData({ mode: 'branch' });
    }
    await this.refresh();
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.orgId = query.orgId ?? '';
    },
    async refresh() {
      const rows = await fetchElections({ orgId: this.orgId });
      this.activities = Object.fromEntries(
        rows.filter((r) => r.electionActivityId).map((r) => [r.id, r.electionActivityId!]),
      );
      const views = rows.map((r) => electionView(r, (id) => can(this.me, 'org.administer', id)));
      const mine = this.data.mode === 'branch';
      this.setData({ rows: views, mayFile: mine && !views.some((v) => v.open) });
    },
    onPlannedDate(e: Input) {
      this.setData({ plannedDate: e.detail.value, formMessage: '' });
    },
    onSeats(e: Tap<{ step: number }>) {
      const seats = Math.min(
        15,
        Math.max(1, this.data.seats + Number(e.currentTarget.dataset.step)),
      );
      this.setData({ seats, formMessage: '' });
    },
    onReason(e: Input) {
      this.setData({ reason: e.detail.value, formMessage: '' });
    },
    async onFile() {
      const { plannedDate, seats } = this.data;
      const reason = this.data.reason.trim();
      const missing = [!plannedDate && '计划选举日期', !reason && '请示内容'].filter(Boolean);
      if (missing.length) return this.setData({ formMessage: `请填写${missing.join('、')}` });
      await this.run(async () => {
        await requestElection({ orgId: this.orgId, plannedDate, seats, reason });
        this.setData({
          reason: '',
          plannedDate: '',
          done: '换届选举请示已提交，等待上级党组织批复',
        });
        await this.refresh();
        toast('已提交', 'success');
      }, 'formMessage');
    },
    onOpen(e: Tap<{ id: string; doing: 'decide' | 'record' }>) {
      const { id, doing } = e.currentTarget.dataset;
      this.setData({ current: id, doing, note: '', message: '', done: '', picking: '' });
      if (doing === 'record') void this.run(() => this.loadCandidates(id), 'message');
    },
    async loadCandidates(id: string) {
      const row = this.data.rows.find((r) => r.id === id);
      if (!row) return;
      this.members = await fetchMembers(row.orgId);
      this.picks = {};
      this.setData({ electedOn: row.electedOn ?? todayInBeijing(), picked: '' });
      this.showPicks();
    },
    showPicks() {
      const n = committeeOf(this.picks).length;
      this.setData({
        pickRows: pickRows(this.members, this.picks),
        picked: n ? `已选${n}名支委` : '还没有选',
      });
    },
    onCancel() {
      this.setData({ current: '', doing: '', message: '' });
    },
    onNote(e: Input) {
      this.setData({ note: e.detail.value, message: '' });
    },
    async onDecide(e: Tap<{ approve: boolean }>) {
      const approve = !!e.currentTarget.dataset.approve;
      const note = this.data.note.trim();
      if (!note) return this.setData({ message: approve ? '请写明批复意见' : '请写明退回的理由' });
      await this.run(async () => {
        await decideElection({ id: this.data.current, approve, note });
        this.setData({ current: '', doing: '', done: approve ? '已同意换届' : '已退回请示' });
        await this.refresh();
      }, 'message');
    },
    onPickOpen(e: Tap<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ picking: this.data.picking === id ? '' : id, message: '' });
    },
    onPickRole(e: Tap<{ role: CommitteeRole | '' }>) {
      this.picks = { ...this.picks, [this.data.picking]: e.currentTarget.dataset.role };
      this.setData({ picking: '' });
      this.showPicks();
    },
    onElectedOn(e: Input) {
      this.setData({ electedOn: e.detail.value, message: '' });
    },
    async onRecord() {
      const committee = committeeOf(this.picks);
      if (!committee.length) return this.setData({ message: '请为当选的支委选择职务' });
      const row = this.data.rows.find((r) => r.id === this.data.current);
      const activityId = row ? this.electionActivity(row.id) : '';
      if (!activityId) return;
      await this.run(async () => {
        await recordCommittee({
          id: this.data.current,
          electionActivityId: activityId,
          electedOn: this.data.electedOn,
          committee,
        });
        this.setData({ current: '', doing: '', done: '新一届支委已登记，职务已更新' });
        await this.refresh();
      }, 'message');
    },
    /** The election meeting of a request (kept off the view: an id is never drawn). */
    electionActivity(id: string): string {
      return this.activities[id] ?? '';
    },
  },
});
