import { auditLog } from '../_shared/app/org/audit-log';
import { bind, createInvite, me } from '../_shared/app/org/identity';
import { importMembers, listMembers, setMemberFlags } from '../_shared/app/org/roster';
import { createOrg, orgTree, setRole } from '../_shared/app/org/structure';
import { setDuty, shiftTerm, updateOrg } from '../_shared/app/org/committee';
import {
  fiveStandards,
  saveFiveStandards,
  setFiveStandardsStatus,
} from '../_shared/app/org/five-standards';
import { acceptTransfer, transferOut, transferredMembers } from '../_shared/app/org/transfer';
import { setSetting, settings } from '../_shared/app/org/settings';
import { subscribe } from '../_shared/app/org/subscribe';
import { todo } from '../_shared/app/org/todo';
import { branchDetail, dashboard } from '../_shared/app/org/dashboard';
import { drawSpotChecks, recordSpotCheck, spotChecks } from '../_shared/app/org/spot-checks';
import { quotas } from '../_shared/app/org/quotas';
import { moveMember, setMemberGroup } from '../_shared/app/org/moves';
import {
  decideElection,
  elections,
  recordCommittee,
  requestElection,
} from '../_shared/app/org/elections';
import { createFunction } from '../_shared/runtime/handler';

export const main = createFunction('org', {
  me,
  bind,
  createInvite,
  createOrg,
  importMembers,
  listMembers,
  setMemberFlags,
  setRole,
  orgTree,
  settings,
  setSetting,
  subscribe,
  auditLog,
  updateOrg,
  shiftTerm,
  setDuty,
  transferOut,
  acceptTransfer,
  transferredMembers,
  fiveStandards,
  saveFiveStandards,
  setFiveStandardsStatus,
  todo,
  dashboard,
  branchDetail,
  spotChecks,
  drawSpotChecks,
  recordSpotCheck,
  quotas,
  moveMember,
  setMemberGroup,
  requestElection,
  decideElection,
  elections,
  recordCommittee,
});
