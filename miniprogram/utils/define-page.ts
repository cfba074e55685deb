/**
 * definePage(): what every page is made of, the way vant-weapp's VantComponent wraps Component.
 * A page gives its data, methods and a `load(me)`; the wrapper brings
 * - the behaviours: 大字模式 (`large`) and one action at a time (`busy`, `this.run(…)`);
 * - `this.me`, the caller's `org.me`, asked once per app start (stores/me.ts), not per page;
 * - the page states, one way everywhere: `status` is `loading`, `error` (`errorMessage` is the
 *   backend's Chinese message, with 重试 bound to `reload`), `unbound` (the bind prompt), `empty`
 *   (`errorMessage` says why there is nothing to show) or `ready`;
 * - `fields()`: page-private state that is never drawn (kept on the instance, not in setData).
 * - the title: the page's own (utils/page-titles.ts, or `this.setTitle(…)`) is `pageTitle`; in
 *   大字模式 the native navigation bar, which cannot be enlarged, is left empty and the page's
 *   `.page-title` block (shown only when `large`) draws it 1.5× instead;
 * On every show it runs `load(me)` again (with `once`, only until something is on screen); the
 * page is then ready, or empty where `load` said `this.empty('…why there is nothing…')`.
 */
import { busyBehavior } from '../behaviors/busy';
import { largeTextBehavior } from '../behaviors/large-text';
import { codeOf, messageOf } from '../services/cloud';
import { UNBOUND } from '../services/org';
import type { MeOutput } from '../services/types';
import { currentMe, forgetMe } from '../stores/me';
import { toMemberView, type MemberView } from './member-view';
import { titleOf } from './page-titles';

export type ViewStatus = 'loading' | 'error' | 'empty' | 'unbound' | 'ready';

interface Hooks {
  load?: (me: MeOutput) => Promise<void> | void;
  guest?: boolean;
  once?: boolean;
  emptyOn?: readonly string[];
  memberCard?: boolean;
  fields?: () => object;
}

/** The instance fields every page has. */
export interface PageFields {
  /** The caller's `org.me`; set before `load` runs, so handlers can rely on it. */
  me: MeOutput;
  /** Set by `empty()` during a load: the page has nothing to show, and says why. */
  emptyMessage?: string;
}

/**
 * Pages now on screen: only these may set the navigation bar, which belongs to the page on
 * top (a tab in the background hears a large-text change too, and must not retitle 我的).
 */
const onScreen = new WeakSet<object>();

function frame(hooks: Hooks) {
  return Behavior({
    data: {
      status: 'loading' as ViewStatus,
      errorMessage: '',
      member: null as MemberView | null,
      pageTitle: '',
    },
    lifetimes: {
      created() {
        Object.assign(this, hooks.fields?.());
      },
    },
    pageLifetimes: {
      hide() {
        onScreen.delete(this);
      },
    },
    observers: {
      large() {
        if (onScreen.has(this)) this.showTitle();
      },
    },
    methods: {
      /** Page lifecycle (a Component-page's lifecycle lives in its methods). */
      onShow() {
        onScreen.add(this);
        this.showTitle();
        // A tab page tells its tab bar (custom-tab-bar, app.json) which tab is showing.
        const page = this as unknown as { route?: string; getTabBar?: () => unknown };
        const bar = page.getTabBar?.() as WechatMiniprogram.Component.TrivialInstance | undefined;
        bar?.setData({ selected: page.route ?? '' });
        const shown = this.data.status === 'ready' || this.data.status === 'empty';
        if (!hooks.once || !shown) void this.reload();
      },
      /** The page's title from now on (e.g. the activity's own), drawn as 大字模式 asks. */
      setTitle(title: string): void {
        this.setData({ pageTitle: title });
        if (onScreen.has(this)) this.showTitle();
      },
      /** The native bar shows the title, or nothing in 大字模式 (the body's block shows it). */
      showTitle(): void {
        if (!this.data.pageTitle) {
          const { route } = this as unknown as { route?: string };
          this.setData({ pageTitle: titleOf(route) });
        }
        const { large } = this.data as { large?: boolean };
        wx.setNavigationBarTitle({ title: large ? '' : this.data.pageTitle });
      },
      /** Called by `load`: there is nothing to show, for this reason (a sentence to a member). */
      empty(message: string): void {
        (this as unknown as PageFields).emptyMessage = message;
      },
      /** Asks who the caller is (from the cache) and runs the page's own load. */
      async reload(): Promise<void> {
        // Keep what is on screen while refreshing; a spinner only where there is nothing yet.
        if (this.data.status === 'error' || this.data.status === 'unbound')
          this.setData({ status: 'loading', errorMessage: '' });
        try {
          if (hooks.guest) {
            this.setData({ status: 'ready' });
            return;
          }
          const page = this as unknown as PageFields;
          const me = await currentMe();
          page.me = me;
          page.emptyMessage = '';
          if (hooks.memberCard) this.setData({ member: toMemberView(me) });
          await hooks.load?.call(this as never, me);
          const empty = page.emptyMessage;
          this.setData({ status: empty ? 'empty' : 'ready', errorMessage: empty });
        } catch (err) {
          const code = codeOf(err);
          if (code === UNBOUND) {
            forgetMe();
            this.setData({ status: 'unbound', errorMessage: '', member: null });
          } else {
            // A plain "no" (points switched off, not on the committee) is stated, not retried.
            const empty = !!code && !!hooks.emptyOn?.includes(code);
            this.setData({ status: empty ? 'empty' : 'error', errorMessage: messageOf(err) });
          }
        }
      },
    },
  });
}

type Mixins = [typeof largeTextBehavior, typeof busyBehavior, ReturnType<typeof frame>];
/** A page has no properties (those are a component's). */
type NoProperties = Record<never, never>;
type Options<TData, TMethod, TFields> = WechatMiniprogram.Component.Options<
  TData & WechatMiniprogram.Component.DataOption,
  NoProperties,
  TMethod & WechatMiniprogram.Component.MethodOption,
  Mixins,
  TFields & PageFields
>;

interface PageOptions<TFields> {
  /** Loads what the page shows; `this.me` is set. `this.empty(why)` when there is nothing. */
  load?(me: MeOutput): Promise<void> | void;
  /** For anyone, bound or not (the bind page, the calculator): no org.me, no `load`. */
  guest?: boolean;
  /** Load on the first show only (a form must not lose what is being typed). */
  once?: boolean;
  /** Error codes that are an answer, not a failure: shown as the empty state, without 重试. */
  emptyOn?: readonly string[];
  /** Put the member card (`member`: name, branch, roles in Chinese) in data (the tabs). */
  memberCard?: boolean;
  /** Page-private state, made for each instance and kept off setData. */
  fields?: () => TFields;
  /** The frame's behaviours are the only ones: a page needs no others. */
  behaviors?: never;
}

/** Registers a page (a Component with page lifecycles) with the frame described above. */
export function definePage<
  TData extends WechatMiniprogram.Component.DataOption,
  TMethod extends WechatMiniprogram.Component.MethodOption,
  TFields extends WechatMiniprogram.IAnyObject = Record<never, never>,
>(options: Options<TData, TMethod, TFields> & PageOptions<TFields>): string {
  const { load, guest, once, emptyOn, memberCard, fields, ...component } = options;
  const behaviors = [
    largeTextBehavior,
    busyBehavior,
    frame({ load, guest, once, emptyOn, memberCard, fields }),
  ];
  return Component({ ...(component as object), behaviors });
}
