import type { SettingSpec } from '../shared/setting-spec';

/**
 * Branch settings of votes, 组织生活会 and 谈心谈话 (VOTE, MTG-30…36), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const VOTE_SETTINGS = {} satisfies Record<string, SettingSpec>;
