/**
 * The cards a page shares to a WeChat chat (onShareAppMessage). A card names only the kind of
 * thing and opens the page by its id: never a name, a reason or an amount (the title of a
 * 发展党员 notice names people, so notices share their category, not their title). Whoever
 * opens it still goes through the backend's rules (bound, same branch).
 */
export interface ShareCard {
  title: string;
  path: string;
}

/** 党务公开 · 党费缴纳 → the notice's page. */
export function noticeShare(id: string, category?: string): ShareCard {
  return {
    title: category ? `党务公开 · ${category}` : '党务公开',
    path: `/subpackages/notice/detail/index?id=${encodeURIComponent(id)}`,
  };
}

/** 主题党日 · 12月5日 → the activity's page. */
export function activityShare(id: string, typeLabel: string, dateText = ''): ShareCard {
  return {
    title: dateText ? `${typeLabel} · ${dateText}` : typeLabel,
    path: `/subpackages/activity/detail/index?id=${encodeURIComponent(id)}`,
  };
}

/** The list a pull-to-refresh asked for again, then the spinner goes (also after a failure). */
export async function refreshThen(reload: () => Promise<void>): Promise<void> {
  try {
    await reload();
  } finally {
    wx.stopPullDownRefresh();
  }
}
