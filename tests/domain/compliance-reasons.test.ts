import {
  activityCounts,
  notCountedReasons,
} from '../../cloudfunctions/_shared/domain/activity/compliance';

const held = {
  type: 'themeDay' as const,
  status: 'closed',
  title: '12月主题党日',
  agenda: ['集中交纳党费'],
  minutes: '学习了党章。',
  attendedBesidesHost: 3,
  lateRegistration: null,
};

describe('why a held meeting does not count, in words [MTG-27, MTG-18, TD-30]', () => {
  it('a complete record counts and has no reason', () => {
    expect(notCountedReasons(held)).toEqual([]);
    expect(activityCounts(held)).toBe(true);
  });
  it('[MTG-27] names each missing piece at once: the 纪实, the attendees, the theme', () => {
    const r = notCountedReasons({ ...held, title: ' ', minutes: null, attendedBesidesHost: 0 });
    expect(r).toEqual(['缺少活动主题', '没有填写纪实（会议记录）', '除主持人外没有党员参加']);
    expect(activityCounts({ ...held, minutes: '  ' })).toBe(false);
  });
  it('[TD-30] a theme day without a template item; other meetings need none', () => {
    expect(notCountedReasons({ ...held, agenda: ['观看影片'] })).toEqual([
      '议程中没有主题党日的规定内容',
    ]);
    expect(notCountedReasons({ ...held, type: 'committeeMeeting', agenda: [] })).toEqual([]);
  });
  it('[MTG-18] a late registration counts only once approved; an open meeting is not closed', () => {
    expect(notCountedReasons({ ...held, lateRegistration: { approved: false } })).toEqual([
      '补录尚未经上级党组织同意',
    ]);
    expect(activityCounts({ ...held, lateRegistration: { approved: true } })).toBe(true);
    expect(notCountedReasons({ ...held, status: 'planned' })).toEqual(['活动尚未结束登记考勤']);
  });
});
