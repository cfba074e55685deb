import { REFUSALS } from '../../cloudfunctions/_shared/domain/org/policy';
import { Backend, snapshot, startBackend } from '../support/backend';
import { mp3Bytes, plainJpeg } from '../support/media-fixtures';
import { passCheck, storedBytes, uploadMedia } from '../support/media-kit';
import { ID as DEMOCRATIC, seedDemocratic, tallyOf } from '../support/democratic-kit';

/**
 * Who sees, removes and gets a URL of which file [issue 15 §4–5, MTG-20]: temporary URLs come only
 * through the media function, after the same checks everywhere.
 */

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
beforeEach(() => b.reset('demo'));

const ORG = 'demo-branch';
const SEC = 'demo-secretary';
const ORGANIZER = 'demo-organizer';
const MEMBER = 'demo-member-1';
const SUPERIOR = 'demo-superior';
const OTHER_SEC = 'demo-secretary-2';
const RUNNING = 'demo-theme-day'; // started five minutes before the demo instant, no record yet

const recordPhoto = async (who = SEC) => {
  const u = await uploadMedia(b, who, {
    orgId: ORG,
    purpose: 'record',
    name: '现场照片.jpg',
    bytes: plainJpeg(),
  });
  await passCheck(b, u.fileId);
  return u.fileId;
};
const view = (fileIds: string[], who: string) => b.ok('media', 'view', { fileIds }, who);
const record = (attachments: string[], extra: Record<string, unknown> = {}) =>
  b.ok(
    'activity',
    'record',
    { activityId: RUNNING, minutes: '学习讨论', attachments, ...extra },
    SEC,
  );
const audits = () => b.docs('auditLogs').filter((a) => a.action?.startsWith('media.'));

