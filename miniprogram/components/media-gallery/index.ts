/**
 * Attachments to look at (a 纪实 record's photos and recording, a notice's files, a declaration's
 * evidence, a remote member's screenshot): photos and videos in a grid (a tap opens WeChat's
 * viewer with all of them), recordings with 播放/暂停 and their length, documents by name and
 * size (a tap opens them). 审核中 while WeChat's content check runs; the uploader's own held-back
 * file with the reason in words. Files the viewer may not see are not there at all: the backend
 * leaves them out. Nothing is drawn when nothing is visible.
 */
import { messageOf } from '../../services/cloud';
import { openMedia, viewMedia, type MediaView } from '../../services/media';
import { pauseAudio, playAudio, playingFileId, stopAudio } from '../../services/media-audio';
import { toast } from '../../utils/platform';
import { galleryOf } from './view';

type Self = WechatMiniprogram.Component.TrivialInstance & {
  views: MediaView[];
  loadedKey: string;
  loadSeq: number;
};

const idOf = (e: WechatMiniprogram.BaseEvent): string => String(e.currentTarget.dataset.id ?? '');

Component({
  options: { addGlobalClass: true },
  properties: {
    fileIds: { type: Array, value: [] },
    title: { type: String, value: '' },
    compact: { type: Boolean, value: false },
  },
  data: {
    ...galleryOf([]),
    loading: false,
    error: '',
    playing: '',
    paused: false,
  },
  lifetimes: {
    created() {
      const self = this as unknown as Self;
      self.views = [];
      self.loadedKey = '';
      self.loadSeq = 0;
    },
    detached() {
      stopAudio();
    },
  },
  pageLifetimes: {
    hide() {
      stopAudio();
    },
  },
  observers: {
    fileIds(ids: string[]) {
      void (this as unknown as { load(ids: string[], force: boolean): Promise<void> }).load(
        ids ?? [],
        false,
      );
    },
  },
  methods: {
    /** One `media.view` per change of the list (a page's setData of the same list is none). */
    async load(ids: string[], force: boolean) {
      const self = this as unknown as Self;
      const list = ids.filter((id) => typeof id === 'string' && id);
      const key = list.join('\n');
      if (!force && key === self.loadedKey) return;
      self.loadedKey = key;
      const seq = ++self.loadSeq;
      if (!list.length) {
        self.views = [];
        this.setData({ ...galleryOf([]), error: '', loading: false });
        this.triggerEvent('loaded', { count: 0 });
        return;
      }
      this.setData({ loading: true, error: '' });
      try {
        const views = await viewMedia(list);
        if (seq !== self.loadSeq) return; // a newer list is on its way
        self.views = views;
        const g = galleryOf(views);
        this.setData({ ...g, loading: false });
        this.triggerEvent('loaded', { count: g.shown });
      } catch (err) {
        if (seq !== self.loadSeq) return;
        self.loadedKey = '';
        this.setData({ loading: false, error: `附件暂时无法显示：${messageOf(err)}` });
      }
    },
    onReload() {
      void this.load(this.properties.fileIds as string[], true);
    },
    viewOf(id: string): MediaView | undefined {
      return (this as unknown as Self).views.find((v) => v.fileId === id);
    },
    async onOpen(e: WechatMiniprogram.BaseEvent) {
      const view = this.viewOf(idOf(e));
      if (!view || !view.url || view.visibility !== 'full') return;
      try {
        await openMedia(view, (this as unknown as Self).views);
      } catch (err) {
        toast(messageOf(err));
      }
    },
    onPlay(e: WechatMiniprogram.BaseEvent) {
      const view = this.viewOf(idOf(e));
      if (!view || !view.url || view.visibility !== 'full') return;
      if (
        playingFileId() === view.fileId &&
        this.data.playing === view.fileId &&
        !this.data.paused
      ) {
        pauseAudio();
        return;
      }
      playAudio(view.fileId, view.url, (state) => {
        if (state === 'playing') this.setData({ playing: view.fileId, paused: false });
        else if (state === 'paused') this.setData({ paused: true });
        else {
          this.setData({ playing: '', paused: false });
          if (state === 'error') toast('录音播放失败，请稍后再试');
        }
      });
    },
  },
});
