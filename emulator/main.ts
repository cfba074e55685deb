import * as path from 'path';
import { DEMO_NOW } from './demo-instant';
import { RISKY_DEMO_WORD } from './media-check';
import { DEMO_IDENTITIES } from './seeds';
import { startEmulator } from './server';

/** `npm start`: the local CloudBase emulator with demo data, persisted under DATA_DIR. */
async function main(): Promise<void> {
  const t0 = Date.now();
  const port = Number(process.env.PORT ?? 8787);
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');
  // Loopback only, unless the developer asks for more by name (a generic HOST variable, which
  // some shells and containers set to the machine's name, must not open it to the network).
  const host = process.env.EMULATOR_HOST ?? '127.0.0.1';
  const emu = await startEmulator({
    port,
    host,
    dataDir,
    seed: 'demo',
    seedClock: 'run',
    // Content checks answer by themselves after 3 s: pass, or risky for a name containing 违规.
    autoMediaCheck: 3000,
  });
  // Load every function once now, so the first request is not the slow one.
  for (const name of emu.host.names()) await emu.invoke(name, { action: '__warmup__' });
  const lines = [
    `先锋支部 本地云开发模拟器已启动（${Date.now() - t0} ms）`,
    `  地址        ${emu.url}    控制台 ${emu.url}/`,
    `  数据目录    ${dataDir}（云存储文件在 ${path.join(dataDir, 'storage')}）`,
    `  内容审核    图片、录音上传 3 秒后自动“通过”；文件名含“${RISKY_DEMO_WORD}”的判为违规（演示）`,
    `  云函数      ${emu.host.names().join(', ')}`,
    `  时钟        ${new Date(emu.clock.now()).toISOString()}（演示数据建于 ${DEMO_NOW}，时钟从该时刻起走；` +
      `POST /__emulator/clock {"now":null} 恢复真实时间）`,
    '',
    '演示身份（请求头 X-WX-OPENID）：',
    ...DEMO_IDENTITIES.map(([id, who]) => `  ${id.padEnd(32)} ${who}`),
    '',
    '试一试：',
    `  curl -s ${emu.url}/functions/org -H 'content-type: application/json' \\`,
    `       -H 'X-WX-OPENID: demo-secretary' -d '{"action":"me"}'`,
    '',
    '小程序连接本地模拟器：在 miniprogram/config.ts 中设 mode: "local"、emulatorUrl: "' +
      emu.url +
      '"，',
    '并在微信开发者工具中勾选「不校验合法域名」；演示身份可在「我的」页切换。',
    `让任意进程中的 wx-server-sdk 指向本模拟器：GET ${emu.url}/__emulator/env`,
  ];
  if (!/^(127\.|localhost$|::1$)/.test(host)) {
    lines.push(
      '',
      `注意：模拟器监听 ${host}，同一网络中的任何人都能以任意身份调用它、读取全部数据。仅在真机调试时这样做。`,
    );
  }
  console.log(lines.join('\n'));
  const stop = () => void emu.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
