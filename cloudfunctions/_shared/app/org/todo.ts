/**
 * 首页的待办 (`org.todo`): what the caller may act on in a branch now, derived from the records —
 * never stored, so an item disappears as soon as its fact is fixed. Each kind appears only for a
 * permission the caller holds on the branch under the one policy: records and gaps for
 * `activity.oversee`, requests for `leave.decide`, declarations for `points.review`, appeals for
 * `appeal.resolve`, arrears for `dues.read`, a stale 公开栏 for `notice.publish`. A member of the
 * branch holds none of them and gets an empty list; another branch's officer is refused by
 * `org.read`. Other areas are read through their read models only.
 */
import { orgContract, OrgOutput, TodoItem } from '../../contracts/org';
import { ACTIVITY_TYPE_NAMES } from '../../domain/activity/type-names';
import { staleness } from '../../domain/notice/disclosure';
import { isBranchKind } from '../../domain/org/model';
import type { Permission } from '../../domain/org/policy';
import { settingOf } from '../../domain/org/settings';
import { localMonth } from '../../domain/shared/time';
import { action } from '../../runtime/handler';
import { activityTodoFacts, TodoActivity } from '../activity/todo-facts';
import { appraisalFollowUps, FollowUp } from '../appraisal/queries';
import { memberArrears } from '../dues/queries';
import { lastDisclosureAt } from '../notice/queries';
import { pointsQueue } from '../points/queries';

const HOST = '/subpackages/activity/host/index';
const COMPLIANCE = '/subpackages/activity/compliance/index';
const REVIEW = '/subpackages/points/review/index';
const TYPE_NAMES: Record<string, string> = ACTIVITY_TYPE_NAMES;

/** 2026-11 → 11月, 2026-Q3 → 第三季度, 2026-H1 → 上半年, 2026 → 全年 (no period codes on screen). */
export function periodText(p: string): string {
  const q = /^\d{4}-Q([1-4])$/.exec(p);
  if (q) return `第${'一二三四'[Number(q[1]) - 1]}季度`;
  if (/^\d{4}-H1$/.test(p)) return '上半年';
  if (/^\d{4}-H2$/.test(p)) return '下半年';
  const m = /^\d{4}-(\d{2})$/.exec(p);
  if (m) return `${Number(m[1])}月`;
  if (/^\d{4}-七一$/.test(p)) return '七一前后';
  return /^\d{4}$/.test(p) ? '全年' : p;
}

const dayText = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

/** One activity: its host page; several: the page that lists them. */
const pageOf = (list: readonly TodoActivity[], several: string) =>
  new Set(list.map((a) => a.id)).size === 1 ? `${HOST}?id=${list[0].id}` : several;

const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

