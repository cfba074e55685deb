import { randomUUID } from 'crypto';
import { IMPORT_FIELD_LABELS, importRow, orgContract, OrgOutput } from '../../contracts/org';
import { isBranchKind } from '../../domain/org/model';
import { personKey } from '../../domain/org/roster';
import { maskPhone } from '../../domain/shared/privacy';
import {
  findMember,
  insertMembers,
  listOrgMembers,
  MemberDoc,
  takenPersonKeys,
  updateMember,
} from '../../repos/members';
import { refuseTransferred } from './transfer-rules';
import { action } from '../../runtime/handler';
import { AppError, orNotFound } from '../../runtime/errors';

/**
 * Imports a roster (from the spreadsheet the branch already has, so nothing is typed twice
 * [PRIV-11]). Each row stands alone: a row with an error creates nothing, the others land; the
 * same person twice — in the file or already on the roster — is an error, not a second record.
 */
export const importMembers = action({
  input: orgContract.importMembers.input,
  async run(ctx, input): Promise<OrgOutput<'importMembers'>> {
    const org = await ctx.require('member.manage', input.orgId);
    if (!isBranchKind(org.kind) && org.kind !== 'baseCommittee' && org.kind !== 'generalBranch') {
      throw new AppError('INPUT.INVALID', '党员只能导入到党支部', { fields: ['orgId'] });
    }
    const rows: { row: number; doc: MemberDoc }[] = [];
    const errors: { row: number; code: string; message: string }[] = [];
    for (const [row, raw] of input.members.entries()) {
      const parsed = importRow.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const message =
          issue.code === 'unrecognized_keys'
            ? `不支持的字段：${issue.keys.join('、')}（系统只保存必要的党员信息）`
            : rowMessage(issue.path[0], raw);
        errors.push({ row, code: 'INPUT.INVALID', message });
        continue;
      }
      const p = parsed.data;
      const doc: MemberDoc = {
        _id: randomUUID().replace(/-/g, ''),
        orgId: org._id,
        name: p.name,
        status: p.status,
        joinedAt: p.joinedAt,
        birthDate: p.birthDate ?? null,
        phone: p.phone ?? null,
        mobile: p.mobile ?? false,
        exempt: false,
        exemptReason: null,
        roles: [],
        openid: null,
        boundAt: null,
        personKey: personKey(org._id, p),
        createdAt: ctx.now,
      };
      rows.push({ row, doc });
    }
    if (!rows.length) return { created: [], errors };
    // The new members and their entry land together [PRIV-06]. Who is on the roster already is
    // read in the same transaction: a duplicate key could abort it.
    const { created, duplicates } = await ctx.write(async (tx) => {
      const taken = await takenPersonKeys(
        rows.map((r) => r.doc.personKey),
        tx,
      );
      const fresh: MemberDoc[] = [];
      const duplicates: typeof errors = [];
      for (const { row, doc } of rows) {
        if (taken.has(doc.personKey)) {
          const message = `${doc.name}已在名册中，未重复导入`;
          duplicates.push({ row, code: 'MEMBER.DUPLICATE', message });
        } else fresh.push(doc);
        taken.add(doc.personKey); // the same person twice in the file
      }
      await insertMembers(fresh, tx);
      const ids = fresh.map((d) => d._id);
      const after = { created: ids.length, errors: errors.length + duplicates.length };
      return {
        audit: ids.length ? { org, entity: 'members', entityId: ids.join(','), after } : null,
        result: { created: ids, duplicates },
      };
    });
    return { created, errors: [...errors, ...duplicates].sort((x, y) => x.row - y.row) };
  },
});

/** The branch roster for its members; phones masked for everyone [PRIV-03]. */
export const listMembers = action({
  input: orgContract.listMembers.input,
  async run(ctx, input): Promise<OrgOutput<'listMembers'>> {
    await ctx.require('org.read', input.orgId);
    const members = await listOrgMembers(input.orgId);
    return members.map((m) => ({
      id: m._id,
      name: m.name,
      status: m.status,
      mobile: m.mobile,
      exempt: m.exempt,
      roles: m.roles.filter((r) => r.orgId === input.orgId).map((r) => r.role),
      /** The 支委's written 分工 in this org, or null [ORG-14]. */
      duty: m.duties?.[input.orgId] ?? null,
      phone: maskPhone(m.phone),
      bound: !!m.openid,
      ...(m.groupId ? { groupId: m.groupId } : {}),
    }));
  },
});

/** 流动党员 flag and exemption from points (a recorded decision with its reason). */
export const setMemberFlags = action({
  input: orgContract.setMemberFlags.input,
  async run(ctx, input): Promise<OrgOutput<'setMemberFlags'>> {
    const member = orNotFound(await findMember(input.memberId), '党员');
    refuseTransferred(member);
    const org = await ctx.require('member.manage', member.orgId, { subject: member });
    const before = {
      mobile: member.mobile,
      exempt: member.exempt,
      exemptReason: member.exemptReason,
    };
    const after = {
      mobile: input.mobile ?? member.mobile,
      exempt: input.exempt ?? member.exempt,
      exemptReason:
        (input.exempt ?? member.exempt) ? (input.exemptReason ?? member.exemptReason) : null,
    };
    await ctx.write(async (tx) => {
      await updateMember(member._id, after, tx);
      return {
        audit: {
          org,
          entity: 'members',
          entityId: member._id,
          before,
          after,
          reason: input.exemptReason,
        },
      };
    });
    return { memberId: member._id };
  },
});

/** A row's first problem in words a secretary reads: which column, missing or not valid. */
function rowMessage(field: PropertyKey | undefined, row: unknown): string {
  const label = IMPORT_FIELD_LABELS[field as keyof typeof IMPORT_FIELD_LABELS];
  if (!label) return '这一行的格式不对，请按模板填写';
  const value = (row as Record<PropertyKey, unknown> | null)?.[field as PropertyKey];
  return value === undefined || value === null || value === ''
    ? `缺少${label}`
    : `${label}填写有误，请核对后重新导入`;
}
