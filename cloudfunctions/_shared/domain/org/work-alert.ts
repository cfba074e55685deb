import { templateTime, thing } from '../activity/reminders';

/**
 * The 工作提醒 subscription message (template `workAlert`): thing1 提醒事项, thing2 所属组织,
 * thing3 温馨提示, time4 提醒时间. Each `thing` holds at most 20 characters (WeChat's limit:
 * longer text is cut with an ellipsis, never refused by the platform).
 */
export function workAlertData(p: { what: string; org: string; hint: string; at: Date }) {
  return {
    thing1: { value: thing(p.what) },
    thing2: { value: thing(p.org) },
    thing3: { value: thing(p.hint) },
    time4: { value: templateTime(p.at) },
  };
}
