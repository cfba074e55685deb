// Jest transformer: TypeScript and TDesign's ESM to CommonJS with esbuild (type errors are
// caught by `npm run typecheck`). esbuild rather than @swc: its platform binaries are the ones
// this project's registry serves, so `npm ci` works on a clean machine.
const { transformSync } = require('esbuild');
const { createHash } = require('crypto');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: filename.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'es2022',
      sourcemap: 'external',
      sourcefile: filename,
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update(source).update(filename).update('esbuild-1').digest('hex');
  },
};
