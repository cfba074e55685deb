import type { SettingSpec } from '../shared/setting-spec';

/**
 * Branch settings of alerts sent by the scheduler (TD-22…24, FORT-22, DIS-07, FEE-23), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const ALERT_SETTINGS = {} satisfies Record<string, SettingSpec>;
