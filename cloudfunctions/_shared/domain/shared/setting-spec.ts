import type { OrgKind, Profile, Sector } from '../org/model';

/** The shape of one branch setting; the registry is domain/org/settings.ts. */
export interface OrgTraits {
  kind: OrgKind;
  category: Sector;
  profile: Profile;
}

export type Default<T> = T | ((org: OrgTraits) => T);

interface Common {
  ruleId: string;
  /** What the setting is, in words a secretary uses. */
  label: string;
  /** Who may change it: the branch's officers, or only the superior (a hard limit of theirs). */
  by: 'branch' | 'superior';
}

export type SettingSpec = Common &
  (
    | { type: 'boolean'; default: Default<boolean> }
    | { type: 'int'; min: number; max: number; unit?: string; default: Default<number> }
    | {
        type: 'enum';
        values: readonly string[];
        valueLabels: Readonly<Record<string, string>>;
        default: Default<string>;
      }
  );
