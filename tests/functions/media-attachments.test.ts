/**
 * Attachments where the record happens, through the real SDK and the emulator's storage: files
 * uploaded with the media kit (prepare → upload → confirm), then named in the area's own write —
 * the 纪实 record, notices, point declarations, remote evidence and the 流入地 proof.
 */
import { Backend, snapshot, startBackend } from '../support/backend';
import { passCheck, pushVerdict, uploadMedia } from '../support/media-kit';
import { mp3Bytes, pdfBytes, plainJpeg } from '../support/media-fixtures';
import { file } from '../support/narrow';
import { openBook, texts } from '../support/xlsx';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));
afterEach(() => b.restoreClock());

const SEC = 'demo-secretary';
const SUP = 'demo-superior';
const SCORER = 'demo-organizer';
const MOBILE = 'demo-mobile';
const ORG = 'demo-branch';
const FOREIGN = 'cloud://other-env.1234/orgs/demo-branch/record/2026-12/0123456789abcdef.jpg';
const at = (iso: string) => b.emulator.clock.freeze(Date.parse(iso));

type Purpose = 'record' | 'notice' | 'declaration' | 'remoteEvidence' | 'inflowProof';
const photo = (who: string, purpose: Purpose, name = '现场照片.jpg', orgId = ORG) =>
  uploadMedia(b, who, { orgId, purpose, kind: 'image', name, bytes: plainJpeg() });
const pdf = (who: string, purpose: Purpose, name = '证明.pdf') =>
  uploadMedia(b, who, { orgId: ORG, purpose, kind: 'document', name, bytes: pdfBytes() });

async function themeDay(title = '12月主题党日') {
  const { id } = await b.ok(
    'activity',
    'create',
    {
      orgId: ORG,
      type: 'themeDay',
      title,
      startAt: '2026-12-04T15:00:00+08:00',
      endAt: '2026-12-04T17:00:00+08:00',
      place: '党员活动室',
    },
    SEC,
  );
  return id;
}
const record = (activityId: string, extra: Record<string, unknown> = {}, who = SEC) =>
  b.ok('activity', 'record', { activityId, minutes: '学习讨论', ...extra }, who);
const view = (fileIds: string[], who: string) => b.ok('media', 'view', { fileIds }, who);
const mediaDoc = (fileId: string) => b.docs('mediaFiles').find((d) => d.fileId === fileId);
const setSetting = (key: string, value: unknown) =>
  b.ok('org', 'setSetting', { orgId: ORG, key, value, reason: '上级要求' } as never, SUP);

