import {
  checkin,
  checkinPreview,
  checkinToken,
  decideRemote,
  joinRemote,
} from '../_shared/app/activity/checkin';
import { approveLateRegistration, create, signinCode } from '../_shared/app/activity/manage';
import { alerts, compliance } from '../_shared/app/activity/oversight';
import { plan, publishPlan, setSchedule } from '../_shared/app/activity/plan';
import { report } from '../_shared/app/activity/report';
import { get, list } from '../_shared/app/activity/views';
import { record } from '../_shared/app/activity/records';
import { update } from '../_shared/app/activity/edit';
import { meetingAlerts, reportToSuperior } from '../_shared/app/activity/meeting-alerts';
import { elect, vote } from '../_shared/app/activity/votes';
import { discuss, excludeVoter } from '../_shared/app/activity/deliberation';
import { recordTalk, talks } from '../_shared/app/activity/talks';
import { orgLifeStep } from '../_shared/app/activity/org-life';
import {
  attendance,
  close,
  decideLeave,
  requestLeave,
  setAttendance,
} from '../_shared/app/activity/roll';
import { addGuest } from '../_shared/app/activity/guests';
import { honours } from '../_shared/app/activity/honours';
import { attendInflow } from '../_shared/app/activity/inflow';
import { integrity } from '../_shared/app/activity/integrity';
import { reschedule, setHolidays } from '../_shared/app/activity/reschedule';
import { createFunction } from '../_shared/runtime/handler';

export const main = createFunction('activity', {
  create,
  get,
  list,
  checkinToken,
  checkin,
  checkinPreview,
  joinRemote,
  decideRemote,
  requestLeave,
  decideLeave,
  setAttendance,
  close,
  attendance,
  record,
  vote,
  elect,
  excludeVoter,
  discuss,
  recordTalk,
  talks,
  orgLifeStep,
  compliance,
  report,
  alerts,
  plan,
  publishPlan,
  setSchedule,
  reschedule,
  setHolidays,
  addGuest,
  attendInflow,
  integrity,
  honours,
  signinCode,
  approveLateRegistration,
  update,
  reportToSuperior,
  meetingAlerts,
});
