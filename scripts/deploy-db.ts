/**
 * `npx tsx scripts/deploy-db.ts`: creates every collection declared in
 * cloudfunctions/_shared/repos/collections.ts in the CloudBase environment named by TCB_ENV
 * (credentials TENCENTCLOUD_SECRETID/SECRETKEY), and prints the indexes and the security rule
 * to apply. Idempotent: existing collections are left as they are.
 *
 * Permission for every collection is "仅管理端可读写" — the rule below — so the mini-program can
 * never read or write the database directly; only cloud functions can.
 *
 * It also prints the two steps of issue 15 that no API sets: the storage security rule (clients
 * upload only; every URL comes from the media function) and the 消息推送 of WeChat's content
 * check to the media function.
 */
import cloud from 'wx-server-sdk';
import { COLLECTIONS } from '../cloudfunctions/_shared/repos/collections';
import {
  STORAGE_FOLDERS,
  STORAGE_SECURITY_RULE,
} from '../cloudfunctions/_shared/repos/storage-spec';

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
  console.log(storageSteps());
}

/** The storage rule and the 消息推送 configuration, as steps in the CloudBase console. */
export function storageSteps(): string {
  return [
    '',
    '云存储（每个文件都在本党组织的目录下）：',
    ...STORAGE_FOLDERS.map((f) => `  ${f.path}\n    ${f.what}；地址：${f.url}`),
    '云开发控制台 → 存储 → 权限设置 → 自定义安全规则，填入：',
    `  ${JSON.stringify(STORAGE_SECURITY_RULE)}`,
    '',
    '内容安全检测结果的消息推送（照片和录音上传后由微信异步检测）：',
    '  云开发控制台 → 设置 → 其他设置 → 消息推送 → 添加消息推送配置：',
    '  推送模式 云函数；消息类型 event；事件类型 wxa_media_check；云函数 media',
  ].join('\n');
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
