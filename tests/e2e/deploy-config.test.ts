import { readFileSync } from 'fs';
import * as path from 'path';
import { functionNames } from '../../scripts/build';
import { COLLECTIONS } from '../../cloudfunctions/_shared/repos/collections';
import { buildSeed } from '../../emulator/seeds';

const root = path.resolve(__dirname, '../..');

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
});
