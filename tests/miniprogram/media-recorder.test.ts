/** @jest-environment ./tests/setup/page-environment.ts */
// The picker's recorder and chat-file button against the real backend: a recording for the
// minutes is made with the settings the brief fixes, saved as 录音 1分05秒 and confirmed; a
// refused microphone says where to allow it; a document from a chat keeps its own name. And the
// local-mode transport (the emulator's upload route over wx.uploadFile) works end to end.
import { mp3Bytes, pdfBytes } from '../support/media-fixtures';
import { has, renderComponent, tapOn, textAt } from '../support/media-page';
import { stubMediaApis } from '../support/wx-media';
import { actAs, loadPage, useBackend } from '../setup/simulate';
import { DOCUMENT_EXTS } from '../../miniprogram/utils/media-view';

const server = useBackend('demo');
let pickerId: string;
beforeAll(() => {
  pickerId = loadPage('components/media-picker/index');
});

const SECRETARY = 'demo-secretary';
const picker = (props: Record<string, unknown> = {}) =>
  renderComponent(pickerId, {
    orgId: 'demo-branch',
    purpose: 'record',
    kinds: ['image', 'audio', 'document'],
    max: 30,
    ...props,
  });

describe('media-picker: 录音', () => {
  it('records mp3 mono at 16 kHz for at most 10 minutes, then uploads 录音 1分05秒 [MTG-10]', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    const { comp, events } = await picker();
    await tapOn(comp, '.media-picker__record');
    expect(textAt(comp, '.media-recorder__limit')).toBe('最长10分钟');
    expect(textAt(comp, '.media-recorder__start')).toBe('开始录音');
    await tapOn(comp, '.media-recorder__start');
    await wxm.idle();
    expect(wxm.calls.recorderStarts).toEqual([
      {
        format: 'mp3',
        sampleRate: 16000,
        numberOfChannels: 1,
        encodeBitRate: 48000,
        duration: 600000,
      },
    ]);
    expect(textAt(comp, '.media-recorder__status')).toBe('正在录音…');
    expect(textAt(comp, '.media-recorder__stop')).toBe('停止并保存');
    wxm.nextRecording({ bytes: mp3Bytes(), seconds: 65 });
    await tapOn(comp, '.media-recorder__stop');
    await wxm.idle();
    expect(has(comp, '.media-recorder')).toBe(false);
    expect(textAt(comp, '.media-tile--audio .media-tile__caption')).toBe('录音 1分05秒');
    const [doc] = server.backend.docs('mediaFiles');
    expect(doc).toMatchObject({ kind: 'audio', durationSeconds: 65, state: 'ready' });
    expect(events.change!.at(-1).fileIds).toEqual([doc.fileId]);
    // Audio goes through WeChat's content check too: the uploader reads that it is under way.
    expect(textAt(comp, '.media-tile--audio .media-tile__state')).toBe('审核中');
    comp.detach();
  });

  it('says how to allow the microphone when WeChat was not allowed to record, with 去设置', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    wxm.denyRecording();
    const { comp } = await picker();
    await tapOn(comp, '.media-picker__record');
    await tapOn(comp, '.media-recorder__start');
    await wxm.idle();
    expect(textAt(comp, '.media-recorder__error')).toContain('右上角“…”→“设置”');
    expect(textAt(comp, '.media-recorder__error')).toContain('麦克风');
    await tapOn(comp, '.media-recorder__settings');
    expect(wxm.calls.settingsOpened).toBe(1);
    await tapOn(comp, '.media-recorder__cancel');
    expect(has(comp, '.media-recorder')).toBe(false);
    expect(server.backend.docs('mediaFiles')).toEqual([]);
    comp.detach();
  });

  it('says the mini-program has not declared the microphone when WeChat refuses it for that', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    wxm.denyRecording('operateRecorder:fail api scope is not declared in the privacy agreement');
    const { comp } = await picker();
    await tapOn(comp, '.media-picker__record');
    await tapOn(comp, '.media-recorder__start');
    await wxm.idle();
    expect(textAt(comp, '.media-recorder__error')).toContain('隐私保护指引未声明');
    expect(has(comp, '.media-recorder__settings')).toBe(false);
    comp.detach();
  });

  it('drops the recording on 放弃', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    const { comp, events } = await picker();
    await tapOn(comp, '.media-picker__record');
    await tapOn(comp, '.media-recorder__start');
    await wxm.idle();
    wxm.nextRecording({ bytes: mp3Bytes(), seconds: 20 });
    await tapOn(comp, '.media-recorder__cancel');
    await wxm.idle();
    expect(comp.data.tiles).toEqual([]);
    expect(events.change).toBeUndefined();
    expect(server.backend.docs('mediaFiles')).toEqual([]);
    comp.detach();
  });
});

describe('media-picker: 聊天文件', () => {
  it('picks a document from a chat by the backend’s document types, keeping its own name', async () => {
    actAs(SECRETARY);
    const wxm = stubMediaApis(server.backend, SECRETARY);
    const chosen = jest.spyOn((globalThis as any).wx, 'chooseMessageFile');
    wxm.nextDocument([{ bytes: pdfBytes(), name: '支部委员会会议记录.pdf' }]);
    const { comp, events } = await picker();
    await tapOn(comp, '.media-picker__document');
    await wxm.idle();
    expect(chosen).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'file', extension: [...DOCUMENT_EXTS] }),
    );
    expect(textAt(comp, '.media-tile--document .media-tile__caption')).toMatch(
      /^支部委员会会议记录\.pdf \d+KB$/,
    );
    const [doc] = server.backend.docs('mediaFiles');
    expect(doc).toMatchObject({ kind: 'document', name: '支部委员会会议记录.pdf' });
    expect(events.change!.at(-1).items).toEqual([
      { fileId: doc.fileId, kind: 'document', name: '支部委员会会议记录.pdf' },
    ]);
    comp.detach();
  });

  it('shows only the buttons of the kinds asked for (a declaration: photos and files, no 录音)', async () => {
    actAs('demo-member-1');
    stubMediaApis(server.backend, 'demo-member-1');
    const { comp } = await picker({ purpose: 'declaration', kinds: ['image', 'document'] });
    expect(has(comp, '.media-picker__camera')).toBe(true);
    expect(textAt(comp, '.media-picker__album')).toBe('从相册选照片');
    expect(has(comp, '.media-picker__document')).toBe(true);
    expect(has(comp, '.media-picker__record')).toBe(false);
    comp.detach();
  });
});
