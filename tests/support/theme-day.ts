import type { Backend } from './backend';

/** The seed's month has its first Friday on 4 December 2026: a theme day there, 15:00–17:00. */
export const FRIDAY_THEME_DAY = {
  startAt: '2026-12-04T15:00:00+08:00',
  endAt: '2026-12-04T17:00:00+08:00',
} as const;

/** Creates a theme day of the demo branch on that Friday, as the secretary; returns its id. */
export async function createFridayThemeDay(b: Backend, title = '12月主题党日'): Promise<string> {
  const { id } = await b.ok(
    'activity',
    'create',
    {
      orgId: 'demo-branch',
      type: 'themeDay',
      title,
      ...FRIDAY_THEME_DAY,
      agenda: ['集中交纳党费'],
    },
    'demo-secretary',
  );
  return id;
}
