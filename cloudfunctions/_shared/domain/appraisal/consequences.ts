/**
 * What a published secretary grade leads to [SEC-14, SEC-15, SEC-16]: commendation, the 提醒谈话
 * and the rectification deadline, the 组织处理 flag. Tasks only: nothing is done automatically
 * (no role is removed). No I/O, no clock: the publication date is a parameter.
 */
import { addMonths } from '../shared/time';
import { GRADE_WORDS, type SecretaryGrade, type TaskKind } from './model';

/** 基本称职, and its `jiaozuo` equivalent 一般 (the third of four grades) [SEC-15]. */
export const isWeak = (g: SecretaryGrade | null): boolean =>
  g === 'basicallyCompetent' || g === 'average';
/** 不称职, and its `jiaozuo` equivalent 差 [SEC-16]. */
export const isFailing = (g: SecretaryGrade | null): boolean => g === 'incompetent' || g === 'poor';
/** 优秀 (or 好) is commended [SEC-14]. */
export const isCommended = (g: SecretaryGrade | null): boolean => g === 'excellent' || g === 'good';

export const TASK_TITLES: Record<TaskKind, string> = {
  reminderTalk: '提醒谈话',
  rectification: '整改落实',
  orgHandling: '研究组织处理',
};
export const TASK_RULES: Record<TaskKind, string> = {
  reminderTalk: 'SEC-15',
  rectification: 'SEC-15',
  orgHandling: 'SEC-16',
};

export interface NewTask {
  kind: TaskKind;
  ownerId: string;
  due: string | null;
  done: false;
  note: null;
  doneBy: null;
  doneAt: null;
}

/** The rectification deadline: the publication date plus `months` calendar months (clamped to the month end). */
export const rectifyDue = (publishedOn: string, months: number): string =>
  addMonths(publishedOn, months);

/**
 * The follow-ups of a published grade [SEC-15, SEC-16]. 基本称职 (一般): a 提醒谈话 by the superior
 * who decided and the secretary's rectification, both due `rectifyMonths` after publication.
 * 不称职 (差), or 基本称职 (一般) this year and last year for the same person (whatever branch they
 * led): an 组织处理 flag to the superior, nothing automatic.
 */
export function consequencesOf(p: {
  grade: SecretaryGrade;
  previousGrade: SecretaryGrade | null;
  publishedOn: string;
  rectifyMonths: number;
  deciderId: string;
  subjectId: string;
}): NewTask[] {
  const task = (kind: TaskKind, ownerId: string, due: string | null): NewTask => ({
    kind,
    ownerId,
    due,
    done: false,
    note: null,
    doneBy: null,
    doneAt: null,
  });
  const out: NewTask[] = [];
  if (isWeak(p.grade)) {
    const due = rectifyDue(p.publishedOn, p.rectifyMonths);
    out.push(task('reminderTalk', p.deciderId, due), task('rectification', p.subjectId, due));
  }
  if (isFailing(p.grade) || (isWeak(p.grade) && isWeak(p.previousGrade)))
    out.push(task('orgHandling', p.deciderId, null));
  return out;
}

/** Why the 组织处理 flag was raised, in words the superior reads [SEC-16]. */
export function handlingReason(grade: SecretaryGrade, previousGrade: SecretaryGrade | null) {
  return isFailing(grade)
    ? `评定为“${GRADE_WORDS[grade]}”，请研究是否进行组织处理`
    : `连续两年评定为“${GRADE_WORDS[previousGrade ?? grade]}”，请研究是否进行组织处理`;
}

/**
 * The 党务公开 text of a result [SEC-14, DIS-11]: the title naming the secretary, the grade, and
 * for 优秀 (好) a commendation.
 */
export function resultNotice(p: {
  year: number;
  orgName: string;
  committeeName: string;
  subjectName: string;
  grade: SecretaryGrade;
}) {
  const word = GRADE_WORDS[p.grade];
  const body = [
    `经述职评议，${p.committeeName}评定${p.orgName}书记${p.subjectName}同志${p.year}年度抓党建工作等次为“${word}”。`,
    ...(isCommended(p.grade) ? [`对${p.subjectName}同志予以表扬，希望继续发挥带头作用。`] : []),
    '如有意见，请向上级党组织反映。',
  ].join('\n');
  // The secretary's name tells this review's notice from another of the same branch and year.
  return { title: `${p.year}年度${p.orgName}书记${p.subjectName}同志述职评议结果`, body };
}
