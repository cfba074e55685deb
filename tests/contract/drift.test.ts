// The compiler enforces the contract: a function's route table is typed from `Api` (contracts/),
// so moving a route under another key, dropping one, or renaming a field of an action's output
// fails `npm run typecheck`. Each case compiles the real sources with one file changed in memory.
import * as path from 'path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'cloudfunctions/activity/index.ts');

function options(): ts.CompilerOptions {
  const file = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(file.config, ts.sys, ROOT).options;
}

let previous: ts.Program | undefined;

/** Type errors of the activity function with `mutate` applied to one source file. */
function errorsWith(target: string, mutate: (text: string) => string): string[] {
  const opts = { ...options(), noEmit: true };
  const host = ts.createCompilerHost(opts);
  const read = host.readFile.bind(host);
  host.readFile = (f) => {
    const text = read(f);
    return text !== undefined && path.resolve(f) === path.resolve(target) ? mutate(text) : text;
  };
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, onError) => {
    if (path.resolve(f) !== path.resolve(target)) return getSourceFile(f, lang, onError);
    return ts.createSourceFile(f, mutate(read(f) ?? ''), lang);
  };
  const program = ts.createProgram([ENTRY], opts, host, previous);
  previous = program;
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** The contract file that declares the sign-in output (found, so a split of contracts/ is fine). */
function contractDeclaring(field: string): string {
  const dir = path.join(ROOT, 'cloudfunctions/_shared/contracts');
  const files = ts.sys.readDirectory(dir, ['.ts'], undefined, undefined);
  const hit = files.find((f) => new RegExp(`\\b${field}\\b`).test(ts.sys.readFile(f) ?? ''));
  if (!hit) throw new Error(`no contract declares ${field}`);
  return hit;
}

describe('the contract is enforced by the compiler', () => {
  it('compiles the activity function as it is', () => {
    expect(errorsWith(ENTRY, (t) => t)).toEqual([]);
  });

  it('fails when a route is moved under another key', () => {
    const errors = errorsWith(ENTRY, (t) => {
      const moved = t.replace(/^(\s*)checkin,$/m, '$1signIn: checkin,');
      if (moved === t) throw new Error('the route table no longer lists `checkin,`');
      return moved;
    });
    expect(errors.join('\n')).toMatch(/signIn|checkin/);
  });

  it('fails when an output field is renamed in the contract', () => {
    const file = contractDeclaring('alreadyCheckedIn');
    const errors = errorsWith(file, (t) => t.replace(/\balreadyCheckedIn\b/g, 'alreadySignedIn'));
    expect(errors.join('\n')).toMatch(/alreadySignedIn|alreadyCheckedIn/);
  });
});
