import { readFileSync } from 'fs';
import * as path from 'path';
import { functionNames } from '../../scripts/build';
import { COLLECTIONS } from '../../cloudfunctions/_shared/repos/collections';
import { buildSeed } from '../../emulator/seeds';
import { cloudPathFor } from '../../cloudfunctions/_shared/domain/media/rules';
import { codePath, exportDir } from '../../cloudfunctions/_shared/app/media/paths';
import {
  CLIENT_UPLOAD_PATH,
  STORAGE_SECURITY_RULE,
} from '../../cloudfunctions/_shared/repos/storage-spec';
import { storageSteps } from '../../scripts/deploy-db';

const root = path.resolve(__dirname, '../..');
const json = (...p: string[]) => JSON.parse(readFileSync(path.join(root, ...p), 'utf8'));

describe('deploy configuration', () => {
  it('declares every function folder in cloudbaserc.json, and nothing else', () => {
    const rc = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8'));
    expect(rc.functions.map((f: { name: string }) => f.name).sort()).toEqual(functionNames());
  });
  it('gives every function a wx-server-sdk-only package.json and a config.json', () => {
    for (const name of functionNames()) {
      const pkg = JSON.parse(
        readFileSync(path.join(root, 'cloudfunctions', name, 'package.json'), 'utf8'),
      );
      expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk']);
      expect(() =>
        JSON.parse(readFileSync(path.join(root, 'cloudfunctions', name, 'config.json'), 'utf8')),
      ).not.toThrow();
    }
  });
  it('seeds only declared collections', () => {
    const declared = new Set(COLLECTIONS.map((c) => c.name));
    for (const name of Object.keys(buildSeed('demo', new Date())))
      expect(declared.has(name)).toBe(true);
  });
  it('keeps cloudbaserc.json and each config.json in step: the same timer triggers', () => {
    const rc = json('cloudbaserc.json');
    for (const name of functionNames()) {
      const entry = rc.functions.find((f: { name: string }) => f.name === name);
      const config = json('cloudfunctions', name, 'config.json');
      expect([name, entry.triggers ?? []]).toEqual([name, config.triggers ?? []]);
    }
  });
  it('declares every openapi the production ports call in some function’s config.json', () => {
    const wx = readFileSync(path.join(root, 'cloudfunctions/_shared/adapters/wx.ts'), 'utf8');
    const called = [...wx.matchAll(/openapi\.(\w+)\.(\w+)/g)].map((m) => `${m[1]}.${m[2]}`);
    const declared = new Set(
      functionNames().flatMap((n) => json('cloudfunctions', n, 'config.json').permissions.openapi),
    );
    expect(called).toContain('security.mediaCheckAsync');
    expect(called.filter((c) => !declared.has(c))).toEqual([]);
    expect(json('cloudfunctions/media/config.json').permissions.openapi).toEqual([
      'security.mediaCheckAsync',
    ]);
  });
});

describe('cloud storage: per-org paths and a rule that lets clients upload only [issue 15 §5]', () => {
  const now = new Date('2026-12-01T01:00:00Z');
  const rule = JSON.parse(JSON.stringify(STORAGE_SECURITY_RULE));
  const inRule = new RegExp(/\/(\^.*\$)\/\.test/.exec(rule.write)![1]);
  it('lets a client read back only its own uploads, never another member’s or org’s file', () => {
    expect(rule.read).toBe('auth != null && auth.openid != null && resource.openid == auth.openid');
  });
  it('lets a signed-in WeChat user write only their own object, under an upload path', () => {
    expect(rule.write).toMatch(
      /^auth != null && auth\.openid != null && resource\.openid == auth\.openid && /,
    );
    expect(rule.write).toMatch(/\.test\(resource\.path\) == true$/);
    const upload = cloudPathFor('demo-branch', 'record', '0123456789abcdef', 'jpg', now);
    for (const re of [CLIENT_UPLOAD_PATH, inRule]) {
      expect(re.test(upload)).toBe(true);
      for (const generated of [
        `${exportDir('demo-branch', 'dues')}/x/台账.xlsx`,
        codePath('demo-branch', 'demo-theme-day', 'activity.png'),
        'orgs/demo-branch/record/2026-12/../../exports/a.jpg',
        'orgs/demo-branch/elsewhere/2026-12/0123456789abcdef.jpg',
        'exports/demo-branch/a.xlsx',
      ])
        expect([generated, re.test(generated)]).toEqual([generated, false]);
    }
  });
  it('prints the storage rule and the 消息推送 steps with the database deployment', () => {
    const steps = storageSteps();
    expect(steps).toContain(JSON.stringify(STORAGE_SECURITY_RULE));
    expect(steps).toMatch(/消息推送/);
    expect(steps).toMatch(/云函数/);
    expect(steps).toMatch(/事件类型 wxa_media_check；云函数 media/);
    expect(steps).toContain('orgs/<orgId>/');
  });
});
