import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

/**
 * No biometrics and no continuous or background location, anywhere [CHK-20, PRIV-16, PRIV-15]:
 * the sources of the mini-program and the cloud functions are scanned for the platform APIs that
 * would do it, and the app configuration for the permissions that would allow it. Sign-in takes
 * one location at most, once, when the branch turned the geofence on (CHK-10).
 */
const ROOT = join(__dirname, '..', '..');
const SOURCES = ['miniprogram', 'cloudfunctions', 'emulator'];
const SKIP = new Set(['node_modules', 'miniprogram_npm', 'dist', '.data']);
const EXT = /\.(ts|js|json|wxml|wxs)$/;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (EXT.test(name)) out.push(p);
  }
  return out;
}

const FACE = [
  'startFacialRecognitionVerify',
  'startFacialRecognitionVerifyAndUploadVideo',
  'checkIsSupportFacialRecognition',
  'faceDetect',
  'initFaceDetect',
  'startSoterAuthentication',
  'checkIsSupportSoterAuthentication',
  'createVKSession',
];
const CONTINUOUS_LOCATION = [
  'startLocationUpdateBackground',
  'startLocationUpdate',
  'onLocationChange',
  'scope.userLocationBackground',
  'onLocationChangeError',
];

const sources = SOURCES.flatMap((d) => files(join(ROOT, d))).map((p) => ({
  path: relative(ROOT, p),
  text: readFileSync(p, 'utf8'),
}));
const uses = (api: string) => sources.filter((f) => f.text.includes(api)).map((f) => f.path);

describe('no biometrics, no continuous location [CHK-20, PRIV-16]', () => {
  it('scans real sources (the scan is not empty)', () => {
    expect(sources.some((f) => f.path.endsWith('app.json'))).toBe(true);
    expect(uses('getLocation').length).toBeGreaterThan(0); // the one-off location exists and is found
  });
  it.each(FACE)('no face or biometric API: %s [PRIV-16, CHK-20]', (api) => {
    expect(uses(api)).toEqual([]);
  });
  it.each(CONTINUOUS_LOCATION)('no continuous or background location: %s [CHK-20]', (api) => {
    expect(uses(api)).toEqual([]);
  });
  it('asks for no background location mode or permission in app.json [CHK-20]', () => {
    const app = JSON.parse(readFileSync(join(ROOT, 'miniprogram', 'app.json'), 'utf8'));
    expect(app.requiredBackgroundModes ?? []).not.toContain('location');
    expect(Object.keys(app.permission ?? {})).not.toContain('scope.userLocationBackground');
    const privates: string[] = app.requiredPrivateInfos ?? [];
    expect(privates.filter((p) => /Location(Update|Change)|Background/.test(p))).toEqual([]);
  });
});
