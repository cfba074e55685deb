import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { riskReason } from '../../cloudfunctions/_shared/domain/media/rules';
import { Backend, snapshot, startBackend } from '../support/backend';
import { jpegWithGps, plainJpeg } from '../support/media-fixtures';
import { passCheck, pushVerdict, traceOf, uploadMedia } from '../support/media-kit';

/**
 * WeChat's asynchronous content check (platform-notes §4), end to end: confirmUpload submits the
 * file, the emulator pushes the `wxa_media_check` event to the media function as CloudBase's
 * 消息推送 does, and the file moves pending → pass / review / risky once.
 */

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

const ORG = 'demo-branch';
const UPLOADER = 'demo-member-1';
const OTHER = 'demo-member-2';
const SEC = 'demo-secretary';
const SUPERIOR = 'demo-superior';

/** A member's own evidence photo: the member uploads, others look. */
const evidence = () =>
  uploadMedia(b, UPLOADER, {
    orgId: ORG,
    purpose: 'declaration',
    name: '志愿服务.jpg',
    bytes: plainJpeg(),
  });
const seenBy = async (who: string, fileId: string) =>
  (await b.ok('media', 'view', { fileIds: [fileId] }, who)).items[0] ?? null;
const doc = (fileId: string) => b.docs('mediaFiles').find((d) => d.fileId === fileId);

/** The event exactly as the emulator delivers it, to call the function directly. */
const pushEvent = (traceId: string, suggest: string, label = 100) => ({
  ToUserName: 'gh_0000000000',
  FromUserName: 'o-system',
  CreateTime: 1796086800,
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: 'wx0000000000',
  trace_id: traceId,
  version: 2,
  detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
  errcode: 0,
  errmsg: 'ok',
  result: { suggest, label },
});

