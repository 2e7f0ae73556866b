#!/usr/bin/env node
/**
 * `perf-gate <command>`: parses flags, calls the core, prints, exits. Every failure ends in one
 * line (per plan problem) on stderr and the exit code from errors.ts, never a stack trace.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Logger, Outcome } from './core.js';
import { abRounds, runnerProbeSetting } from './input-checks.js';
import { ReportFolder } from './baseline/report-folder.js';
import { BaselineError, describeError, exitCodeFor, EXIT, PlanError, UsageError } from './errors.js';
import { FileStore } from './baseline/file-store.js';
import { existsSync } from 'node:fs';
import { ProgressPrinter, renderConsole } from './report/console.js';
import { failurePhrase } from './model/format.js';
import { VERSION } from './version.js';
import { catchStrayErrors, failIfUnfinished, interruptSignal } from './interrupt.js';
import { Redactor } from './model/redact.js';

// Start-up: the engine (core, plan, load, gate) and the demo server are chunks of their own, loaded
// by the command that needs them, so --version and --help start without them.
const loadEngine = () => import('./core.js');
const loadShard = () => import('./load/shard.js');

const HELP = `perf-gate ${VERSION}: performance gate for pull requests and nightly builds

Usage:
  perf-gate run PLAN.yml [--target URL] [--baseline FILE [--force-baseline]] [--save-baseline FILE] [--history DIR]
                        [--no-confirm] [--out DIR] [--stage NAME]... [--quiet]
  perf-gate run PLAN.yml --shard i/n [--target URL] [--out DIR] [--stage NAME]... [--quiet]
  perf-gate merge REPORT.json... [--plan PLAN.yml] [--baseline FILE [--force-baseline]] [--out DIR] [--quiet]
  perf-gate ab PLAN.yml --base-ref REF [--rebuild] [--rounds N] [--out DIR] [--stage NAME]... [--quiet]
  perf-gate ab PLAN.yml --base-url URL --head-url URL [--rounds N] [--out DIR] [--stage NAME]... [--quiet]
  perf-gate compare BASELINE.json CURRENT.json [--plan PLAN.yml] [--force-baseline] [--out DIR]
  perf-gate compare --from k6|locust [BASELINE] CURRENT [--plan GATE.yml] [--baseline FILE] [--save-baseline FILE]
                    [--stage NAME] [--force-baseline] [--out DIR] [--quiet]
  perf-gate validate PLAN.yml
  perf-gate demo [--out DIR] [--quiet]       (demo --serve PORT: only start the demo target)
  perf-gate --version | --help

  --force-baseline compare with a baseline saved for another plan (its load shape differs) all the same
  --no-confirm     fail on the first run: by default (as in the action) a stage that fails a regression rule runs
                   once more, and fails only if the re-run agrees (--confirm is accepted and is the default)
  --history DIR    past report.json files (any *.json in DIR) for band rules ("+3σ", "band") and the trend
  ab               base and head in alternating rounds on this machine, gated on the paired rounds (default 10)
  --base-ref REF   ab: check out REF as a worktree, run target.build in it and here, start both with
                   target.start on free ports (\${PORT}, \${SIDE} = base|head), stop both and remove the worktree;
                   --rebuild: build this checkout even when it is already built at this commit, unchanged
  --shard i/n      run shard i of n (a matrix job): 1/n of every stage's load, an ungated report for merge
  merge            the n shard reports (files, or folders holding them) merged exactly and gated as one run
  --from k6|locust gate another tool's results: k6 --summary-export, handleSummary or machine-readable JSON, Locust
                   PREFIX_stats.csv (0.x: PREFIX_requests.csv; history, failures and exceptions CSVs beside it are read);
                   BASELINE is the same tool's file or a report.json saved with --save-baseline; --plan takes a
                   gate file (thresholds:, regression:, name:); the stage is named after the tool unless --stage

Exit codes: 0 pass (warnings allowed), 1 gate failed, 2 unusable input, 3 target unreachable.`;

/** The plan's secrets, once it has loaded (`onSecrets`): hidden in every line this process prints. */
const redactor = new Redactor();
const onSecrets = (values: string[]): void => void redactor.add(values);

