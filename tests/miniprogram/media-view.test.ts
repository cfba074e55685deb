// The media components' words and the few limits the phone's pickers need before the backend
// answers: mirrored from the backend's MEDIA_LIMITS and checked here, so they cannot drift [MTG-21].
import { MEDIA_LIMITS } from '../../cloudfunctions/_shared/domain/media/model';
import {
  addButtons,
  AUDIO_MAX_SECONDS,
  captionOf,
  checkWords,
  DOCUMENT_EXTS,
  durationText,
  fitName,
  inOrder,
  limitText,
  sizeText,
  VIDEO_MAX_SECONDS,
} from '../../miniprogram/utils/media-view';

describe('media-view', () => {
  it('mirrors the backend’s document types and recording lengths exactly [MTG-21]', () => {
    expect([...DOCUMENT_EXTS]).toEqual([...MEDIA_LIMITS.document.exts]);
    expect(VIDEO_MAX_SECONDS).toBe(MEDIA_LIMITS.video.maxSeconds);
    expect(AUDIO_MAX_SECONDS).toBe(MEDIA_LIMITS.audio.maxSeconds);
  });

  it('writes sizes and lengths the way a member reads them', () => {
    expect(sizeText(2.3 * 1024 * 1024)).toBe('2.3MB');
    expect(sizeText(2 * 1024 * 1024)).toBe('2MB');
    expect(sizeText(12.6 * 1024 * 1024)).toBe('13MB');
    expect(sizeText(356 * 1024)).toBe('356KB');
    expect(sizeText(10)).toBe('1KB');
    expect(sizeText(0)).toBe('');
    expect(durationText(65)).toBe('1分05秒');
    expect(durationText(45)).toBe('45秒');
    expect(durationText(600)).toBe('10分00秒');
    expect(durationText(null)).toBe('');
    expect(limitText(600)).toBe('最长10分钟');
    expect(limitText(60)).toBe('最长1分钟');
    expect(limitText(45)).toBe('最长45秒');
  });

  it('names every state in words, never by colour alone', () => {
    const v = { visibility: 'full', mine: true } as const;
    expect(checkWords({ ...v, check: 'pending' })).toEqual({ label: '审核中', tone: 'info' });
    expect(checkWords({ ...v, check: 'risky' })).toEqual({ label: '未通过审核', tone: 'error' });
    expect(checkWords({ ...v, check: 'review' }).label).toContain('审核中');
    expect(checkWords({ ...v, mine: false, check: 'review' }).label).toBe('待复核');
    expect(checkWords({ ...v, check: 'pass' })).toEqual({ label: '', tone: '' });
    expect(checkWords({ visibility: 'checking', mine: false, check: 'pending' }).label).toBe(
      '审核中',
    );
  });

  it('offers 拍照/相册 for photos and videos, 录音 for audio, 聊天文件 for documents', () => {
    expect(addButtons(['image'])).toEqual({
      camera: true,
      album: true,
      record: false,
      document: false,
      mediaType: ['image'],
    });
    expect(addButtons(['image', 'video', 'audio', 'document']).mediaType).toEqual([
      'image',
      'video',
    ]);
    expect(addButtons(['document'])).toMatchObject({ camera: false, document: true });
  });

  it('keeps a long document name within the backend’s 120 characters with its extension', () => {
    const long = `${'会'.repeat(200)}.docx`;
    expect(fitName(long)).toHaveLength(120);
    expect(fitName(long).endsWith('….docx')).toBe(true);
    expect(fitName('  ')).toBe('文件');
  });

  it('captions tiles and keeps the asked order, leaving out what the backend left out', () => {
    expect(captionOf({ kind: 'audio', name: '录音.mp3', size: 1, durationSeconds: 65 })).toBe(
      '录音 1分05秒',
    );
    expect(
      captionOf({
        kind: 'document',
        name: '纪要.pdf',
        size: 2.3 * 1024 * 1024,
        durationSeconds: null,
      }),
    ).toBe('纪要.pdf 2.3MB');
    const item = (fileId: string) => ({ fileId }) as never;
    expect(inOrder(['b', 'a', 'c'], [item('a'), item('b')]).map((v: any) => v.fileId)).toEqual([
      'b',
      'a',
    ]);
  });
});
