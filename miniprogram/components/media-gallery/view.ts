/**
 * The gallery's rows as the page draws them, from what `media.view` showed the viewer. Pure.
 * A file being checked shows only that it is (审核中); the uploader's own held-back file shows
 * why in words; files the viewer may not see never reach here (the backend leaves them out).
 */
import {
  captionOf,
  checkWords,
  durationText,
  groupForGallery,
  sizeText,
  type MediaView,
} from '../../utils/media-view';

export interface GalleryItem {
  fileId: string;
  kind: MediaView['kind'];
  /** Only that it is being checked: no picture, no name. */
  checking: boolean;
  url: string;
  caption: string;
  name: string;
  size: string;
  duration: string;
  stateText: string;
  tone: string;
  reason: string;
}

export function itemOf(v: MediaView): GalleryItem {
  const words = checkWords(v);
  const checking = v.visibility === 'checking' || !v.url;
  return {
    fileId: v.fileId,
    kind: v.kind,
    checking,
    url: checking ? '' : (v.url ?? ''),
    caption: checking ? '' : captionOf(v),
    name: checking ? '' : v.name,
    size: checking ? '' : sizeText(v.size),
    duration: checking ? '' : durationText(v.durationSeconds),
    stateText: words.label || (checking ? '审核中' : ''),
    tone: words.tone || (checking ? 'info' : ''),
    reason: v.mine && v.reason ? v.reason : '',
  };
}

export interface GalleryView {
  visual: GalleryItem[];
  audio: GalleryItem[];
  documents: GalleryItem[];
  shown: number;
}

export function galleryOf(items: readonly MediaView[]): GalleryView {
  const g = groupForGallery(items);
  const view = {
    visual: g.visual.map(itemOf),
    audio: g.audio.map(itemOf),
    documents: g.documents.map(itemOf),
  };
  return { ...view, shown: view.visual.length + view.audio.length + view.documents.length };
}
