import type { SettingSpec } from '../shared/setting-spec';

/**
 * Branch settings of theme days and sign-in (TD, CHK), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const ACTIVITY_TD_SETTINGS = {} satisfies Record<string, SettingSpec>;
