// 民主测评: the member's sealed ballot of 民主评议党员 (or the 评组织 rating of the branch), opened
// from the meeting's page (?activityId=) [APR-05, APR-06, APR-21, FORT-20]. Every subject listed
// with big choices and a live count of the member's own 优秀 out of the most allowed; tapping a
// chosen grade again clears it (弃权). 投出 asks once, reading the choice back; then a full-screen
// 您的测评票已投出 with the sentence on secrecy; a second visit says 您已投过票. No vote count ever.
// The page itself is ../ballot-page.ts; here is what differs from 述职测评.
import { defineBallotPage, type Marks } from '../ballot-page';
import { choiceSummary, dballotView, isDemocraticOrBranch } from './view';

defineBallotPage({
  // One list of the boxes open here: 民主评议 and 评组织 are this page's (双述双评 has its own).
  mine: isDemocraticOrBranch,
  view: dballotView,
  choose(view, marks, subject, grade) {
    const option = view.subjects
      .find((s) => s.id === subject)
      ?.options.find((o) => o.key === grade);
    if (option?.shut)
      return `${view.counter?.text ?? ''}。要改选，请先取消另一位的“${option.label}”。`;
    const next: Marks = { ...marks };
    if (next[subject] === grade) delete next[subject];
    else next[subject] = grade;
    return next;
  },
  missing: (b, marks) =>
    b.subjects.some((s) => marks[s.id]) ? '' : '您还没有选任何等次，请至少选一位',
  readBack: choiceSummary,
});
