import type { BranchDetailOutput } from '../../cloudfunctions/_shared/contracts/org-oversight';
import { Backend, startBackend } from '../support/backend';

/**
 * org.branchDetail: the superior's drill-down to one branch — counts and records only, never a
 * ballot, a vote choice, attendance by name, a member's score or a phone number [PTS-21, PRIV-09].
 */
let b: Backend;
let detail: BranchDetailOutput;
const SUP = 'demo-superior';
const ORG = 'demo-branch';
beforeAll(async () => {
  b = await startBackend();
  await b.reset('demo');
  detail = await b.ok('org', 'branchDetail', { orgId: ORG, year: 2026 }, SUP);
});
afterAll(() => b.close());

const local = (d: Date | string) => new Date(+new Date(d) + 8 * 3600_000).toISOString();

describe('org.branchDetail', () => {
  it('refuses the branch secretary and a member (AUTH.FORBIDDEN) [FORT-23]', async () => {
    for (const who of ['demo-secretary', 'demo-member-1'])
      expect((await b.err('org', 'branchDetail', { orgId: ORG, year: 2026 }, who)).code).toBe(
        'AUTH.FORBIDDEN',
      );
  });

  it('counts the roster as the records hold it (transferred members left out) [PRIV-20]', () => {
    const roster = b.docs('members').filter((m) => m.orgId === ORG && !m.transfer);
    expect(detail.members).toEqual({
      full: roster.filter((m) => m.status === 'full').length,
      probationary: roster.filter((m) => m.status === 'probationary').length,
      mobile: roster.filter((m) => m.mobile).length,
    });
  });

  it('gives each activity of the year with attended and expected counts from the attendance records [TD-07, MTG-19]', () => {
    const acts = b
      .docs('activities')
      .filter((a) => a.orgId === ORG && local(a.startAt).startsWith('2026'));
    expect(detail.records.map((r) => r.activityId).sort()).toEqual(acts.map((a) => a._id).sort());
    expect(acts.filter((x) => x.status === 'closed').length).toBeGreaterThan(0);
    const rows = b.docs('attendance');
    for (const a of acts.filter((x) => x.status === 'closed')) {
      const mine = rows.filter((r) => r.activityId === a._id);
      const rec = detail.records.find((r) => r.activityId === a._id)!;
      expect({ id: a._id, attended: rec.attended, expected: rec.expected }).toEqual({
        id: a._id,
        attended: mine.filter((r) => ['present', 'late', 'remote'].includes(r.status)).length,
        expected: mine.length,
      });
      expect(rec.date).toBe(local(a.startAt).slice(0, 10));
    }
  });

  it('names only the committee, with role words, and leaks no other name, no phone, no ballot, no score [PTS-21, PRIV-09]', () => {
    const text = JSON.stringify(detail);
    const members = b.docs('members').filter((m) => m.orgId === ORG);
    const committee = members.filter((m) =>
      m.roles.some(
        (r: { orgId: string; role: string }) =>
          r.orgId === ORG &&
          [
            'secretary',
            'deputySecretary',
            'orgCommissioner',
            'publicityCommissioner',
            'disciplineCommissioner',
          ].includes(r.role),
      ),
    );
    expect(detail.committee.map((c) => c.name).sort()).toEqual(committee.map((m) => m.name).sort());
    expect(detail.committee.flatMap((c) => c.roles)).toContain('书记');
    for (const m of members.filter((x) => !committee.includes(x)))
      if (m.name.length >= 2) expect(text).not.toContain(m.name);
    for (const m of members) expect(text).not.toContain(m._id);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toMatch(/ballot|choice|score|memberId/i);
  });

  it('gives dues per month from the ledger and disclosures per month from the notices [FEE-24, FORT-12]', () => {
    expect(detail.dues.months).toHaveLength(12);
    expect(detail.disclosures).toHaveLength(12);
    const notices = b.docs('notices').filter((n) => n.orgId === ORG);
    for (const { month, count } of detail.disclosures)
      expect(count).toBe(
        notices.filter(
          (n) => local(n.publishedAt).startsWith(month) || local(n.updatedAt).startsWith(month),
        ).length,
      );
  });

  it('gives each month of dues and disclosure the grid’s verdict, the running month due [FEE-24, FORT-12]', async () => {
    const grid = await b.ok('org', 'dashboard', { orgId: 'demo-committee', year: 2026 }, SUP);
    const row = grid.branches.find((r) => r.orgId === ORG)!;
    expect(detail.dues.months.map((m) => [m.month, m.state])).toEqual(
      Object.entries(row.cells.dues),
    );
    expect(detail.disclosures.map((m) => [m.month, m.state])).toEqual(
      Object.entries(row.cells.disclosure),
    );
    expect(detail.disclosures.find((m) => m.month === '2026-12')!.state).not.toBe('missing');
  });

  it('gives the 堡垒指数 its own page gives, and the dashboard row’s alerts [FORT-22, ORG-22]', async () => {
    const f = await b.ok('points', 'fortress', { orgId: ORG, year: 2026 }, SUP);
    expect(detail.fortress).toEqual({ total: f.total, stars: f.stars });
    const d = await b.ok('org', 'dashboard', { orgId: 'demo-committee', year: 2026 }, SUP);
    expect(detail.alerts).toEqual(d.branches.find((r) => r.orgId === ORG)!.alerts);
  });
});
