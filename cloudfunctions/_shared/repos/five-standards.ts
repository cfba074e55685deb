import type { FiveStatus, ProgressRow } from '../domain/org/five-standards';
import { _, collection, Tx } from './db';

/** 示范点 申报表 fields typed by the branch (counts and the 书记 come from the records) [ORG-29]. */
export interface ModelDeclaration {
  /** 联系方式: stored for the superior's call; shown masked [PRIV-03]. */
  contact: string | null;
  basics: string;
  highlights: string;
  /** 上级党组织意见 and 上级党委（组织部门）意见: the two superiors' opinions. */
  superiorOpinion: string;
  higherOpinion: string;
  submittedOn: string | null;
}

/** A branch's 五化 record of one year [ORG-26…29]; `_id` = `orgId:year`. */
export interface FiveStandardsDoc {
  _id: string;
  orgId: string;
  year: number;
  status: FiveStatus;
  declaredOn: string | null;
  progress: ProgressRow[];
  model: ModelDeclaration | null;
  updatedAt: Date;
}

const records = collection<FiveStandardsDoc>('fiveStandards');

export const fiveStandardsId = (orgId: string, year: number) => `${orgId}:${year}`;

export const findFiveStandards = (orgId: string, year: number, tx?: Tx) =>
  records.byId(fiveStandardsId(orgId, year), tx);

/** The records of these orgs up to a year (the status carries from earlier years). */
export const fiveStandardsUpTo = (orgIds: readonly string[], year: number) =>
  records.all(
    records
      .ref()
      .where({ orgId: _.in([...orgIds]), year: _.lte(year) })
      .orderBy('_id', 'asc'),
  );

/** Writes the whole record of a year (read first inside the same transaction). */
export async function saveFiveStandards(doc: FiveStandardsDoc, tx: Tx): Promise<void> {
  const { _id, ...data } = doc;
  await records.ref(tx).doc(_id).set({ data });
}
