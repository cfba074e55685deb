/**
 * Attachments on a form (纪实, 党务公开, 积分申报, 线上参加, 流入地证明): big buttons to take a photo,
 * pick from the album, record, or pick a file from a chat; a tile per file with its upload in
 * progress (bar and percent), 重试 when the network failed, the backend's words when it refused,
 * 审核中 while WeChat's content check runs, and 删除 (with a confirmation) — never on a locked
 * file of an archived record [MTG-20]. Emits `change { fileIds, items }` after each confirmed
 * upload or removal and `busy { uploading }` so the page can hold 保存. Photos are optional
 * everywhere [PRIV-12]: the picker never asks for one.
 */
import { messageOf } from '../../services/cloud';
import { playAudio, pauseAudio, playingFileId, stopAudio } from '../../services/media-audio';
import {
  chooseDocument,
  chooseFromAlbum,
  chooseFromCamera,
  openMedia,
  removeMedia,
  upload,
  UploadFailed,
  viewMedia,
  type MediaView,
  type PickedFile,
  type UploadResume,
} from '../../services/media';
import { addButtons, cameraWords, countText } from '../../utils/media-view';
import { confirmDialog, toast } from '../../utils/platform';
import { recorderMethods, recorderData } from './recorder';
import * as T from './tiles';

interface Job {
  file: PickedFile;
  resume: UploadResume;
}

type Self = WechatMiniprogram.Component.TrivialInstance & {
  jobs: Map<string, Job>;
  views: Map<string, MediaView>;
  seq: number;
  wasBusy: boolean;
  /** The last `value` the page passed: re-applying it (a page re-render) changes nothing. */
  lastValue: string[];
};

const keyOf = (e: WechatMiniprogram.BaseEvent): string => String(e.currentTarget.dataset.key ?? '');

