import type { ActivityType } from '../../contracts/activity';

/** The Chinese name of each activity type: one table for reports, sheets, to-dos and the plan. */
export const ACTIVITY_TYPE_NAMES: Record<ActivityType, string> = {
  themeDay: '主题党日',
  branchAssembly: '支部党员大会',
  committeeMeeting: '支委会',
  groupMeeting: '党小组会',
  partyLecture: '党课',
  orgLifeMeeting: '组织生活会',
  democraticAppraisal: '民主评议',
  studySession: '集中学习',
};
