import { orgContract, OrgOutput } from '../../contracts/org';
import {
  checkSetting,
  SETTINGS,
  SettingSpec,
  settingOf,
  settingRows,
} from '../../domain/org/settings';
import { OrgDoc, setOrgSetting } from '../../repos/orgs';
import type { Ctx } from '../../runtime/context';
import { AppError } from '../../runtime/errors';
import { action } from '../../runtime/handler';

/** Changes one branch setting and audits the change, with its reason (schedule rule, …). */
export async function updateOrgSetting(
  ctx: Ctx,
  org: OrgDoc,
  key: string,
  before: unknown,
  after: unknown,
  reason?: string,
): Promise<void> {
  await ctx.write(async (tx) => {
    await setOrgSetting(org._id, key, after, tx);
    return {
      audit: {
        org,
        entity: `orgs.settings.${key}`,
        entityId: org._id,
        before,
        after,
        ...(reason ? { reason } : {}),
      },
    };
  });
}

/** The branch's settings, each with the rule it comes from and its default. */
export const settings = action({
  input: orgContract.settings.input,
  async run(ctx, input): Promise<OrgOutput<'settings'>> {
    const org = await ctx.require('org.read', input.orgId);
    return { orgId: org._id, items: settingRows(org) };
  },
});

/**
 * Changes one setting. Each override is stored with who, when and why (the audit entry carries
 * the reason). Settings that are the superior's to set need a superior administrator.
 */
export const setSetting = action({
  input: orgContract.setSetting.input,
  async run(ctx, input): Promise<OrgOutput<'setSetting'>> {
    const spec: SettingSpec = SETTINGS[input.key];
    const org = await ctx.require(
      spec.by === 'superior' ? 'org.administer' : 'org.configure',
      input.orgId,
    );
    const problem = checkSetting(input.key, input.value);
    if (problem) throw new AppError('INPUT.INVALID', problem, { ruleId: spec.ruleId });
    const before = settingOf(org, input.key);
    await updateOrgSetting(ctx, org, input.key, before, input.value, input.reason);
    return { orgId: org._id, key: input.key, value: input.value };
  },
});
