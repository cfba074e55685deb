import {
  checkAttachmentSet,
  checkUpload,
  cloudPathFor,
  extOf,
  kindOfExt,
  nextCheckState,
  orgOfCloudPath,
  parseFileId,
  riskReason,
  visibilityOf,
} from '../../cloudfunctions/_shared/domain/media/rules';
import {
  CHECK_STATES,
  FILE_STATES,
  type CheckState,
} from '../../cloudfunctions/_shared/domain/media/model';
import { DEMO_NOW_MS } from '../../emulator/demo-instant';

const MB = 1024 * 1024;
const failure = (r: { ok: boolean }) =>
  r as { ok: false; code: string; message: string; ruleId?: string };

describe('fileIDs and cloud paths', () => {
  it('parses a CloudBase fileID, a foreign environment included (the env comparison is the app’s)', () => {
    expect(
      parseFileId('cloud://local-emulator.6c6f-local/orgs/demo-branch/record/2026-12/m1.jpg'),
    ).toEqual({
      env: 'local-emulator',
      bucket: '6c6f-local',
      path: 'orgs/demo-branch/record/2026-12/m1.jpg',
    });
    expect(parseFileId('cloud://other-env.1234/orgs/x/a.jpg')).toEqual({
      env: 'other-env',
      bucket: '1234',
      path: 'orgs/x/a.jpg',
    });
  });

  it.each([
    ['', 'empty'],
    ['local-abc', 'the old local ids'],
    ['https://example.com/a.jpg', 'a web address'],
    ['cloud://', 'no env'],
    ['cloud://.1234/a.jpg', 'an empty env'],
    ['cloud://env/a.jpg', 'no bucket'],
    ['cloud://env.1234', 'no path'],
    ['cloud://env.1234/', 'an empty path'],
    ['cloud://env.1234/orgs/../other/a.jpg', 'a .. segment'],
    ['cloud://env.1234/orgs/./a.jpg', 'a . segment'],
    ['cloud://env.1234/orgs//a.jpg', 'an empty segment'],
    ['cloud://env.1234/orgs/a b.jpg', 'whitespace'],
    ['cloud://env.1234/orgs/a.jpg\n', 'a trailing newline'],
    ['cloud://env.1234/orgs\\a.jpg', 'a backslash'],
    ['cloud://env.1234/orgs/a.jpg?x=1', 'a query'],
    [' cloud://env.1234/a.jpg', 'leading space'],
    ['cloud://e nv.1234/a.jpg', 'space in the env'],
  ])('refuses %j (%s)', (id) => {
    expect(parseFileId(id)).toBeNull();
  });

  it('refuses what is not a string at all', () => {
    expect(parseFileId(42 as unknown as string)).toBeNull();
    expect(parseFileId(`cloud://e.b/${'a'.repeat(1100)}`)).toBeNull();
  });

  it('puts every upload under its org, purpose and Beijing month', () => {
    expect(cloudPathFor('demo-branch', 'record', 'm1', 'JPG', new Date(DEMO_NOW_MS))).toBe(
      'orgs/demo-branch/record/2026-12/m1.jpg',
    );
    // 30 Nov 16:30 UTC is already 1 December in Beijing.
    expect(cloudPathFor('b', 'notice', 'm2', 'pdf', new Date('2026-11-30T16:30:00Z'))).toBe(
      'orgs/b/notice/2026-12/m2.pdf',
    );
  });

  it('tells the org of a cloud path, and none for paths outside orgs/ or with .. segments', () => {
    expect(orgOfCloudPath('orgs/demo-branch/record/2026-12/m1.jpg')).toBe('demo-branch');
    expect(orgOfCloudPath('orgs/demo-branch/exports/a.xlsx')).toBe('demo-branch');
    expect(orgOfCloudPath('exports/a.xlsx')).toBeNull();
    expect(orgOfCloudPath('orgs/demo-branch')).toBeNull();
    expect(orgOfCloudPath('orgs//record/a.jpg')).toBeNull();
    expect(orgOfCloudPath('orgs/../demo-branch-2/a.jpg')).toBeNull();
    expect(orgOfCloudPath('orgs/demo-branch/../../x/a.jpg')).toBeNull();
  });

  it('reads extensions and their kinds', () => {
    expect(extOf('会议照片.JPG')).toBe('jpg');
    expect(extOf('a.tar.gz')).toBe('gz');
    expect(extOf('noext')).toBe('');
    expect(extOf('.hidden')).toBe('');
    expect(extOf('trailing.')).toBe('');
    expect(extOf('dir.v2/file')).toBe('');
    expect(extOf(' 记录.docx ')).toBe('docx');
    expect(kindOfExt('jpeg')).toBe('image');
    expect(kindOfExt('M4A')).toBe('audio');
    expect(kindOfExt('mov')).toBe('video');
    expect(kindOfExt('xlsx')).toBe('document');
    expect(kindOfExt('gif')).toBeNull();
    expect(kindOfExt('exe')).toBeNull();
  });
});