describe('media.view across orgs and roles', () => {
  it('shows a branch’s checked file to its members and the superior, not to another branch', async () => {
    const fileId = await recordPhoto();
    expect((await view([fileId], MEMBER)).items[0]).toMatchObject({ visibility: 'full' });
    expect((await view([fileId], SUPERIOR)).items[0]).toMatchObject({ visibility: 'full' });
    expect((await view([fileId], OTHER_SEC)).items).toEqual([]);
  });

  it('leaves out what the caller may not see, in the order asked, each file once', async () => {
    const a = await recordPhoto();
    const c = await recordPhoto();
    const foreign = a.replace(/^cloud:\/\/[^.]+\./, 'cloud://other-env.');
    const unknown = a.replace(/[0-9a-f]{16}\.jpg$/, '0123456789abcdef.jpg');
    const got = await view([c, foreign, a, unknown, c], MEMBER);
    expect(got.items.map((i) => i.fileId)).toEqual([c, a]);
  });

  it('offers removal to the uploader and the committee only, never once attached', async () => {
    const fileId = await recordPhoto(ORGANIZER);
    const can = async (who: string) => (await view([fileId], who)).items[0].canRemove;
    expect([await can(ORGANIZER), await can(SEC), await can(SUPERIOR), await can(MEMBER)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    await record([fileId]);
    expect([await can(ORGANIZER), await can(SEC)]).toEqual([false, false]);
  });

  it('answers ten files with three database round trips: caller, files, their org', async () => {
    const files: string[] = [];
    for (let i = 0; i < 10; i += 1) files.push(await recordPhoto());
    const { roundTrips, res } = await b.roundTrips('media', 'view', { fileIds: files }, MEMBER);
    expect(res.ok && res.data.items).toHaveLength(10);
    expect(roundTrips).toBe(3);
  });
});

describe('media.remove [MTG-20]', () => {
  it('lets the uploader remove their unattached file: gone from view and from storage', async () => {
    const fileId = await recordPhoto();
    expect(await b.ok('media', 'remove', { fileId }, SEC)).toEqual({ fileId, removed: true });
    expect((await view([fileId], SEC)).items).toEqual([]);
    await expect(storedBytes(fileId)).rejects.toBeTruthy();
    expect(audits()).toEqual([]); // one's own upload: not an administrator's act
    expect((await b.err('media', 'remove', { fileId }, SEC)).code).toBe('NOT_FOUND');
  });

  it('refuses a member someone else’s file, and another branch’s secretary, changing nothing', async () => {
    const fileId = await recordPhoto();
    const before = snapshot(b);
    const member = await b.err('media', 'remove', { fileId }, MEMBER);
    expect([member.code, member.message]).toEqual(['AUTH.FORBIDDEN', REFUSALS['media.moderate']]);
    expect((await b.err('media', 'remove', { fileId }, OTHER_SEC)).code).toBe('AUTH.FORBIDDEN');
    expect(snapshot(b)).toBe(before);
  });

  it('lets the committee remove a member’s file, audited as theirs', async () => {
    const { fileId, mediaId } = await uploadMedia(b, MEMBER, {
      orgId: ORG,
      purpose: 'declaration',
      name: '证明.jpg',
      bytes: plainJpeg(),
    });
    await b.ok('media', 'remove', { fileId }, SEC);
    expect(audits()).toEqual([
      expect.objectContaining({
        action: 'media.remove',
        orgId: ORG,
        entity: 'mediaFiles',
        entityId: mediaId,
        after: { state: 'removed' },
      }),
    ]);
    expect(audits()[0].actor.memberId).toBe(SEC);
  });

  it('refuses a file still on a record until the record drops it', async () => {
    const fileId = await recordPhoto();
    await record([fileId]);
    const before = snapshot(b);
    const err = await b.err('media', 'remove', { fileId }, SEC);
    expect([err.code, err.message]).toEqual(['CONFLICT', '请先在纪实里去掉这个附件']);
    expect(snapshot(b)).toBe(before);
    await record([]);
    await b.ok('media', 'remove', { fileId }, SEC);
  });

  it('never removes a file of an archived record, for its uploader or the superior [MTG-20]', async () => {
    const fileId = await recordPhoto();
    await record([fileId], { archive: true });
    const before = snapshot(b);
    for (const who of [SEC, SUPERIOR]) {
      const err = await b.err('media', 'remove', { fileId }, who);
      expect(err.code).toBe('MEDIA.LOCKED');
      expect(err.details?.ruleId).toBe('MTG-20');
    }
    expect(snapshot(b)).toBe(before);
    expect((await view([fileId], SEC)).items[0].canRemove).toBe(false);
  });
});

describe('media.fileUrl: the same check as the action that made the file', () => {
  const url = (fileId: string, who: string) => b.ok('media', 'fileUrl', { fileId }, who);
  const refused = async (fileId: string, who: string) =>
    (await b.err('media', 'fileUrl', { fileId }, who)).code;

  it('serves an export to who may export it, from the org’s own folder', async () => {
    const { fileId } = await b.ok(
      'export',
      'attendance',
      { activityId: 'demo-theme-day-last' },
      SEC,
    );
    expect(fileId).toMatch(/\/orgs\/demo-branch\/exports\/attendance\//);
    const got = await url(fileId, SEC);
    expect((await fetch(got.url)).status).toBe(200);
    expect(Date.parse(got.expiresAt)).toBe(Date.parse('2026-12-01T09:10:00+08:00'));
    expect(await refused(fileId, MEMBER)).toBe('AUTH.FORBIDDEN');
    expect(await refused(fileId, OTHER_SEC)).toBe('AUTH.FORBIDDEN');
  });

  it('serves a printed activity code to whoever runs the activity or the committee', async () => {
    const { fileId } = await b.ok('activity', 'signinCode', { activityId: RUNNING }, SEC);
    expect(fileId).toMatch(/\/orgs\/demo-branch\/codes\/demo-theme-day\//);
    await url(fileId, ORGANIZER); // the recorder
    await url(fileId, SUPERIOR);
    expect(await refused(fileId, MEMBER)).toBe('AUTH.FORBIDDEN');
  });

  it('serves an upload only to who sees it in full', async () => {
    const { fileId } = await uploadMedia(b, SEC, {
      orgId: ORG,
      purpose: 'record',
      name: '录音.mp3',
      bytes: mp3Bytes(),
    });
    expect(await refused(fileId, MEMBER)).toBe('NOT_FOUND'); // still being checked
    await passCheck(b, fileId);
    await url(fileId, MEMBER);
    expect(await refused(fileId, OTHER_SEC)).toBe('NOT_FOUND');
  });

  it('serves a member’s own 民主评议 form to that member alone, the branch’s to the committee [APR-12]', async () => {
    const grades = { 'demo-member-2': 'qualified' as const };
    seedDemocratic(b, {
      step: 'archive',
      tally: tallyOf(8),
      decision: {
        grades,
        reasons: {},
        final: true,
        by: SUPERIOR,
        at: new Date('2026-11-30T02:00:00Z'),
      },
      extra: { publishedAt: new Date('2026-11-30T03:00:00Z') },
    });
    const form = (who: string, memberId?: string) =>
      b.ok('appraisal', 'form', { id: DEMOCRATIC, memberId, format: 'xlsx' }, who) as Promise<{
        fileId: string;
      }>;
    const own = await form('demo-member-2', 'demo-member-2');
    expect(own.fileId).toMatch(/\/orgs\/demo-branch\/exports\/mine\/demo-member-2\//);
    await url(own.fileId, 'demo-member-2');
    expect(await refused(own.fileId, 'demo-member-3')).toBe('AUTH.FORBIDDEN');
    const branch = await form(ORGANIZER);
    expect(branch.fileId).toMatch(/\/orgs\/demo-branch\/exports\/democratic\//);
    await url(branch.fileId, SEC);
    expect(await refused(branch.fileId, 'demo-member-2')).toBe('AUTH.FORBIDDEN');
  });

  it('knows nothing of another environment, the old flat layout, or a made-up path', async () => {
    const real = await recordPhoto();
    const bucket = real.replace(/\/orgs\/.*$/, '');
    for (const fileId of [
      real.replace(/^cloud:\/\/[^.]+\./, 'cloud://other-env.'),
      `${bucket}/exports/demo-branch/a.xlsx`,
      `${bucket}/codes/demo-theme-day.png`,
      `${bucket}/orgs/demo-branch/exports/secrets/a.xlsx`,
      `${bucket}/orgs/demo-branch/record/2026-12/../../x.jpg`,
      'not-a-file-id',
    ])
      expect([fileId, await refused(fileId, SEC)]).toEqual([fileId, 'NOT_FOUND']);
  });
});

describe('who may upload for what', () => {
  it('lets the committee upload for a record, a member only their own evidence', async () => {
    const record = await b.err(
      'media',
      'prepareUpload',
      { orgId: ORG, purpose: 'record', kind: 'image', name: '照片.jpg', size: 100 },
      MEMBER,
    );
    expect([record.code, record.message]).toEqual(['AUTH.FORBIDDEN', REFUSALS['activity.manage']]);
    const own = await uploadMedia(b, MEMBER, {
      orgId: ORG,
      purpose: 'declaration',
      name: '志愿服务.jpg',
      bytes: plainJpeg(),
    });
    expect(own.view.mine).toBe(true);
    const elsewhere = await b.err(
      'media',
      'prepareUpload',
      { orgId: 'demo-branch-2', purpose: 'declaration', kind: 'image', name: 'a.jpg', size: 100 },
      MEMBER,
    );
    expect(elsewhere.code).toBe('AUTH.FORBIDDEN');
  });

  it('lets the recorder of an activity upload its 纪实 photos without a committee seat [MTG-15, MTG-10]', async () => {
    const { created } = await b.ok(
      'activity',
      'publishPlan',
      {
        orgId: ORG,
        year: 2026,
        items: [{ type: 'committeeMeeting', date: '2026-12-15', title: '12月支委会' }],
      },
      SEC,
    );
    const [id] = created;
    await b.ok('activity', 'update', { activityId: id, recorderId: MEMBER }, SEC);
    const slot = {
      orgId: ORG,
      purpose: 'record' as const,
      kind: 'image' as const,
      name: '照片.jpg',
      size: 100,
    };
    expect((await b.err('media', 'prepareUpload', slot, MEMBER)).code).toBe('AUTH.FORBIDDEN');
    const before = snapshot(b);
    const other = { ...slot, activityId: RUNNING };
    expect((await b.err('media', 'prepareUpload', other, 'demo-member-2')).code).toBe(
      'AUTH.FORBIDDEN',
    );
    const wrongOrg = { ...slot, orgId: 'demo-branch-2', activityId: id };
    expect((await b.err('media', 'prepareUpload', wrongOrg, MEMBER)).code).toBe('NOT_FOUND');
    expect(snapshot(b)).toBe(before);
    const ok = await b.ok('media', 'prepareUpload', { ...slot, activityId: id }, MEMBER);
    expect(ok.cloudPath).toMatch(/^orgs\/demo-branch\/record\//);
  });
});