const log: Logger = {
  info: (m) => process.stderr.write(`${redactor.text(m)}\n`),
  warn: (m) => process.stderr.write(`warning: ${redactor.text(m)}\n`),
};

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, positionals: number[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    // Node's wording ("Unknown option '--x'. To specify a positional argument...") trimmed to its point.
    const message = (err as Error).message
      .split('\n')[0]!
      .replace(/\. To specify a positional.*$/, '')
      .replace(/'/g, '');
    throw new UsageError(`${message.charAt(0).toLowerCase()}${message.slice(1)} (see perf-gate --help)`);
  }
  const [min, max] = positionals;
  if (parsed.positionals.length < min! || parsed.positionals.length > max!) {
    throw new UsageError(`expected ${min === max ? min : `${min} to ${max}`} argument(s), got ${parsed.positionals.length} (see perf-gate --help)`);
  }
  return parsed;
}

/** --baseline names a file the user expects to exist: a typo is exit 2, not "no baseline yet". */
function existingFileStore(file: string, force: boolean): FileStore {
  if (!existsSync(file)) throw new BaselineError(`cannot read ${file}: no such file`);
  return new FileStore({ file, force });
}

/** --history names a folder the user expects to exist. */
function existingFolder(dir: string): ReportFolder {
  if (!existsSync(dir)) throw new BaselineError(`cannot read the history folder ${dir}: no such folder`);
  return new ReportFolder(dir);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function finish(outcome: Outcome, quiet: boolean): number {
  const r = outcome.report;
  const failedChecks = r.checks.filter((c) => c.verdict === 'fail').length;
  process.stdout.write(
    quiet ? `${r.verdict.toUpperCase()}: ${plural(r.stages.length, 'stage')}, ${plural(failedChecks, 'failed check')}\n` : `${renderConsole(r)}\n`,
  );
  process.stdout.write(`report: ${path.relative(process.cwd(), outcome.reportPath)}\n`);
  process.stdout.write(`html report: ${path.relative(process.cwd(), outcome.htmlPath)}\n`);
  if (outcome.saveError) {
    process.stderr.write(`perf-gate: the baseline could not be saved: ${redactor.text(outcome.saveError)}\n`);
    return EXIT.badInput;
  }
  if (outcome.report.cancelled) {
    process.stderr.write('perf-gate: the run was interrupted: the report is partial\n');
    return EXIT.interrupted;
  }
  if (outcome.report.verdict === 'fail') {
    const failed = outcome.report.checks.filter((c) => c.verdict === 'fail').map(failurePhrase);
    process.stderr.write(`perf-gate: the gate failed: ${failed.join('; ')}\n`);
    return EXIT.gateFailed;
  }
  return EXIT.pass;
}

async function runCommand(args: string[], planOverride?: { file: string; target: string; env: Record<string, string | undefined> }): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      target: { type: 'string' },
      baseline: { type: 'string' },
      'save-baseline': { type: 'string' },
      out: { type: 'string' },
      stage: { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      confirm: { type: 'boolean' },
      'no-confirm': { type: 'boolean' },
      history: { type: 'string' },
      shard: { type: 'string' },
      'force-baseline': { type: 'boolean' },
    },
    planOverride ? [0, 0] : [1, 1],
  );
  const [{ runAndGate }, { parseShard }] = await Promise.all([loadEngine(), loadShard()]);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard as string);
  const quiet = values.quiet === true;
  const progress = new ProgressPrinter(process.stderr);
  const target = (values.target as string | undefined) ?? planOverride?.target;
  const outcome = await runAndGate({
    planFile: planOverride?.file ?? positionals[0]!,
    targetUrl: target,
    baseline: values.baseline !== undefined ? { store: existingFileStore(values.baseline as string, values['force-baseline'] === true) } : undefined,
    save:
      values['save-baseline'] !== undefined
        ? { store: new FileStore({ file: values['save-baseline'] as string }), commit: 'local', run: new Date().toISOString() }
        : undefined,
    outDir: (values.out as string | undefined) ?? 'perf-gate-report',
    stages: values.stage as string[] | undefined,
    env: planOverride?.env ?? process.env,
    cwd: process.cwd(),
    signal: interruptSignal(log.warn),
    log,
    onSecrets,
    // The action's default too: one verdict from either door on the same numbers. A shard is not
    // gated, so only an explicit --confirm reaches it (and is refused there).
    confirm: shard ? values.confirm === true : values['no-confirm'] !== true,
    runnerProbe: runnerProbeSetting(process.env),
    history: values.history !== undefined ? existingFolder(values.history as string) : undefined,
    shard,
    onStageStart: quiet
      ? undefined
      : (s, i, n, again) => {
          progress.end();
          log.info(`[${again ? 'again ' : ''}${i + 1}/${n}] ${s.name} (${s.kind}${s.protocol === 'ws' ? ', ws' : ''})`);
        },
    onProgress: quiet ? undefined : (p) => progress.update({ ...p, stage: redactor.text(p.stage) }),
  });
  progress.end();
  return finish(outcome, quiet);
}

