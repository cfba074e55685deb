// Where the 落实情况 page sends the secretary to fix a held meeting that does not count.
import { toNotCountedView } from '../../miniprogram/subpackages/activity/compliance/view';

const item = (reasons: string[]) => ({
  activityId: 'a1',
  title: '11月支委会',
  date: '2026-11-06',
  reasons,
});

describe('a held meeting that does not count, one tap from its fix', () => {
  it('sends a late registration awaiting approval to the activity page, where the superior approves [MTG-18]', () => {
    const v = toNotCountedView(item(['补录尚未经上级党组织同意']));
    expect(v.url).toBe('/subpackages/activity/detail/index?id=a1');
    expect(v.action).toBe('查看补录审批');
  });
  it('sends a missing record to the 主持台 [MTG-27]', () => {
    const v = toNotCountedView(item(['没有纪实', '补录尚未经上级党组织同意']));
    expect(v.url).toBe('/subpackages/activity/host/index?id=a1');
    expect(v.action).toBe('去补全纪实');
  });
});
