import type { SettingSpec } from '../shared/setting-spec';

/**
 * Branch settings of points and the 堡垒指数 (PTS, FORT), merged into the one registry of domain/org/settings.ts.
 * Key: the catalogue's name (`td.batches`); a dotted key is stored nested under `org.settings`.
 */
export const POINTS_SETTINGS = {} satisfies Record<string, SettingSpec>;
