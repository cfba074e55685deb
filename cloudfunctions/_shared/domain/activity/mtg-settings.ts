import type { SettingSpec } from '../shared/setting-spec';

/**
 * Branch settings of 三会一课 and records (MTG), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const ACTIVITY_MTG_SETTINGS = {} satisfies Record<string, SettingSpec>;
