import type { BallotBoxDoc } from '../../cloudfunctions/_shared/repos/appraisals';
import type {
  DemocraticAppraisalDoc,
  DemocraticEntryDoc,
  DemocraticParticipant,
} from '../../cloudfunctions/_shared/repos/appraisal-democratic';
import type { Profile } from '../../cloudfunctions/_shared/domain/org/model';
import {
  democraticGrades,
  DEMOCRATIC_STEPS,
  type DemocraticGrade,
  type DemocraticStep,
} from '../../cloudfunctions/_shared/domain/appraisal/democratic-model';
import type { Backend } from './backend';

/**
 * A 民主评议 campaign of demo-branch stored as the DEMOCRATIC steps leave it (those steps run
 * through the API in democratic-campaign.test.ts): the 测评 closed with a chosen tally, every
 * 自评 and 互评 summary in. The DECISION tests start from here.
 */
export const ID = 'democraticAppraisal:demo-branch:2026';
export const SUP = 'demo-superior';
export const SEC = 'demo-secretary';
export const ORG = 'demo-organizer';
export const t = (iso: string) => new Date(Date.parse(iso));

/** 7 正式 (N = 7 → quota 2), one 预备, one 流动 among the 正式. */
export const FULL = [
  'demo-member-1',
  'demo-member-2',
  'demo-member-3',
  'demo-member-4',
  'demo-mobile',
  'demo-organizer',
  'demo-secretary',
];
export const NAMES: Record<string, string> = {
  'demo-secretary': '李红',
  'demo-organizer': '张伟',
  'demo-member-1': '陈明',
  'demo-member-2': '刘洋',
  'demo-member-3': '杨帆',
  'demo-member-4': '黄磊',
  'demo-mobile': '马骏',
  'demo-probationary': '郑晓',
};

export type Counts = Record<string, Partial<Record<DemocraticGrade, number>>>;

export interface Options {
  profile?: Profile;
  step?: DemocraticStep | 'done';
  full?: string[];
  /** Per member per grade; the members left out got no marks. */
  tally?: Counts;
  valid?: number;
  decision?: DemocraticAppraisalDoc['decision'];
  extra?: Record<string, unknown>;
  /** Members without a 自评 (to test the 登记表's gaps). */
  noSelf?: string[];
}

export function participants(full = FULL): DemocraticParticipant[] {
  return [...full, 'demo-probationary'].map((id) => ({
    memberId: id,
    name: NAMES[id] ?? id,
    status: id === 'demo-probationary' ? 'probationary' : 'full',
    mobile: id === 'demo-mobile',
    exempt: false,
  }));
}

export function seedDemocratic(b: Backend, o: Options = {}): DemocraticAppraisalDoc {
  const profile = o.profile ?? 'hunan';
  const step = o.step ?? 'decision';
  const full = o.full ?? FULL;
  const ps = participants(full);
  const upTo = step === 'done' ? DEMOCRATIC_STEPS.length : DEMOCRATIC_STEPS.indexOf(step);
  const stepsDone = Object.fromEntries(
    DEMOCRATIC_STEPS.slice(0, upTo).map((s) => [
      s,
      { at: t('2026-11-20T10:00:00+08:00'), by: ORG, activityId: null, note: null },
    ]),
  );
  const doc: DemocraticAppraisalDoc = {
    _id: ID,
    kind: 'democraticAppraisal',
    year: 2026,
    orgId: 'demo-branch',
    orgName: '机关第一党支部',
    committeeId: 'demo-committee',
    orgPath: ['demo-branch', 'demo-committee'],
    profile,
    participants: ps,
    plan: {
      grades: [...democraticGrades(profile)],
      probationaryBallot: true,
      month: 12,
      minBallots: 5,
    },
    step,
    stepsDone,
    selfDone: ps.map((p) => p.memberId).filter((id) => !o.noSelf?.includes(id)),
    mutualDone: ps.map((p) => p.memberId),
    groups: [],
    boxes: [
      {
        id: 'dbox-1',
        group: null,
        mode: 'paper',
        status: 'closed',
        activityId: null,
        subjectIds: full,
        members: ps.map((p) => p.memberId),
        eligible: [],
        maxBest: Math.floor(full.length / 3),
        issued: o.valid ?? 8,
        heldOn: '2026-11-28',
        activityType: 'branchAssembly',
      },
    ],
    imported: {},
    decision: o.decision ?? null,
    publishedAt: null,
    openedBy: ORG,
    createdAt: t('2026-11-15T10:00:00+08:00'),
    ...(o.extra ?? {}),
  };
  const box: BallotBoxDoc = {
    _id: 'dbox-1',
    ownerId: ID,
    box: 'assembly',
    mode: 'paper',
    orgId: 'demo-branch',
    activityId: null,
    subjectIds: full,
    grades: [...democraticGrades(profile)],
    maxBest: Math.floor(full.length / 3),
    eligible: [],
    status: 'closed',
    openedBy: ORG,
    openedAt: t('2026-11-28T09:00:00+08:00'),
    result: {
      issued: o.valid ?? 8,
      returned: o.valid ?? 8,
      valid: o.valid ?? 8,
      tally: (o.tally ?? {}) as Record<string, Record<string, number>>,
    },
    closedAt: t('2026-11-28T11:00:00+08:00'),
  };
  const entries: DemocraticEntryDoc[] = ps.map((p) => ({
    _id: `${ID}:${p.memberId}`,
    campaignId: ID,
    orgId: 'demo-branch',
    memberId: p.memberId,
    self: o.noSelf?.includes(p.memberId)
      ? null
      : {
          text: `${p.name}的个人自评`,
          by: p.memberId,
          at: t('2026-11-21T10:00:00+08:00'),
          proxy: false,
        },
    mutual: { summary: `${p.name}的互评情况`, by: ORG, at: t('2026-11-25T10:00:00+08:00') },
  }));
  b.emulator.store.ensure('democraticAppraisals').set(ID, doc as any);
  b.emulator.store.ensure('ballotBoxes').set(box._id, box as any);
  const es = b.emulator.store.ensure('democraticEntries');
  for (const e of entries) es.set(e._id, e as any);
  return doc;
}

/** Everyone 合格 on all `valid` ballots, except the counts given. */
export function tallyOf(valid: number, overrides: Counts = {}, full = FULL): Counts {
  const out: Counts = {};
  for (const id of full) out[id] = overrides[id] ?? { qualified: valid };
  return out;
}

export const stored = (b: Backend) => b.docs<any>('democraticAppraisals').find((d) => d._id === ID);

/**
 * Closed 主题党日 of demo-branch in `months` ('2026-06' …), every participant present but
 * `absent`, who missed them all: 3 in a row is TD-22's flag, 6 months APR-14's.
 */
export function absentFrom(b: Backend, absent: string, months: string[], present = FULL) {
  const acts = b.emulator.store.ensure('activities');
  const att = b.emulator.store.ensure('attendance');
  const template = acts.get('demo-theme-day-last') as any;
  for (const m of months) {
    const id = `theme-${m}`;
    const startAt = new Date(`${m}-10T07:00:00Z`);
    acts.set(id, {
      ...structuredClone(template),
      _id: id,
      startAt,
      endAt: startAt,
      closedAt: startAt,
      tally: undefined, // other records than the template's: readers count them
    });
    for (const who of [...present, 'demo-probationary'])
      att.set(`${id}:${who}`, {
        _id: `${id}:${who}`,
        activityId: id,
        orgId: 'demo-branch',
        memberId: who,
        status: who === absent ? 'absent' : 'present',
        at: startAt,
        method: 'qr',
      });
  }
}
