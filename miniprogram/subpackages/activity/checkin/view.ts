/** What the sign-in page shows: the activity before 确认签到, then the result in large text. */
import type { ActionOutput, AttendanceStatus } from '../../../services/types';
import { clockText, dayText, typeLabels, whenText } from '../../../utils/activity-view';

type Preview = ActionOutput<'activity', 'checkinPreview'>;
type Checkin = ActionOutput<'activity', 'checkin'>;

/** The scene of one of our codes, from a scanner's `path` (`page?scene=…`), decoded once. */
export function sceneOfPath(path: string | undefined): string {
  const m = /[?&]scene=([^&#]*)/.exec(path ?? '');
  if (!m) return '';
  try {
    return decodeURIComponent(m[1]).trim();
  } catch {
    return m[1].trim();
  }
}

/** The page opened by a code: the scene, URI-encoded by WeChat once. */
export function tokenOfQuery(query: Record<string, string | undefined>): string {
  const raw = query.scene ?? query.token ?? '';
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

export function toConfirmView(p: Preview, name: string) {
  const w = p.checkinWindow;
  return {
    name,
    title: p.title,
    typeText: typeLabels[p.type] ?? '组织生活',
    when: whenText(p.startAt, p.endAt),
    place: p.place ?? '',
    open: p.open,
    windowText: `${dayText(w.opensAt)} ${clockText(w.opensAt)} 起可签到，${clockText(w.lateAfter)} 后记为迟到，${clockText(w.closesAt)} 截止`,
  };
}

export type ConfirmView = ReturnType<typeof toConfirmView>;

/** The full-screen answer: who, when, and how it counts. */
export interface ResultView {
  theme: 'success' | 'warning' | 'error';
  /** The sign in the big circle. */
  mark: string;
  headline: string;
  name: string;
  time: string;
  detail: string;
}

const SIGNED: AttendanceStatus[] = ['present', 'late', 'remote'];

const statusWord = (s: AttendanceStatus) =>
  s === 'late' ? '迟到' : s === 'remote' ? '线上参加' : '按时';

/** A member who already signed in and opened the code again. */
export function alreadyResult(p: Preview, name: string): ResultView | null {
  if (!p.myStatus || !SIGNED.includes(p.myStatus) || !p.myAt) return null;
  return {
    theme: 'success',
    mark: '✓',
    headline: '您已签过到',
    name,
    time: `${dayText(p.myAt)} ${clockText(p.myAt)}`,
    detail: `记为${statusWord(p.myStatus)}，无需再签`,
  };
}

export function checkinResult(r: Checkin, name: string): ResultView {
  const time = `${dayText(r.at)} ${clockText(r.at)}`;
  const geo = r.geo === 'mismatch' ? '；位置与活动地点不符，主持人会核实' : '';
  if (r.alreadyCheckedIn)
    return {
      theme: 'success',
      mark: '✓',
      headline: '您已签过到',
      name,
      time,
      detail: `记为${statusWord(r.status)}，无需再签${geo}`,
    };
  if (r.status === 'late')
    return {
      theme: 'warning',
      mark: '✓',
      headline: '签到成功（迟到）',
      name,
      time,
      detail: `已过按时签到的时间，记为迟到${geo}`,
    };
  return {
    theme: 'success',
    mark: '✓',
    headline: '签到成功',
    name,
    time,
    detail: `记为按时到会${geo}`,
  };
}

/** A refusal, in the backend's words. */
export function failedResult(message: string, name: string): ResultView {
  return {
    theme: 'error',
    mark: '!',
    headline: '没有签上',
    name,
    time: '',
    detail: message,
  };
}
