// Bundles the entry points with @vercel/ncc (as actions/checkout does) into dist/index.js
// (the action), dist/cli.js (the CLI) and dist/worker.js (a stage's worker threads). All are ESM:
// @actions/core 3 and @actions/github 9 are ESM-only. dist/ is committed; .ci/run checks it equals
// a fresh build.
//
// A dynamic import() in the sources becomes a chunk file beside its bundle, loaded when the
// import() runs: `<chunk id>.<bundle>`, such as dist/123.index.js for dist/index.js, so the bundles'
// chunks never share a name. The chunk ids are webpack's deterministic ones (from the modules'
// paths): the same sources and node_modules give the same files. Every build removes the chunk
// files of the previous one first (any `<id>.<bundle>` in dist/ for a bundle built here), so none
// linger; commit the new ones with the bundles.
//
// Each bundle is built in a child process (`node scripts/build.mjs --one SRC OUT DIR`) through ncc's
// API: its CLI always names the bundle index.js, and so every chunk <id>.index.js.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, copyFile, mkdir, chmod, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const entries = [
  ['src/index.ts', 'index.js'],
  ['src/cli.ts', 'cli.js'],
  ['src/load/worker-entry.ts', 'worker.js'], // a stage's worker threads (`workers:`), found beside the other two
];

/** `<chunk id>.<bundle>`: a chunk of that bundle. */
const isChunkOf = (file, bundle) => file.endsWith(`.${bundle}`) && /^[\w-]+$/.test(file.slice(0, -bundle.length - 1));
/** A chunk of one of our bundles: this build's to remove and write. */
const isOwnedChunk = (file) => entries.some(([, out]) => isChunkOf(file, out));

if (process.argv[2] === '--one') {
  await buildOne(...process.argv.slice(3));
} else {
  await buildAll();
}

/** One bundle into `outDir`: the bundle `out` and its chunks. */
async function buildOne(src, out, outDir) {
  const ncc = createRequire(import.meta.url)('@vercel/ncc');
  // The options of `ncc build SRC --target es2022 --quiet`, but the bundle's own name for its chunks.
  // cache: false: ncc's default webpack cache (~/.cache/ncc/<hash of cwd>) is shared by the three
  // bundles built at once, and a fresh clone's first build came out with other import numbering than
  // a warm one: without it every build is a cold one, and the same.
  const { code, assets } = await ncc(path.join(root, src), { filename: out, target: 'es2022', quiet: true, assetBuilds: false, cache: false });
  await writeFile(path.join(outDir, out), code);
  for (const [name, asset] of Object.entries(assets)) {
    if (name === 'package.json') continue; // { "type": "module" }: dist/package.json says it for all bundles
    // Only chunks are expected: anything else the bundle would look for beside itself is not in dist/.
    if (!isChunkOf(name, out)) throw new Error(`${src}: ncc emitted ${name}, which the build does not copy to dist/`);
    await writeFile(path.join(outDir, name), asset.source);
  }
}

async function buildAll() {
  const dist = path.join(root, 'dist');
  const tmp = await mkdtemp(path.join(tmpdir(), 'perf-gate-build-'));
  try {
    const built = await Promise.all(
      entries.map(async ([src, out]) => {
        const dir = path.join(tmp, out);
        await mkdir(dir);
        await run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--one', src, out, dir], { cwd: root });
        return [dir, await readdir(dir)];
      }),
    );
    // Only once every bundle built: the old chunks out, the new bundles and chunks in.
    await mkdir(dist, { recursive: true });
    await Promise.all((await readdir(dist)).filter(isOwnedChunk).map((file) => rm(path.join(dist, file))));
    for (const [dir, files] of built) {
      for (const file of files) await copyFile(path.join(dir, file), path.join(dist, file));
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  await chmod(path.join(dist, 'cli.js'), 0o755);
  // Marks dist/ as ESM even when the bundle is copied somewhere without our package.json.
  await writeFile(path.join(dist, 'package.json'), '{ "type": "module" }\n');
  const chunks = (await readdir(dist)).filter(isOwnedChunk);
  console.log(`built ${entries.map(([, out]) => `dist/${out}`).join(', ')}${chunks.length ? ` and ${chunks.length} chunk file(s)` : ''}`);
}
