/**
 * `npx tsx scripts/deploy-db.ts`: creates every collection declared in
 * cloudfunctions/_shared/repos/collections.ts in the CloudBase environment named by TCB_ENV
 * (credentials TENCENTCLOUD_SECRETID/SECRETKEY), and prints the indexes and the security rule
 * to apply. Idempotent: existing collections are left as they are.
 *
 * Permission for every collection is "仅管理端可读写" — the rule below — so the mini-program can
 * never read or write the database directly; only cloud functions can.
 */
import cloud from 'wx-server-sdk';
import { COLLECTIONS } from '../cloudfunctions/_shared/repos/collections';

export const SECURITY_RULE = { read: false, write: false };

async function main(): Promise<void> {
  const env = process.env.TCB_ENV;
  if (!env || !process.env.TENCENTCLOUD_SECRETID || !process.env.TENCENTCLOUD_SECRETKEY) {
    console.error('需要环境变量 TCB_ENV、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY');
    process.exit(1);
  }
  cloud.init({ env });
  const db = cloud.database();
  for (const c of COLLECTIONS) {
    try {
      await db.createCollection(c.name);
      console.log(`created   ${c.name}`);
    } catch (e) {
      const msg = String((e as { errMsg?: string }).errMsg ?? e);
      if (!/exist/i.test(msg)) throw e;
      console.log(`exists    ${c.name}`);
    }
    for (const i of c.indexes) {
      console.log(`  index   ${i.name} ${JSON.stringify(i.keys)}${i.unique ? ' unique' : ''}`);
    }
  }
  console.log(`\n安全规则（每个集合）：${JSON.stringify(SECURITY_RULE)}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
