// 述职测评: the member's sealed ballot, opened from the 党员大会's page (?activityId=) [SEC-08].
// Not signed in to the meeting: say so and lead to sign-in. Else the subject's name and the four
// grades as big rows; 提交 asks first, then a full-screen 您的测评票已投出 with one sentence on why
// nobody can see the choice; a second visit says 您已投过票. No count is ever shown.
// The page itself is ../ballot-page.ts; here is what 述职测评 asks: a grade for everyone.
import { defineBallotPage } from '../ballot-page';
import { ballotView, choiceText } from './view';

defineBallotPage({
  view: ballotView,
  choose: (_view, marks, subject, grade) => ({ ...marks, [subject]: grade }),
  missing: (b, marks) => (b.subjects.some((s) => !marks[s.id]) ? '请为每一位述职人选一个等次' : ''),
  readBack: choiceText,
});