describe('what may be uploaded [MTG-21]', () => {
  const up = (over: Partial<Parameters<typeof checkUpload>[0]>) =>
    checkUpload({ purpose: 'record', kind: 'image', name: 'a.jpg', size: MB, ...over });

  it('accepts every kind a 纪实 record takes, within its limits [MTG-21]', () => {
    expect(up({})).toEqual({ ok: true, value: { ext: 'jpg' } });
    expect(up({ kind: 'audio', name: '会议录音.m4a', durationSeconds: 600 })).toEqual({
      ok: true,
      value: { ext: 'm4a' },
    });
    expect(up({ kind: 'video', name: 'v.MP4', size: 50 * MB, durationSeconds: 60 })).toEqual({
      ok: true,
      value: { ext: 'mp4' },
    });
    expect(up({ kind: 'document', name: '会议记录.docx', size: 20 * MB })).toEqual({
      ok: true,
      value: { ext: 'docx' },
    });
  });

  it('names the limit and the size of a photo that is too large [MTG-21]', () => {
    const r = failure(up({ size: 12.5 * MB }));
    expect(r).toMatchObject({
      code: 'MEDIA.TOO_LARGE',
      ruleId: 'MTG-21',
      message: '照片不能超过10MB，这张有12.5MB',
    });
    expect(failure(up({ kind: 'video', name: 'v.mp4', size: 51 * MB })).message).toBe(
      '视频不能超过50MB，这段有51MB',
    );
    expect(failure(up({ kind: 'document', name: 'a.pdf', size: 21 * MB })).message).toBe(
      '文件不能超过20MB，这个有21MB',
    );
  });

  it('names the longest recording and video accepted [MTG-21]', () => {
    const audio = failure(up({ kind: 'audio', name: 'a.mp3', durationSeconds: 750 }));
    expect(audio).toMatchObject({ code: 'MEDIA.TOO_LONG', ruleId: 'MTG-21' });
    expect(audio.message).toMatch(/^录音不能超过10分钟/);
    const video = failure(up({ kind: 'video', name: 'v.mov', durationSeconds: 61 }));
    expect(video.message).toBe('视频不能超过60秒，这段有61秒');
  });

  it('refuses kinds a purpose does not take, saying what it does take [MTG-21]', () => {
    const r = failure(up({ purpose: 'declaration', kind: 'audio', name: 'a.mp3' }));
    expect(r).toMatchObject({
      code: 'MEDIA.TYPE_NOT_ALLOWED',
      message: '这里只能上传照片，或 PDF、Word、Excel、PPT 文件',
    });
    expect(failure(up({ purpose: 'notice', kind: 'audio', name: 'a.mp3' })).code).toBe(
      'MEDIA.TYPE_NOT_ALLOWED',
    );
  });

  it('refuses extensions no kind takes, or another kind’s [MTG-21]', () => {
    const gif = failure(up({ name: 'a.gif' }));
    expect(gif).toMatchObject({
      code: 'MEDIA.TYPE_NOT_ALLOWED',
      message: '这里只能上传照片、录音、视频，或 PDF、Word、Excel、PPT 文件',
    });
    expect(failure(up({ name: 'setup.exe' })).code).toBe('MEDIA.TYPE_NOT_ALLOWED');
    expect(failure(up({ name: 'noext' })).code).toBe('MEDIA.TYPE_NOT_ALLOWED');
    expect(failure(up({ name: 'a.pdf' })).message).toBe('这个文件不是照片，请重新选择');
  });

  it('refuses an empty file [MTG-21]', () => {
    expect(failure(up({ size: 0 })).code).toBe('MEDIA.MISMATCH');
    expect(failure(up({ size: Number.NaN })).code).toBe('MEDIA.MISMATCH');
  });

  it('messages are plain Chinese: no field names, no English type words [MTG-21]', () => {
    const rs = [
      up({ size: 11 * MB }),
      up({ name: 'a.gif' }),
      up({ kind: 'audio', name: 'a.aac', durationSeconds: 9999 }),
    ];
    for (const r of rs)
      expect(failure(r).message).not.toMatch(/size|kind|ext|image|audio|undefined|NaN/i);
  });
});

