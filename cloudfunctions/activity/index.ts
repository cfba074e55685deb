import { checkin, checkinToken, decideRemote, joinRemote } from '../_shared/app/activity/checkin';
import { approveLateRegistration, create, signinCode } from '../_shared/app/activity/manage';
import { alerts, compliance } from '../_shared/app/activity/oversight';
import { plan, publishPlan, setSchedule } from '../_shared/app/activity/plan';
import { report } from '../_shared/app/activity/report';
import { get, list } from '../_shared/app/activity/views';
import { record, vote } from '../_shared/app/activity/records';
import {
  attendance,
  close,
  decideLeave,
  requestLeave,
  setAttendance,
} from '../_shared/app/activity/roll';
import { createFunction } from '../_shared/runtime/handler';

export const main = createFunction('activity', {
  create,
  get,
  list,
  checkinToken,
  checkin,
  joinRemote,
  decideRemote,
  requestLeave,
  decideLeave,
  setAttendance,
  close,
  attendance,
  record,
  vote,
  compliance,
  report,
  alerts,
  plan,
  publishPlan,
  setSchedule,
  signinCode,
  approveLateRegistration,
});
