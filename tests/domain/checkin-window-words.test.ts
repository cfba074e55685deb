// A sign-in outside the window says when signing in is possible [CHK-09], in Beijing time.
import { signInStatus } from '../../cloudfunctions/_shared/domain/activity/attendance';

describe('签到时段的提示 [CHK-09]', () => {
  it('should name the sign-in time when refusing outside the window [CHK-09]', () => {
    const start = new Date('2026-12-04T15:00:00+08:00');
    const end = new Date('2026-12-04T17:00:00+08:00');
    const r = signInStatus(new Date('2026-12-04T14:00:00+08:00'), start, end);
    expect(r).toMatchObject({
      ok: false,
      code: 'CHECKIN.OUTSIDE_WINDOW',
      message: '现在不在签到时间内：签到时间为 14:40–17:00',
    });
  });
});
