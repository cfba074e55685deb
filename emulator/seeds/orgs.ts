import type { OrgDoc } from '../../cloudfunctions/_shared/repos/orgs';
import type { Doc } from '../store';

/** An org document with the defaults of the demo data. */
export function org(o: Partial<OrgDoc> & Pick<OrgDoc, '_id' | 'name' | 'kind'>, now: Date): OrgDoc {
  return {
    parentId: null,
    ancestors: [],
    category: 'organ',
    profile: 'hunan',
    termStart: '2024-06-01',
    termYears: 3,
    settings: { pointsEnabled: false, membersSeeRanking: false },
    createdAt: now,
    ...o,
  };
}

/** The base committee every seed has. */
export function committeeOrg(now: Date): OrgDoc {
  return org(
    {
      _id: 'demo-committee',
      name: '示范学院党委',
      kind: 'baseCommittee',
      termYears: 5,
      termStart: '2022-09-01',
    },
    now,
  );
}

/** The demo seed's two branches: demo-branch (points on) and demo-branch-2. */
export function demoBranches(now: Date): Doc[] {
  return [
    org(
      {
        _id: 'demo-branch',
        name: '机关第一党支部',
        kind: 'branch',
        parentId: 'demo-committee',
        ancestors: ['demo-committee'],
        settings: { pointsEnabled: true, membersSeeRanking: false },
      },
      now,
    ),
    org(
      {
        _id: 'demo-branch-2',
        name: '机关第二党支部',
        kind: 'branch',
        parentId: 'demo-committee',
        ancestors: ['demo-committee'],
        termStart: '2023-12-01',
      },
      now,
    ),
  ] as unknown as Doc[];
}