describe('the content-check state machine', () => {
  it('moves pending once, by the pushed suggest', () => {
    expect(nextCheckState('pending', 'pass')).toBe('pass');
    expect(nextCheckState('pending', 'review')).toBe('review');
    expect(nextCheckState('pending', 'risky')).toBe('risky');
  });

  it.each([undefined, null, '', 'PASS', 'ok', 1, {}])(
    'takes an unknown suggest %j as review',
    (s) => {
      expect(nextCheckState('pending', s)).toBe('review');
    },
  );

  it('ignores a late or repeated push: every other state stays as it is', () => {
    for (const state of CHECK_STATES.filter((s) => s !== 'pending')) {
      for (const s of ['pass', 'review', 'risky', 'junk'])
        expect(nextCheckState(state, s)).toBeNull();
    }
  });

  it.each([
    [20001, '内容可能涉及敏感信息'],
    [20002, '不适宜公开的画面'],
    [20003, '不文明的言语'],
    [20006, '违法'],
    [20008, '欺诈'],
    [20012, '文明得体'],
    [20013, '版权'],
    [10001, '广告'],
    [21000, '不适宜公开'],
  ])('explains label %d in plain words, with what to do', (label, words) => {
    const reason = riskReason(label);
    expect(reason).toContain(words);
    expect(reason).toMatch(/如有疑问请联系支部书记$/);
    expect(reason).not.toMatch(/[A-Za-z]|\d/);
  });

  it('explains a missing or unknown label too', () => {
    for (const l of [null, undefined, 100, 99999]) {
      expect(riskReason(l)).toBe(
        '这个文件没有通过安全检测，暂时只有您自己能看到。如有疑问请联系支部书记',
      );
    }
  });
});

describe('who sees a file', () => {
  const uploader = { memberId: 'm-up', moderator: false };
  const moderator = { memberId: 'm-mod', moderator: true };
  const other = { memberId: 'm-other', moderator: false };
  const expected: Record<CheckState, [string, string, string]> = {
    none: ['full', 'full', 'full'],
    pass: ['full', 'full', 'full'],
    pending: ['full', 'full', 'checking'],
    review: ['full', 'full', 'checking'],
    risky: ['full', 'hidden', 'hidden'],
  };

  it.each(CHECK_STATES.map((c) => [c]))(
    'a ready file in check state %s: uploader / moderator / other',
    (check) => {
      const file = { state: 'ready' as const, check, uploadedBy: 'm-up' };
      expect([uploader, moderator, other].map((v) => visibilityOf(file, v))).toEqual(
        expected[check],
      );
    },
  );

  it('nobody sees a removed or reserved file, whatever its check', () => {
    for (const state of FILE_STATES.filter((s) => s !== 'ready')) {
      for (const check of CHECK_STATES) {
        for (const v of [uploader, moderator, other]) {
          expect(visibilityOf({ state, check, uploadedBy: 'm-up' }, v)).toBe('hidden');
        }
      }
    }
  });

  it('an uploader who is also a moderator sees their own risky file', () => {
    expect(visibilityOf({ state: 'ready', check: 'risky', uploadedBy: 'm-mod' }, moderator)).toBe(
      'full',
    );
  });
});

describe('attachment sets', () => {
  const ids = (n: number, p = 'f') => Array.from({ length: n }, (_, i) => `${p}${i}`);

  it('needs no photo at all: an empty set is fine [PRIV-12] [MTG-21]', () => {
    expect(
      checkAttachmentSet({ purpose: 'record', previous: [], next: [], archived: false }).ok,
    ).toBe(true);
    expect(
      checkAttachmentSet({ purpose: 'record', previous: [], next: [], archived: true }).ok,
    ).toBe(true);
  });

  it('takes at most the purpose’s count, naming it [MTG-21]', () => {
    expect(
      checkAttachmentSet({ purpose: 'record', previous: [], next: ids(30), archived: false }).ok,
    ).toBe(true);
    const r = failure(
      checkAttachmentSet({ purpose: 'record', previous: [], next: ids(31), archived: false }),
    );
    expect(r).toMatchObject({
      code: 'MEDIA.TOO_MANY',
      message: '这里最多放30个附件',
      ruleId: 'MTG-21',
    });
    expect(
      failure(
        checkAttachmentSet({
          purpose: 'remoteEvidence',
          previous: [],
          next: ids(4),
          archived: false,
        }),
      ).message,
    ).toBe('这里最多放3个附件');
  });

  it('refuses the same file twice [MTG-21]', () => {
    expect(
      failure(
        checkAttachmentSet({ purpose: 'notice', previous: [], next: ['a', 'a'], archived: false }),
      ).code,
    ).toBe('INPUT.INVALID');
  });

  it('lets a record that is not archived drop an attachment', () => {
    expect(
      checkAttachmentSet({ purpose: 'record', previous: ['a', 'b'], next: ['a'], archived: false })
        .ok,
    ).toBe(true);
  });

  it('refuses to take an attachment away from an archived record [MTG-20]', () => {
    const r = failure(
      checkAttachmentSet({ purpose: 'record', previous: ['a', 'b'], next: ['a'], archived: true }),
    );
    expect(r).toMatchObject({ code: 'MEDIA.LOCKED', ruleId: 'MTG-20' });
    expect(r.message).toContain('如需更正，请附加更正说明');
    expect(
      failure(
        checkAttachmentSet({ purpose: 'record', previous: ['a'], next: ['b'], archived: true }),
      ).code,
    ).toBe('MEDIA.LOCKED');
  });

  it('lets an archived record gain attachments, as an amendment only adds [MTG-20]', () => {
    expect(
      checkAttachmentSet({ purpose: 'record', previous: ['a'], next: ['b', 'a'], archived: true })
        .ok,
    ).toBe(true);
  });
});