describe('the content check’s states [platform-notes §4]', () => {
  it('keeps a pending file from other members until it passes', async () => {
    const { fileId } = await evidence();
    expect(doc(fileId).check.state).toBe('pending');
    expect(+doc(fileId).check.submittedAt).toBe(Date.parse('2026-12-01T09:00:00+08:00'));
    expect(await seenBy(OTHER, fileId)).toMatchObject({ visibility: 'checking', url: null });
    // The committee may look at what is being checked.
    expect(await seenBy(SEC, fileId)).toMatchObject({ visibility: 'full', check: 'pending' });
    expect(await passCheck(b, fileId)).toEqual({ ok: true, data: null });
    expect(doc(fileId).check.state).toBe('pass');
    expect(+doc(fileId).check.decidedAt).toBe(Date.parse('2026-12-01T09:00:00+08:00'));
    expect(await seenBy(OTHER, fileId)).toMatchObject({ visibility: 'full', check: 'pass' });
  });

  it('holds a file under review from members, shows it to the committee, and tells the uploader why', async () => {
    const { fileId } = await evidence();
    await pushVerdict(b, fileId, 'review', 20012);
    expect(await seenBy(OTHER, fileId)).toMatchObject({ visibility: 'checking', url: null });
    expect(await seenBy(SUPERIOR, fileId)).toMatchObject({ visibility: 'full', check: 'review' });
    expect(await seenBy(UPLOADER, fileId)).toMatchObject({
      visibility: 'full',
      check: 'review',
      reason: riskReason(20012),
    });
  });

  it('hides a risky file from everyone but the uploader, who is told why in words', async () => {
    const { fileId } = await evidence();
    await pushVerdict(b, fileId, 'risky', 20002);
    expect(doc(fileId).check).toMatchObject({ state: 'risky', label: 20002 });
    for (const who of [OTHER, SEC, SUPERIOR]) expect(await seenBy(who, fileId)).toBeNull();
    const own = await seenBy(UPLOADER, fileId);
    expect(own).toMatchObject({ visibility: 'full', check: 'risky', mine: true });
    expect(own!.reason).toBe(riskReason(20002));
    expect(own!.reason).toMatch(/如有疑问请联系支部书记/);
    // Nor does anyone else get a URL for it another way.
    expect((await b.err('media', 'fileUrl', { fileId }, SEC)).code).toBe('NOT_FOUND');
  });

  it('moves once: a repeated or late push changes nothing', async () => {
    const { fileId } = await evidence();
    await passCheck(b, fileId);
    const before = snapshot(b);
    expect(await pushVerdict(b, fileId, 'risky', 20001)).toEqual({ ok: true, data: null });
    await passCheck(b, fileId);
    expect(snapshot(b)).toBe(before);
    expect(doc(fileId).check.state).toBe('pass');
  });

  it('takes what WeChat could not judge as review: an unknown verdict, an error', async () => {
    const a = await evidence();
    await b.invoke('media', pushEvent(traceOf(b, a.fileId), 'maybe') as never);
    expect(doc(a.fileId).check.state).toBe('review');
    const c = await evidence();
    const event = { ...pushEvent(traceOf(b, c.fileId), 'pass'), errcode: 40001 };
    expect(await b.invoke('media', event as never)).toEqual({ ok: true, data: null });
    expect(doc(c.fileId).check.state).toBe('review');
  });

  it('ignores a push for a trace nobody submitted, and one for a file already removed', async () => {
    await evidence();
    const before = snapshot(b);
    expect(await b.invoke('media', pushEvent('0000-0000-0000', 'pass') as never)).toEqual({
      ok: true,
      data: null,
    });
    expect(snapshot(b)).toBe(before);
    const res = await fetch(`${b.url}/__emulator/media-check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ traceId: 'no-such-trace', suggest: 'pass' }),
    });
    expect(res.status).toBe(404);

    const removed = await evidence();
    await b.ok('media', 'remove', { fileId: removed.fileId }, UPLOADER);
    const gone = snapshot(b);
    await passCheck(b, removed.fileId);
    expect(snapshot(b)).toBe(gone);
  });
});

describe('the push comes from the platform only', () => {
  it('refuses a push-shaped call from the mini-program (it carries an OPENID), changing nothing', async () => {
    const { fileId } = await evidence();
    const before = snapshot(b);
    const res = await b.invoke('media', pushEvent(traceOf(b, fileId), 'pass') as never, UPLOADER);
    expect(res).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(snapshot(b)).toBe(before);
    expect(doc(fileId).check.state).toBe('pending');
  });

  it('never shows a page the trace id it would take to forge a verdict', async () => {
    const { fileId, view } = await evidence();
    const trace = traceOf(b, fileId);
    expect(JSON.stringify(view)).not.toContain(trace);
    expect(JSON.stringify(await b.ok('media', 'view', { fileIds: [fileId] }, SEC))).not.toContain(
      trace,
    );
    // nor the uploader's OPENID in the emulator's listing of submissions
    expect(JSON.stringify(b.emulator.mediaChecks())).not.toContain(UPLOADER);
  });

  it('answers an event it does not handle as an unknown action', async () => {
    const res = await b.invoke('media', {
      MsgType: 'event',
      Event: 'user_enter_tempsession',
    } as never);
    expect(res).toMatchObject({ ok: false, error: { code: 'INPUT.UNKNOWN_ACTION' } });
  });
});

describe('no face recognition [CHK-20]', () => {
  const root = path.resolve(__dirname, '../../cloudfunctions');
  it('lets the media function call no platform API but the content check: no face or biometric API [CHK-20]', () => {
    const config = JSON.parse(readFileSync(path.join(root, 'media/config.json'), 'utf8'));
    expect(config.permissions.openapi).toEqual(['security.mediaCheckAsync']);
  });

  it('confirms a photo with the content check as its only platform call: no face or biometric API [CHK-20]', async () => {
    const { fileId } = await uploadMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      name: '照片.jpg',
      bytes: jpegWithGps(),
    });
    // One submission, of the image type, at the uploader's request; nothing else left the backend.
    expect(b.emulator.mediaChecks().map((c) => [c.type, c.scene])).toEqual([['image', 1]]);
    expect(doc(fileId).check.state).toBe('pending');
    const code = ['app/media', 'domain/media']
      .flatMap((dir) => {
        const abs = path.join(root, '_shared', dir);
        return readdirSync(abs).map((f: string) => readFileSync(path.join(abs, f), 'utf8'));
      })
      .map((src: string) => src.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))
      .join('\n');
    expect(code).not.toMatch(/\bface|biometric|人脸|活体|\bopenapi\b/i);
  });
});