describe('the 纪实 record [MTG-10, MTG-20, MTG-21]', () => {
  it('lets a secretary attach a photo and a recording, which a member sees once checked [MTG-10]', async () => {
    const id = await themeDay();
    const image = await photo(SEC, 'record');
    const audio = await uploadMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      kind: 'audio',
      name: '会议录音.mp3',
      bytes: mp3Bytes(),
      durationSeconds: 30,
    });
    const files = [image.fileId, audio.fileId];
    await record(id, { attachments: files });
    const got = await b.ok('activity', 'get', { id }, 'demo-member-1');
    expect(got.record?.attachments).toEqual(files);
    // still being checked: the member is told so, without the content
    const early = await view(files, 'demo-member-1');
    expect(early.items.every((i) => i.visibility === 'checking' && i.url === null)).toBe(true);
    await passCheck(b, image.fileId);
    await passCheck(b, audio.fileId);
    const seen = await view(files, 'demo-member-1');
    expect(seen.items.map((i) => [i.fileId, i.kind, i.visibility, !!i.url])).toEqual([
      [image.fileId, 'image', 'full', true],
      [audio.fileId, 'audio', 'full', true],
    ]);
    expect(mediaDoc(image.fileId)).toMatchObject({
      attachedTo: { kind: 'activityRecord', id },
      locked: false,
    });
  });

  it('refuses a fileID of another environment or another branch, changing nothing [MTG-10]', async () => {
    const id = await themeDay();
    const before = snapshot(b);
    const e = await b.err(
      'activity',
      'record',
      { activityId: id, minutes: '记录', attachments: [FOREIGN] },
      SEC,
    );
    expect(e.code).toBe('MEDIA.FOREIGN');
    expect(e.message).not.toMatch(/[A-Za-z]{4,}/);
    expect(snapshot(b)).toBe(before);
    const other = await photo('demo-secretary-2', 'record', '二支部.jpg', 'demo-branch-2');
    const s = snapshot(b);
    const e2 = await b.err(
      'activity',
      'record',
      { activityId: id, minutes: '记录', attachments: [other.fileId] },
      SEC,
    );
    expect(e2.code).toBe('MEDIA.FOREIGN');
    expect(snapshot(b)).toBe(s);
  });

  it('never drops an archived record’s attachment; an amendment may add one [MTG-20]', async () => {
    const id = await themeDay();
    const first = await photo(SEC, 'record');
    await record(id, { attachments: [first.fileId], archive: true });
    expect(mediaDoc(first.fileId).locked).toBe(true);
    const before = snapshot(b);
    const dropped = await b.err(
      'activity',
      'record',
      { activityId: id, minutes: '学习讨论', attachments: [], reason: '照片拍错了' },
      SEC,
    );
    expect(dropped).toMatchObject({ code: 'MEDIA.LOCKED', details: { ruleId: 'MTG-20' } });
    expect(snapshot(b)).toBe(before);
    const removed = await b.err('media', 'remove', { fileId: first.fileId }, SEC);
    expect(removed.code).toBe('MEDIA.LOCKED');
    expect(snapshot(b)).toBe(before);
    const added = await photo(SEC, 'record', '补充照片.jpg');
    const res = await record(id, {
      attachments: [first.fileId, added.fileId],
      reason: '补充会议现场照片',
    });
    expect(res.amendments).toBe(1);
    const got = await b.ok('activity', 'get', { id }, SEC);
    expect(got.record?.attachments).toEqual([first.fileId, added.fileId]);
    expect(mediaDoc(added.fileId)).toMatchObject({ locked: true, attachedTo: { id } });
  });

  it('lets a record not yet archived drop an attachment, which is then detached [MTG-20]', async () => {
    const id = await themeDay();
    const p = await photo(SEC, 'record');
    await record(id, { attachments: [p.fileId] });
    await record(id, { attachments: [] });
    expect(mediaDoc(p.fileId)).toMatchObject({ attachedTo: null, locked: false });
  });

  it('counts checked and still-checking files towards the minimum, never a held-back one [MTG-21]', async () => {
    await setSetting('mtg.minEvidence', 1);
    const id = await themeDay();
    const bad = await photo(SEC, 'record', '照片1.jpg');
    await record(id, { attachments: [bad.fileId] });
    await pushVerdict(b, bad.fileId, 'risky', 20002);
    const before = snapshot(b);
    const e = await b.err(
      'activity',
      'record',
      { activityId: id, minutes: '学习讨论', archive: true },
      SEC,
    );
    expect(e).toMatchObject({ code: 'RECORD.EVIDENCE_REQUIRED', details: { ruleId: 'MTG-21' } });
    expect(e.message).toContain('现在有0份');
    expect(snapshot(b)).toBe(before);
    const pending = await photo(SEC, 'record', '照片2.jpg');
    expect(
      (await record(id, { attachments: [bad.fileId, pending.fileId], archive: true })).archived,
    ).toBe(true);
    // and a checked one counts, as do documents, which have no check
    const other = await themeDay('另一场');
    const doc = await pdf(SEC, 'record', '会议材料.pdf');
    expect((await record(other, { attachments: [doc.fileId], archive: true })).archived).toBe(true);
  });
});

describe('the half-year report [MTG-10]', () => {
  it('marks a record with checked media as complete evidence, in JSON and one read for all [MTG-10]', async () => {
    const withMedia = await themeDay('有照片的主题党日');
    const checking = await themeDay('照片在检测');
    const textOnly = await themeDay('只有文字');
    const none = await themeDay('还没有纪实');
    const p = await photo(SEC, 'record');
    await passCheck(b, p.fileId);
    const q = await photo(SEC, 'record', '照片2.jpg');
    await record(withMedia, { attachments: [p.fileId] });
    await record(checking, { attachments: [q.fileId] });
    await record(textOnly);
    const report = (await b.ok('activity', 'report', { orgId: ORG, half: '2026-H2' }, SEC)) as any;
    const row = (id: string) => report.activities.find((a: any) => a.id === id);
    expect(row(withMedia).evidence).toEqual({ level: 'media', files: 1, checking: 0 });
    expect(row(checking).evidence).toEqual({ level: 'text', files: 0, checking: 1 });
    expect(row(textOnly).evidence).toEqual({ level: 'text', files: 0, checking: 0 });
    expect(row(none).evidence).toEqual({ level: 'none', files: 0, checking: 0 });
    // the read of the files does not grow with the activities that have them
    const data = { orgId: ORG, half: '2026-H2' };
    const one = await b.roundTrips('activity', 'report', data, SEC);
    const more = await photo(SEC, 'record', '照片3.jpg');
    await record(textOnly, { attachments: [more.fileId] });
    const two = await b.roundTrips('activity', 'report', data, SEC);
    expect(two.roundTrips).toBe(one.roundTrips);
  });

  it('has a 纪实材料 column in the .xlsx 台账, in words [MTG-10]', async () => {
    const id = await themeDay('有照片的主题党日');
    const p = await photo(SEC, 'record');
    await passCheck(b, p.fileId);
    const q = await photo(SEC, 'record', '照片2.jpg');
    await record(id, { attachments: [p.fileId, q.fileId] });
    const out = file(
      await b.ok('activity', 'report', { orgId: ORG, half: '2026-H2', format: 'xlsx' }, SEC),
    );
    const detail = (await openBook(await b.emulator.readFile(out.fileId))).getWorksheet('明细')!;
    const rows = texts(detail);
    const col = rows[2].indexOf('纪实材料');
    expect(col).toBeGreaterThan(0);
    const mine = rows.find((r) => r[2] === '有照片的主题党日')!;
    expect(mine[col]).toBe('照片、录音等材料1份；另有1份正在安全检测');
  });
});