async function abCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      'base-url': { type: 'string' },
      'head-url': { type: 'string' },
      'base-ref': { type: 'string' },
      rebuild: { type: 'boolean' },
      rounds: { type: 'string' },
      out: { type: 'string' },
      stage: { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
    },
    [1, 1],
  );
  const baseRef = values['base-ref'] as string | undefined;
  if (baseRef === undefined && (values['base-url'] === undefined || values['head-url'] === undefined)) {
    throw new UsageError(
      'ab needs --base-ref REF (perf-gate builds and starts both sides), or both --base-url URL and --head-url URL (the two builds, already running)',
    );
  }
  const rounds = abRounds(values.rounds as string | undefined, '--rounds');
  const quiet = values.quiet === true;
  const progress = new ProgressPrinter(process.stderr);
  const { runAbAndGate } = await loadEngine();
  const outcome = await runAbAndGate({
    planFile: positionals[0]!,
    baseUrl: values['base-url'] as string | undefined,
    headUrl: values['head-url'] as string | undefined,
    baseRef,
    rebuild: values.rebuild === true,
    rounds,
    outDir: (values.out as string | undefined) ?? 'perf-gate-report',
    stages: values.stage as string[] | undefined,
    env: process.env,
    cwd: process.cwd(),
    signal: interruptSignal(log.warn),
    log,
    onSecrets,
    onRound: quiet
      ? undefined
      : (s, round, n, side) => {
          progress.end();
          log.info(`${s.name} round ${round + 1}/${n}: ${side}`);
        },
    onProgress: quiet ? undefined : (p) => progress.update({ ...p, stage: redactor.text(p.stage) }),
  });
  progress.end();
  return finish(outcome, quiet);
}

async function compareCommand(args: string[]): Promise<number> {
  if (args.some((a) => a === '--from' || a.startsWith('--from='))) return compareImportCommand(args);
  const { values, positionals } = parse(
    args,
    { plan: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' }, 'force-baseline': { type: 'boolean' } },
    [2, 2],
  );
  const { compareReports } = await loadEngine();
  const outcome = await compareReports({
    baselineFile: positionals[0]!,
    currentFile: positionals[1]!,
    planFile: values.plan as string | undefined,
    outDir: (values.out as string | undefined) ?? 'perf-gate-report',
    env: process.env,
    cwd: process.cwd(),
    force: values['force-baseline'] === true,
  });
  return finish(outcome, values.quiet === true);
}

/** `compare --from k6|locust [BASELINE] CURRENT`: another tool's results, gated like a run. */
async function compareImportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      from: { type: 'string' },
      plan: { type: 'string' },
      baseline: { type: 'string' },
      'save-baseline': { type: 'string' },
      stage: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      'force-baseline': { type: 'boolean' },
    },
    [1, 2],
  );
  const [{ compareImported }, { importTool }] = await Promise.all([loadEngine(), import('./import/index.js')]);
  const tool = importTool(values.from as string);
  if (positionals.length === 2 && values.baseline !== undefined) {
    throw new UsageError('give the baseline once: as the first of two files, or as --baseline FILE');
  }
  const stage = values.stage as string | undefined;
  if (stage !== undefined && stage.trim() === '') throw new UsageError('--stage takes a stage name, got an empty one');
  const outcome = await compareImported({
    tool,
    resultsFile: positionals.at(-1)!,
    baselineFile: positionals.length === 2 ? positionals[0] : (values.baseline as string | undefined),
    save:
      values['save-baseline'] !== undefined
        ? { store: new FileStore({ file: values['save-baseline'] as string }), commit: 'local', run: new Date().toISOString() }
        : undefined,
    planFile: values.plan as string | undefined,
    stage,
    outDir: (values.out as string | undefined) ?? 'perf-gate-report',
    env: process.env,
    cwd: process.cwd(),
    force: values['force-baseline'] === true,
    log,
  });
  return finish(outcome, values.quiet === true);
}

