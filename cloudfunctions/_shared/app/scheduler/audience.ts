import type { Audience } from '../../domain/org/branch-alerts';
import type { Role } from '../../domain/org/model';
import type { MemberDoc } from '../../repos/members';
import type { OrgDoc } from '../../repos/orgs';

export interface Recipient {
  _id: string;
  openid: string;
}

const OFFICERS: readonly Role[] = ['secretary', 'deputySecretary'];
/** Who keeps the dues records of a branch: the 党费管理员, else the 组织委员 [FEE-27]. */
const DUES_KEEPERS: readonly (readonly Role[])[] = [['duesManager'], ['orgCommissioner']];
/** Who keeps the 公开栏: the named maintainer, else the secretary and deputy [DIS-06]. */
const MAINTAINERS: readonly (readonly Role[])[] = [['disclosureMaintainer'], OFFICERS];

/**
 * The people who must act on an org's alert, from the role holders of the whole tree (read once a
 * run): its officers (书记, 副书记), the superior administrators of an org above it (or of the org
 * itself, for a committee), its dues keeper and its 公开栏 maintainer. Unbound people are skipped.
 */
export class Audiences {
  constructor(private readonly holders: readonly MemberDoc[]) {}

  private holding(orgIds: readonly string[], roles: readonly Role[]): Recipient[] {
    return this.holders
      .filter(
        (m) => m.openid && m.roles.some((r) => orgIds.includes(r.orgId) && roles.includes(r.role)),
      )
      .map((m) => ({ _id: m._id, openid: m.openid! }));
  }

  private firstHolding(org: OrgDoc, choices: readonly (readonly Role[])[]): Recipient[] {
    for (const roles of choices) {
      const found = this.holding([org._id], roles);
      if (found.length) return found;
    }
    return [];
  }

  of(org: OrgDoc, audiences: readonly Audience[]): Recipient[] {
    const out = new Map<string, Recipient>();
    for (const a of audiences) {
      const list =
        a === 'officers'
          ? this.holding([org._id], OFFICERS)
          : a === 'superior'
            ? this.holding([...org.ancestors, org._id], ['superiorAdmin'])
            : a === 'duesManager'
              ? this.firstHolding(org, DUES_KEEPERS)
              : a === 'maintainer'
                ? this.firstHolding(org, MAINTAINERS)
                : [];
      for (const r of list) out.set(r._id, r);
    }
    return [...out.values()];
  }
}
