/**
 * Page-test helpers for the media components: files already uploaded (prepare → the client
 * upload CloudBase takes from a phone → confirm, through the real backend), a component rendered
 * with properties as a page would, and its DOM read by its own class names.
 */
import type { Backend } from './backend';
import type { MediaKind, MediaPurpose } from '../../cloudfunctions/_shared/domain/media/model';
import { settle } from '../setup/simulate';
import { uploadMedia } from './media-kit';

export { postMultipart } from './media-kit';

/**
 * A file already uploaded by `openid` (prepare → client upload → confirm), for page tests that
 * start from attached files: the kit's upload (tests/support/media-kit.ts).
 */
export async function seedUpload(
  b: Backend,
  openid: string,
  u: {
    orgId: string;
    purpose: MediaPurpose;
    kind: MediaKind;
    name: string;
    bytes: Buffer;
    durationSeconds?: number;
  },
): Promise<{ fileId: string; mediaId: string }> {
  const { fileId, mediaId } = await uploadMedia(b, openid, u);
  return { fileId, mediaId };
}

const simulate = require('miniprogram-simulate');

/** A component rendered as a page renders it, with the events it triggered. */
export async function renderComponent(id: string, props: Record<string, unknown>) {
  const comp = simulate.render(id, props);
  const events: Record<string, any[]> = {};
  const trigger = comp.instance.triggerEvent;
  comp.instance.triggerEvent = function (this: unknown, name: string, detail: any, o?: unknown) {
    (events[name] ??= []).push(detail);
    return trigger.call(this, name, detail, o);
  };
  comp.attach(document.createElement('parent-wrapper'));
  await settle();
  return { comp, events };
}

/** A CSS selector of the component's own classes, as simulate renders them (`main--` prefix). */
export const css = (selector: string) => selector.replace(/\.([\w-]+)/g, '.main--$1');

/** The text of the first node matching a CSS selector inside the component ('' when none). */
export const textAt = (comp: any, selector: string): string =>
  ((comp.dom.querySelector(css(selector))?.textContent as string | undefined) ?? '')
    .replace(/\s+/g, ' ')
    .trim();

export const has = (comp: any, selector: string): boolean =>
  !!comp.dom.querySelector(css(selector));

/** Taps the first node of the component matching a class selector. */
export async function tapOn(comp: any, selector: string): Promise<void> {
  const node = comp.querySelector(selector);
  if (!node) throw new Error(`nothing matches ${selector}`);
  node.dispatchEvent('tap');
  await settle();
}

export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}
