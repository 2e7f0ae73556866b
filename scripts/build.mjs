// Bundles the two entry points with @vercel/ncc (as actions/checkout does) into dist/index.js
// (the action) and dist/cli.js (the CLI). Both are ESM: @actions/core 3 and @actions/github 9 are
// ESM-only. dist/ is committed; .ci/run checks it equals a fresh build.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, copyFile, mkdir, chmod, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const entries = [
  ['src/index.ts', 'index.js'],
  ['src/cli.ts', 'cli.js'],
];

await mkdir(path.join(root, 'dist'), { recursive: true });
await Promise.all(
  entries.map(async ([src, out]) => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'perf-gate-build-'));
    try {
      const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
      await run(process.execPath, [ncc, 'build', src, '-o', tmp, '--target', 'es2022', '--quiet'], { cwd: root });
      await copyFile(path.join(tmp, 'index.js'), path.join(root, 'dist', out));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }),
);
await chmod(path.join(root, 'dist', 'cli.js'), 0o755);
// Marks dist/ as ESM even when the bundle is copied somewhere without our package.json.
await writeFile(path.join(root, 'dist', 'package.json'), '{ "type": "module" }\n');
console.log('built dist/index.js and dist/cli.js');
