/**
 * The deployable artefact, not the sources: `npm run build`'s bundle of a function, loaded in a
 * separate Node process with no node_modules to lean on, pointed at the emulator by environment
 * variables alone, with the caller's identity coming from getWXContext() exactly as in CloudBase.
 */
import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { bundle } from '../../scripts/build';
import { Backend, startBackend } from '../support/backend';

const run = promisify(execFile);
let b: Backend;
let dir: string;
beforeAll(async () => {
  b = await startBackend();
  dir = mkdtempSync(path.join(tmpdir(), 'xfzb-bundle-'));
  await bundle('org', path.join(dir, 'index.js'));
  await bundle('export', path.join(dir, 'export.js'));
  await bundle('activity', path.join(dir, 'activity.js'));
});
afterAll(async () => {
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

async function callBundle(event: object, openid: string, file = 'index.js'): Promise<any> {
  const script = `require('./${file}').main(${JSON.stringify(event)}, {}).then(r => process.stdout.write(JSON.stringify(r)))`;
  const { stdout } = await run(process.execPath, ['-e', script], {
    cwd: dir, // no node_modules here: every dependency must be inside the bundle
    env: {
      PATH: process.env.PATH ?? '',
      ...b.emulator.env,
      // How CloudBase hands the caller to a function: getWXContext() reads these.
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      WX_OPENID: openid,
      WX_APPID: 'wx-local',
      WX_UNIONID: '',
    },
  });
  return JSON.parse(stdout);
}

describe('the built bundle', () => {
  it('runs self-contained and takes the caller from getWXContext()', async () => {
    const res = await callBundle({ action: 'me' }, 'demo-secretary');
    expect(res).toMatchObject({
      ok: true,
      data: { member: { name: '李红' }, roles: [{ role: 'secretary' }] },
    });
  });
  it('ignores an identity smuggled into the event', async () => {
    const res = await callBundle(
      { action: 'me', userInfo: { openId: 'demo-secretary' }, openid: 'demo-secretary' },
      'demo-member-1',
    );
    expect(res.data.member.id).toBe('demo-member-1');
  });
});

describe('the spreadsheet library', () => {
  // exceljs's own markers: its workbook writer and the name it gives the files it writes.
  const EXCELJS = /WorkbookWriter|sharedStrings\.xml/;
  it('is bundled into the export function only: the activity bundle stays without it', () => {
    expect(readFileSync(path.join(dir, 'export.js'), 'utf8')).toMatch(EXCELJS);
    expect(readFileSync(path.join(dir, 'activity.js'), 'utf8')).not.toMatch(EXCELJS);
  });
  it('loads self-contained in the export bundle, which renders for other functions only', async () => {
    const res = await callBundle(
      { action: 'render', data: { dir: 'x', spec: { fileName: '假的台账.xlsx', sheets: [] } } },
      'demo-secretary',
      'export.js',
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