export const todo = action({
  input: orgContract.todo.input,
  async run(ctx, input): Promise<OrgOutput<'todo'>> {
    const org = await ctx.require('org.read', input.orgId);
    // 双述双评's follow-ups [SEC-15, SEC-16]: the secretary's and the superior's, until done.
    const followUps = async () => {
      const { member } = await ctx.caller();
      const superior = await ctx.may('appraisal.decide', org);
      return appraisalFollowUps(member._id, org._id, superior, { org, member, now: ctx.now });
    };
    if (!isBranchKind(org.kind)) return { items: followUpItems(await followUps()) };
    const held = new Set<Permission>();
    const asked: Permission[] = [
      'activity.oversee',
      'leave.decide',
      'points.review',
      'appeal.resolve',
      'dues.read',
      'notice.publish',
    ];
    for (const p of asked) if (await ctx.may(p, org)) held.add(p);
    const now = ctx.now;
    const points = settingOf(org, 'pointsEnabled');
    const [acts, queue, arrears, lastNotice, appraisal] = await Promise.all([
      held.has('activity.oversee') || held.has('leave.decide') ? activityTodoFacts(org, now) : null,
      points && (held.has('points.review') || held.has('appeal.resolve'))
        ? pointsQueue(org._id)
        : null,
      held.has('dues.read') ? memberArrears(org._id, previousMonth(localMonth(now)), now) : null,
      held.has('notice.publish') ? lastDisclosureAt(org._id) : undefined,
      followUps(),
    ]);
    const items: TodoItem[] = [];
    const add = (item: Omit<TodoItem, 'ruleId'> & { ruleId?: string }) =>
      item.count > 0 && items.push({ ...item, ruleId: item.ruleId ?? null });
    if (acts && held.has('leave.decide')) {
      add({
        kind: 'leave',
        count: acts.leave.length,
        title: `${acts.leave.length}条请假申请待审批`,
        page: `${HOST}?id=${acts.leave[0]?.id}`,
        level: 'warning',
      });
      add({
        kind: 'remote',
        count: acts.remote.length,
        title: `${acts.remote.length}人申请线上参加，待确认`,
        page: `${HOST}?id=${acts.remote[0]?.id}`,
        level: 'warning',
        ruleId: 'CHK-15',
      });
    }
    if (acts && held.has('activity.oversee')) {
      const days = settingOf(org, 'mtg.finaliseWithinDays');
      const first = (l: TodoActivity[]) => (l[0] ? `“${l[0].title}”（${dayText(l[0].date)}）` : '');
      add({
        kind: 'filingOverdue',
        count: acts.overdue.length,
        title:
          acts.overdue.length === 1
            ? `${first(acts.overdue)}的纪实已超过${days}天未归档`
            : `${acts.overdue.length}次活动的纪实已超过${days}天未归档`,
        page: pageOf(acts.overdue, COMPLIANCE),
        level: 'alert',
        ruleId: 'MTG-19',
      });
      add({
        kind: 'toFile',
        count: acts.toFile.length,
        title:
          acts.toFile.length === 1
            ? `${first(acts.toFile)}的纪实待填写归档`
            : `${acts.toFile.length}次活动的纪实待填写归档`,
        page: pageOf(acts.toFile, COMPLIANCE),
        level: 'warning',
        ruleId: 'MTG-19',
      });
      const periods = acts.missing.reduce((n, m) => n + m.periods.length, 0);
      const parts = acts.missing.map(
        (m) =>
          `${TYPE_NAMES[m.type] ?? '组织生活'}缺${m.periods.map(periodText).slice(0, 2).join('、')}${m.periods.length > 2 ? `等${m.periods.length}次` : ''}`,
      );
      add({
        kind: 'compliance',
        count: periods,
        title: `本年度${parts.slice(0, 2).join('；')}${parts.length > 2 ? '……' : ''}`,
        page: COMPLIANCE,
        level: 'warning',
        ruleId: acts.missing[0]?.ruleId,
      });
      const flagged = new Set(acts.absences.map((a) => a.memberId)).size;
      add({
        kind: 'absences',
        count: flagged,
        title: `${flagged}名党员多次未参加主题党日，建议谈心谈话`,
        page: COMPLIANCE,
        level: 'warning',
        ruleId: acts.absences.some((a) => a.ruleId === 'TD-22') ? 'TD-22' : 'TD-23',
      });
      const quiet = acts.inactivity;
      add({
        kind: 'inactivity',
        count: quiet?.inactive ? quiet.days : 0,
        title: quiet?.message ?? '',
        page: COMPLIANCE,
        level: 'warning',
        ruleId: 'FORT-22',
      });
    }
    if (queue) {
      if (held.has('points.review'))
        add({
          kind: 'declarations',
          count: queue.declarations,
          title: `${queue.declarations}条积分申报待审核`,
          page: REVIEW,
          level: 'warning',
        });
      if (held.has('appeal.resolve'))
        add({
          kind: 'appeals',
          count: queue.appeals,
          title: `${queue.appeals}条积分申辩待答复`,
          page: REVIEW,
          level: 'warning',
        });
    }
    if (arrears) {
      const long = arrears.filter((a) => a.alert).length;
      add({
        kind: 'arrears',
        count: arrears.length,
        title: `${arrears.length}名党员有欠交党费${long ? `（其中${long}人连续6个月未交）` : ''}`,
        page: '/subpackages/dues/collect/index',
        level: long ? 'alert' : 'info',
        ruleId: 'FEE-23',
      });
    }
    if (lastNotice !== undefined) {
      const stale = staleness(lastNotice ?? new Date(org.createdAt), now);
      add({
        kind: 'staleNotices',
        count: stale.level === 'ok' ? 0 : 1,
        title: lastNotice ? `党务公开已${stale.days}天未更新` : '尚未发布党务公开内容',
        page: '/subpackages/notice/list/index',
        level: stale.level === 'secretary' ? 'alert' : 'warning',
        ruleId: 'DIS-07',
      });
    }
    items.push(...followUpItems(appraisal));
    return { items };
  },
});

const followUpItems = (list: readonly FollowUp[]): TodoItem[] =>
  list.map((f) => ({
    kind: 'appraisalFollowUp',
    count: 1,
    title: f.title,
    page: f.page,
    level: f.level,
    ruleId: f.ruleId,
  }));