describe('notices [DIS-13, DIS-14]', () => {
  const notice = { orgId: ORG, category: '党费缴纳', title: '党费收缴情况', body: '见附件。' };
  it('publishes a notice with an uploaded file and refuses a foreign one [DIS-14]', async () => {
    const before = snapshot(b);
    const e = await b.err(
      'notice',
      'publish',
      { ...notice, attachments: [{ fileId: FOREIGN, name: '明细.pdf' }] },
      SEC,
    );
    expect(e.code).toBe('MEDIA.FOREIGN');
    expect(snapshot(b)).toBe(before);
    const f = await pdf(SEC, 'notice', '明细.pdf');
    const { id } = await b.ok(
      'notice',
      'publish',
      { ...notice, attachments: [{ fileId: f.fileId, name: '明细.pdf' }] },
      SEC,
    );
    expect(mediaDoc(f.fileId)).toMatchObject({ attachedTo: { kind: 'notice', id }, locked: true });
    const s = snapshot(b);
    const u = await b.err(
      'notice',
      'update',
      { id, attachments: [{ fileId: FOREIGN, name: '明细.pdf' }], reason: '更换附件' },
      SEC,
    );
    expect(u.code).toBe('MEDIA.FOREIGN');
    expect(snapshot(b)).toBe(s);
    // a new version may leave the file out; the old version still shows it, so it stays kept
    await b.ok('notice', 'update', { id, attachments: [], reason: '附件另行公开' }, SEC);
    expect(mediaDoc(f.fileId)).toMatchObject({ attachedTo: { kind: 'notice', id }, locked: true });
  });
});

describe('point declarations [PTS-15]', () => {
  it('brings the declaration’s evidence to the scorer’s queue, and refuses a foreign file [PTS-15]', async () => {
    const declaration = { itemCode: 'volunteer', month: '2026-11', note: '社区防汛值守一天' };
    const before = snapshot(b);
    const e = await b.err(
      'points',
      'declare',
      { ...declaration, evidence: [FOREIGN] },
      'demo-member-1',
    );
    expect(e.code).toBe('MEDIA.FOREIGN');
    expect(snapshot(b)).toBe(before);
    const f = await photo('demo-member-1', 'declaration', '值守照片.jpg');
    const { entryId } = await b.ok(
      'points',
      'declare',
      { ...declaration, evidence: [f.fileId] },
      'demo-member-1',
    );
    const queue = await b.ok('points', 'reviewQueue', { orgId: ORG }, SCORER);
    expect(queue.find((r) => r.entryId === entryId)?.evidence).toEqual([f.fileId]);
    expect(mediaDoc(f.fileId)).toMatchObject({
      attachedTo: { kind: 'pointDeclaration', id: entryId },
      locked: true,
    });
    const seen = await view([f.fileId], SCORER);
    expect(seen.items).toHaveLength(1);
  });
});

