/**
 * The action-specific labels of the superior's actions of `org` (issue 16: spot checks, moves,
 * 党小组, 换届) and of `media`, spread into `ACTION_LABELS` of labels.ts.
 */
export const ORG_ACTION_LABELS: Record<string, string> = {
  'media.prepareUpload.kind': '文件类型',
  'media.prepareUpload.activityId': '活动',
  'org.drawSpotChecks.quarter': '抽查的季度',
  'org.recordSpotCheck.id': '抽查记录',
  'org.recordSpotCheck.result': '抽查结果',
  'org.recordSpotCheck.fiveStandardsFailed': '五化是否不合格',
  'org.recordSpotCheck.findings': '检查发现的情况',
  'org.moveMember.toOrgId': '调入的党支部',
  'org.moveMember.reason': '调整的原因',
  'org.setMemberGroup.groupId': '党小组',
  'org.requestElection.plannedDate': '计划选举的日期',
  'org.requestElection.seats': '应选支委人数',
  'org.requestElection.reason': '请示的内容',
  'org.decideElection.id': '换届选举请示',
  'org.decideElection.approve': '是否同意',
  'org.decideElection.note': '批复意见',
  'org.recordCommittee.id': '换届选举请示',
  'org.recordCommittee.electionActivityId': '选举大会',
  'org.recordCommittee.electedOn': '选举的日期',
  'org.recordCommittee.committee': '新一届支委会',
  'org.recordCommittee.committee.memberId': '当选的党员',
  'org.recordCommittee.committee.role': '担任的职务',
};