Component({
  options: { addGlobalClass: true },
  properties: {
    orgId: { type: String, value: '' },
    purpose: { type: String, value: 'record' },
    /** A 纪实's activity: lets its host or recorder upload without a committee seat. */
    activityId: { type: String, value: '' },
    kinds: { type: Array, value: ['image'] },
    max: { type: Number, value: 9 },
    value: { type: Array, value: [] },
    locked: { type: Array, value: [] },
    disabled: { type: Boolean, value: false },
    hint: { type: String, value: '' },
  },
  data: {
    tiles: [] as T.Tile[],
    buttons: addButtons(['image']),
    words: cameraWords(['image']),
    canAdd: true,
    count: '',
    ...recorderData(),
  },
  lifetimes: {
    created() {
      const self = this as unknown as Self;
      self.jobs = new Map();
      self.views = new Map();
      self.seq = 0;
      self.wasBusy = false;
      self.lastValue = [];
    },
    detached() {
      stopAudio();
      (this as unknown as { closeRecorder(): void }).closeRecorder();
    },
  },
  pageLifetimes: {
    hide() {
      stopAudio();
    },
  },
  observers: {
    kinds(kinds: string[]) {
      const buttons = addButtons(kinds ?? []);
      this.setData({ buttons, words: cameraWords(buttons.mediaType) });
    },
    value(value: string[]) {
      (this as unknown as { syncValue(v: string[]): void }).syncValue(value ?? []);
    },
    'locked, disabled, max'() {
      (this as unknown as { refresh(t: T.Tile[]): void }).refresh(this.data.tiles);
    },
  },
  methods: {
    ...recorderMethods,
    /** Redraws the tiles with who may remove what, the count, whether more may be added. */
    refresh(tiles: T.Tile[], quiet = false) {
      const self = this as unknown as Self;
      const { locked, disabled, max } = this.properties;
      const drawn = tiles.map((t) => T.withRemovable(t, locked as string[], disabled));
      const used = T.usedSlots(drawn);
      this.setData({
        tiles: drawn,
        canAdd: !disabled && used < max,
        count: drawn.length ? countText(used, max) : '',
      });
      const busy = drawn.some((t) => t.state === 'uploading');
      if (!quiet && busy !== self.wasBusy) {
        self.wasBusy = busy;
        // After this render cycle (and after a `change` of the same step): a page that redraws
        // on `busy` then sees its own update drawn, and the new value first.
        void Promise.resolve().then(() => this.triggerEvent('busy', { uploading: busy }));
      }
    },
    setTile(key: string, change: (t: T.Tile) => T.Tile) {
      this.refresh(this.data.tiles.map((t) => (t.key === key ? change(t) : t)));
    },
    emitChange() {
      const self = this as unknown as Self;
      const tiles = this.data.tiles.filter((t) => t.fileId);
      this.triggerEvent('change', {
        fileIds: tiles.map((t) => t.fileId),
        items: tiles.map((t) => ({
          fileId: t.fileId,
          kind: self.views.get(t.fileId)?.kind ?? t.kind,
          name: self.views.get(t.fileId)?.name ?? t.caption,
        })),
      });
    },
    /** The page's attachments: kept as they are when they are what the picker already shows. */
    async syncValue(value: string[]) {
      const self = this as unknown as Self;
      const ids = value.filter((v) => typeof v === 'string' && v);
      // A page re-render re-applies the list it last passed, possibly before it heard `change`.
      if (T.sameList(ids, self.lastValue)) return;
      self.lastValue = ids;
      if (T.sameList(ids, T.attachedIds(this.data.tiles))) return;
      const known = new Map(this.data.tiles.filter((t) => t.fileId).map((t) => [t.fileId, t]));
      const pending = this.data.tiles.filter((t) => !t.fileId);
      const missing = ids.filter((id) => !known.has(id));
      const tiles = ids.map((id) => known.get(id) ?? T.loadingTile(`v${++self.seq}`, id));
      this.refresh([...tiles, ...pending]);
      if (!missing.length) return;
      let views: MediaView[] = [];
      try {
        views = await viewMedia(missing);
      } catch (err) {
        toast(messageOf(err));
      }
      for (const v of views) self.views.set(v.fileId, v);
      this.refresh(
        this.data.tiles.map((t) => {
          if (t.state !== 'loading') return t;
          const v = self.views.get(t.fileId);
          return v ? { ...T.readyTile(t, v), fresh: false } : T.unseenTile(t);
        }),
      );
    },
    room(): number {
      return Math.max(0, this.properties.max - T.usedSlots(this.data.tiles));
    },
    async pick(choose: () => Promise<PickedFile[]>) {
      if (!this.data.canAdd) return;
      try {
        const files = (await choose()).slice(0, this.room());
        this.addFiles(files);
      } catch (err) {
        toast(err instanceof Error ? err.message : messageOf(err));
      }
    },
    onCamera() {
      void this.pick(() => chooseFromCamera(this.room(), this.data.buttons.mediaType));
    },
    onAlbum() {
      void this.pick(() => chooseFromAlbum(this.room(), this.data.buttons.mediaType));
    },
    onDocument() {
      void this.pick(() => chooseDocument(this.room()));
    },
    addFiles(files: PickedFile[]) {
      const self = this as unknown as Self;
      const keys = files.map((file) => {
        const key = `u${++self.seq}`;
        self.jobs.set(key, { file, resume: {} });
        return key;
      });
      const added = keys.map((key, i) => T.uploadingTile(key, files[i]));
      this.refresh([...this.data.tiles, ...added]);
      keys.forEach((key) => void this.runJob(key));
    },
    /** One upload, from where it stopped last time. */
    async runJob(key: string) {
      const self = this as unknown as Self;
      const job = self.jobs.get(key);
      if (!job) return;
      this.setTile(key, T.retryingTile);
      let last = -1;
      try {
        const view = await upload(
          job.file,
          {
            orgId: this.properties.orgId,
            purpose: this.properties.purpose as never,
            ...(this.properties.activityId ? { activityId: this.properties.activityId } : {}),
          },
          (p) => {
            if (Math.floor(p) === last) return;
            last = Math.floor(p);
            this.setTile(key, (t) => T.withProgress(t, p));
          },
          job.resume,
        );
        self.views.set(view.fileId, view);
        self.jobs.delete(key);
        // `change` before `busy`: a page that re-renders on `busy` already holds the new list.
        const tiles = this.data.tiles.map((t) => (t.key === key ? T.readyTile(t, view) : t));
        this.refresh(tiles, true);
        this.emitChange();
        this.refresh(this.data.tiles);
      } catch (err) {
        const retryable = err instanceof UploadFailed && err.retryable;
        if (err instanceof UploadFailed) job.resume = err.resume;
        this.setTile(key, (t) => T.failedTile(t, messageOf(err), retryable));
      }
    },
    onRetry(e: WechatMiniprogram.BaseEvent) {
      void this.runJob(keyOf(e));
    },
    async onRemove(e: WechatMiniprogram.BaseEvent) {
      const self = this as unknown as Self;
      const tile = this.data.tiles.find((t) => t.key === keyOf(e));
      if (!tile || !tile.removable) return;
      if (tile.fileId) {
        const words = T.removeWords(tile);
        if (!(await confirmDialog(words.title, words.content, '删除'))) return;
        if (playingFileId() === tile.fileId) stopAudio();
        // A file uploaded now is attached nowhere yet: it goes from storage too. An attached
        // one leaves with the page's next save, which the backend checks [MTG-20].
        if (tile.fresh) await removeMedia(tile.fileId).catch(() => undefined);
      }
      self.jobs.delete(tile.key);
      this.refresh(this.data.tiles.filter((t) => t.key !== tile.key));
      if (tile.fileId) this.emitChange();
    },
    /** A tap on a tile: a photo or video in the viewer, a recording played, a file opened. */
    async onOpen(e: WechatMiniprogram.BaseEvent) {
      const self = this as unknown as Self;
      const tile = this.data.tiles.find((t) => t.key === keyOf(e));
      if (!tile) return;
      const view = tile.fileId ? self.views.get(tile.fileId) : undefined;
      if (!view || !view.url) {
        if (tile.thumb && tile.kind === 'image') wx.previewImage({ urls: [tile.thumb] });
        return;
      }
      if (view.kind === 'audio') return this.toggleAudio(view);
      const all = this.data.tiles.flatMap((t) => {
        const v = t.fileId ? self.views.get(t.fileId) : undefined;
        return v ? [v] : [];
      });
      try {
        await openMedia(view, all);
      } catch (err) {
        toast(messageOf(err));
      }
    },
    toggleAudio(view: MediaView) {
      const mark = (playing: boolean) =>
        this.refresh(
          this.data.tiles.map((t) => ({ ...t, playing: playing && t.fileId === view.fileId })),
        );
      if (playingFileId() === view.fileId && this.data.tiles.some((t) => t.playing)) {
        pauseAudio();
        return;
      }
      playAudio(view.fileId, view.url!, (state) => mark(state === 'playing'));
    },
  },
});
