import { randomUUID } from 'crypto';
import type { OrgLifeStep } from '../domain/activity/org-life';
import type { PairCategory } from '../domain/activity/talks';
import { _, collection, Tx } from './db';

/**
 * A 谈心谈话: the date, the two participants and the optional issue list — never what was said
 * [MTG-34, PRIV-14]. The issues are shown only to the two and the secretary.
 */
export interface TalkDoc {
  _id: string;
  orgId: string;
  year: number;
  date: string;
  memberIds: [string, string];
  category: PairCategory;
  issues: string[];
  recordedBy: string;
  at: Date;
}

/** One step of a 组织生活会 [MTG-30]; `_id = activityId:step`. */
export interface OrgLifeStepDoc {
  _id: string;
  activityId: string;
  orgId: string;
  step: OrgLifeStep;
  note: string | null;
  items: { problem: string; ownerId: string; due: string }[];
  recordedBy: string;
  at: Date;
}

const talks = collection<TalkDoc>('talks');
const steps = collection<OrgLifeStepDoc>('orgLifeSteps');

export const listTalks = (orgId: string, year: number) =>
  talks.all(talks.ref().where({ orgId, year }).orderBy('date', 'asc'));

export async function insertTalk(doc: Omit<TalkDoc, '_id'>, tx: Tx): Promise<string> {
  const _id = randomUUID().replace(/-/g, '');
  await talks.add({ _id, ...doc }, tx);
  return _id;
}

export const listOrgLifeSteps = (activityId: string, tx?: Tx) =>
  steps.all(steps.ref(tx).where({ activityId }).orderBy('_id', 'asc'));

export async function saveOrgLifeStep(doc: OrgLifeStepDoc, tx: Tx): Promise<void> {
  const { _id, ...data } = doc;
  await steps.ref(tx).doc(_id).set({ data });
}

/** The 整改清单 steps of an org's 组织生活会 recorded in [from, to), one query [MTG-31]. */
export const orgLifeRectificationSteps = (orgId: string, from: Date, to: Date) =>
  steps.all(
    steps
      .ref()
      .where({ orgId, step: 'rectification', at: _.and(_.gte(from), _.lt(to)) })
      .orderBy('_id', 'asc'),
  );