describe('remote participation and the 流入地 proof [CHK-15, CHK-16]', () => {
  it('shows a remote join’s screenshot to the host on the roll, not to other members [CHK-15]', async () => {
    const id = await themeDay();
    at('2026-12-04T07:05:00Z');
    const join = { activityId: id, note: '在深圳通过视频参加' };
    const before = snapshot(b);
    const e = await b.err('activity', 'joinRemote', { ...join, evidence: [FOREIGN] }, MOBILE);
    expect(e.code).toBe('MEDIA.FOREIGN');
    expect(snapshot(b)).toBe(before);
    const shot = await photo(MOBILE, 'remoteEvidence', '视频截图.jpg');
    expect(
      (await b.ok('activity', 'joinRemote', { ...join, evidence: [shot.fileId] }, MOBILE)).status,
    ).toBe('remote');
    const rows = await b.ok('activity', 'attendance', { activityId: id }, SEC);
    expect(rows.find((r) => r.memberId === MOBILE)?.evidence).toEqual([shot.fileId]);
    const others = await b.ok('activity', 'attendance', { activityId: id }, 'demo-member-1');
    expect(others.find((r) => r.memberId === MOBILE)?.evidence).toEqual([]);
    expect(mediaDoc(shot.fileId)).toMatchObject({
      attachedTo: { kind: 'attendance', id: `${id}:${MOBILE}` },
    });
    // the note alone is still enough, as before [CHK-15]
    expect(rows.find((r) => r.memberId === MOBILE)?.status).toBe('remote');
  });

  it('keeps the first join: a repeat with other files changes nothing [CHK-11, CHK-15]', async () => {
    const id = await themeDay();
    at('2026-12-04T07:05:00Z');
    await b.ok('activity', 'joinRemote', { activityId: id, note: '视频参加' }, MOBILE);
    const shot = await photo(MOBILE, 'remoteEvidence', '视频截图.jpg');
    const before = snapshot(b);
    const again = { activityId: id, note: '再交一次', evidence: [shot.fileId] };
    expect((await b.ok('activity', 'joinRemote', again, MOBILE)).status).toBe('remote');
    expect(snapshot(b)).toBe(before);
  });

  it('lets the host accept a 流入地 attendance once its proof files are there [CHK-16]', async () => {
    const a = { activityId: 'demo-theme-day', inflowOrg: '深圳市南山区某社区党委' };
    const before = snapshot(b);
    const e = await b.err('activity', 'attendInflow', { ...a, proofFiles: [FOREIGN] }, MOBILE);
    expect(e.code).toBe('MEDIA.FOREIGN');
    expect(snapshot(b)).toBe(before);
    expect(await b.ok('activity', 'attendInflow', a, MOBILE)).toMatchObject({
      proofReceived: false,
    });
    const decide = { activityId: 'demo-theme-day', memberId: MOBILE, accept: true };
    expect((await b.err('activity', 'decideRemote', decide, SEC)).code).toBe(
      'CHECKIN.PROOF_MISSING',
    );
    const proof = await pdf(MOBILE, 'inflowProof', '流入地证明.pdf');
    expect(
      await b.ok('activity', 'attendInflow', { ...a, proofFiles: [proof.fileId] }, MOBILE),
    ).toMatchObject({
      status: 'remotePending',
      proofReceived: true,
    });
    const rows = await b.ok('activity', 'attendance', { activityId: 'demo-theme-day' }, SEC);
    expect(rows.find((r) => r.memberId === MOBILE)?.evidence).toEqual([proof.fileId]);
    expect(await b.ok('activity', 'decideRemote', decide, SEC)).toMatchObject({ status: 'remote' });
  });

  it('adds proof sent later to the earlier proof, never dropping it [CHK-16]', async () => {
    const a = { activityId: 'demo-theme-day', inflowOrg: '深圳市南山区某社区党委' };
    const first = await pdf(MOBILE, 'inflowProof', '流入地证明.pdf');
    await b.ok('activity', 'attendInflow', { ...a, proofFiles: [first.fileId] }, MOBILE);
    const later = await photo(MOBILE, 'inflowProof', '补交证明.jpg');
    await b.ok('activity', 'attendInflow', { ...a, proofFiles: [later.fileId] }, MOBILE);
    await b.ok('activity', 'attendInflow', { ...a, proofFiles: [later.fileId] }, MOBILE);
    const rows = await b.ok('activity', 'attendance', { activityId: 'demo-theme-day' }, SEC);
    expect(rows.find((r) => r.memberId === MOBILE)?.evidence).toEqual([first.fileId, later.fileId]);
    expect(mediaDoc(first.fileId)).toMatchObject({
      attachedTo: { kind: 'attendance', id: `demo-theme-day:${MOBILE}` },
    });
  });

  it('does not take a held-back proof photo as the 流入地’s proof [CHK-16]', async () => {
    const a = { activityId: 'demo-theme-day', inflowOrg: '深圳市南山区某社区党委' };
    const proof = await photo(MOBILE, 'inflowProof', '证明照片.jpg');
    await b.ok('activity', 'attendInflow', { ...a, proofFiles: [proof.fileId] }, MOBILE);
    await pushVerdict(b, proof.fileId, 'risky', 21000);
    const decide = { activityId: 'demo-theme-day', memberId: MOBILE, accept: true };
    const before = snapshot(b);
    const e = await b.err('activity', 'decideRemote', decide, SEC);
    expect(e).toMatchObject({ code: 'CHECKIN.PROOF_MISSING', details: { ruleId: 'CHK-16' } });
    expect(snapshot(b)).toBe(before);
  });
});