async function mergeCommand(args: string[]): Promise<number> {
  const [{ mergeAndGate }, { MAX_SHARDS }] = await Promise.all([loadEngine(), loadShard()]);
  const { values, positionals } = parse(
    args,
    { plan: { type: 'string' }, baseline: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' }, 'force-baseline': { type: 'boolean' } },
    [1, MAX_SHARDS],
  );
  const outcome = await mergeAndGate({
    shardFiles: positionals,
    planFile: values.plan as string | undefined,
    baseline: values.baseline !== undefined ? { store: existingFileStore(values.baseline as string, values['force-baseline'] === true) } : undefined,
    outDir: (values.out as string | undefined) ?? 'perf-gate-report',
    env: process.env,
    cwd: process.cwd(),
    log,
  });
  return finish(outcome, values.quiet === true);
}

async function validateCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, [1, 1]);
  const { loadPlan } = await import('./plan/index.js');
  const plan = await loadPlan(positionals[0]!, process.env);
  process.stdout.write(`${positionals[0]}: ok (${plural(plan.stages.length, 'stage')}, ${plural(plan.requests.length, 'request')})\n`);
  return EXIT.pass;
}

/** The demo plan ships beside the bundle: dist/cli.js → ../examples/plan.yml. */
function demoPlanPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.relative(process.cwd(), path.join(here, '..', 'examples', 'plan.yml'));
}

/** `demo --serve PORT`: only the demo target, until stopped (for the action's self-test workflow). */
async function serveDemo(portText: string): Promise<number> {
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--serve takes a port number, got "${portText}"`);
  const { startDemoServer } = await import('./demo/server.js');
  const server = await startDemoServer(port);
  log.info(`demo target listening on ${server.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT.pass;
}

async function demoCommand(args: string[]): Promise<number> {
  const serveAt = args.indexOf('--serve');
  if (serveAt >= 0) return serveDemo(args[serveAt + 1] ?? '');
  const { startDemoServer } = await import('./demo/server.js');
  const server = await startDemoServer();
  log.info(`demo target listening on ${server.url}; running ${demoPlanPath()} against it`);
  try {
    const env = { ...process.env, PERF_USER: process.env.PERF_USER ?? 'demo', PERF_PASS: process.env.PERF_PASS ?? 'demo' };
    return await runCommand(args, { file: demoPlanPath(), target: server.url, env });
  } finally {
    await server.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return runCommand(rest);
    case 'compare':
      return compareCommand(rest);
    case 'validate':
      return validateCommand(rest);
    case 'demo':
      return demoCommand(rest);
    case 'ab':
      return abCommand(rest);
    case 'merge':
      return mergeCommand(rest);
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return EXIT.pass;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${HELP}\n`);
      return command === undefined ? EXIT.badInput : EXIT.pass;
    default:
      throw new UsageError(`unknown command "${command}" (commands: run, merge, ab, compare, validate, demo; see perf-gate --help)`);
  }
}

catchStrayErrors((line) => process.stderr.write(`${redactor.text(line)}\n`));
// main() always ends in process.exit: a drained event loop before that means it never settled.
failIfUnfinished(
  () => false,
  (line) => process.stderr.write(`${line}\n`),
);

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    // Plan problems stay in the bare file:line:col form that editors and problem matchers parse.
    const message = redactor.text(describeError(err));
    process.stderr.write(err instanceof PlanError ? `${message}\n` : `perf-gate: ${message}\n`);
    process.exit(exitCodeFor(err));
  },
);
