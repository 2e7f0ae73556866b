/**
 * Plan input fuzz: thousands of mutants of real plans (the example, the bench plans, the SPEC §2
 * example) through parsePlan, and a few through the bundled CLI. Whatever the input, the result is a
 * Plan within its limits, or a PlanError whose every problem is located inside the file and reads
 * like a message, never a crash, a hang, a stack overflow or a leaked `undefined`.
 *
 * PERF_GATE_FUZZ_SEED=<n> replays another seed; a failure prints the seed, the case and the mutant.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanError } from '../../src/errors.js';
import { dataReaderBeside } from '../../src/plan/check-data.js';
import { parsePlan } from '../../src/plan/index.js';
import { LIMIT_CEILINGS, MAX_TIMER_MS } from '../../src/plan/check-limits.js';
import { plannedDurationMs, plannedRequests } from '../../src/plan/stage-time.js';
import type { Plan } from '../../src/plan/types.js';
import { mutate, Rng, type Seed } from '../helpers/fuzz.js';
import { ROOT, runCli } from '../helpers/process.js';

const SEED = Number(process.env.PERF_GATE_FUZZ_SEED ?? 20261124);
const CASES = 3000;
/** Generous: about 10 s alone on a 2-core runner, up to 30 s when other processes share it. */
const BUDGET_MS = 60_000;
/** One mutant, however hostile, is parsed or refused well within this. */
const CASE_BUDGET_MS = 2_000;

/** Everything the seeds' `${...}` need, so the unmutated seeds are valid plans. */
const ENV = { PERF_USER: 'fuzz-user', PERF_PASS: 'fuzz-pass', BENCH_RATE: '5000', BENCH_DURATION_S: '15' };

const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

function seeds(): Seed[] {
  const bench = readdirSync(path.join(ROOT, 'bench', 'plans'))
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => ({ name: `bench/plans/${f}`, text: read(`bench/plans/${f}`) }));
  return [
    { name: 'examples/plan.yml', text: read('examples/plan.yml') },
    ...bench,
    { name: 'SPEC §2 (test/fixtures/spec-plan.yml)', text: read('test/fixtures/spec-plan.yml') },
    { name: 'test/fixtures/stress-soak-plan.yml', text: read('test/fixtures/stress-soak-plan.yml') },
  ];
}

const BAD_WORDS = ['internal error', 'undefined', '[object Object]', 'NaN', 'Maximum call stack'];

/** Every number of the plan, with its path, for the finiteness check. */
function numbers(value: unknown, at: string, out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbers(v, `${at}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) numbers(v, `${at}.${k}`, out);
  return out;
}

/** What is wrong with an accepted plan: a number that is not finite, or a stage over the plan's limits. */
function planViolations(plan: Plan): string[] {
  const out: string[] = [];
  // `json:` bodies are the user's data, sent as written: only the plan's own numbers count.
  const own = { ...plan, requests: plan.requests.map(({ json: _json, ...r }) => r), session: plan.session.map(({ json: _json, ...r }) => r) };
  for (const [at, n] of numbers(own, 'plan')) if (!Number.isFinite(n)) out.push(`${at} = ${n}`);
  const { limits } = plan;
  for (const key of Object.keys(LIMIT_CEILINGS) as (keyof typeof LIMIT_CEILINGS)[])
    if (limits[key] > LIMIT_CEILINGS[key]) out.push(`limits.${key} ${limits[key]} is above its ceiling`);
  let ms = 0;
  let requests = 0;
  for (const s of plan.stages) {
    ms += plannedDurationMs(s);
    requests += plannedRequests(s) ?? 0;
    const peak = s.kind === 'spike' ? s.toRate : s.kind === 'load' && s.model === 'open' ? s.rate : 0;
    if (peak > limits.maxRate) out.push(`stage ${s.name}: rate ${peak} > ${limits.maxRate}`);
    const concurrency = Math.max(
      s.kind === 'burst' ? s.size : 0,
      s.kind === 'load' && s.model === 'closed' ? s.vus : 0,
      s.connections ?? 0,
      s.protocol === 'http' && s.kind !== 'baseline' && s.kind !== 'burst' ? s.maxInFlight : 0,
    );
    if (concurrency > limits.maxConnections) out.push(`stage ${s.name}: concurrency ${concurrency} > ${limits.maxConnections}`);
    const timers = [s.kind === 'load' && s.model === 'closed' ? s.thinkMs : 0, s.kind === 'burst' ? s.pauseMs : 0, plannedDurationMs(s)];
    if (timers.some((t) => t > MAX_TIMER_MS)) out.push(`stage ${s.name}: a timer over ${MAX_TIMER_MS} ms`);
  }
  if (ms > limits.maxDurationMs) out.push(`planned ${ms} ms > ${limits.maxDurationMs}`);
  if (requests > limits.maxRequests) out.push(`scheduled ${requests} requests > ${limits.maxRequests}`);
  const timeouts = [plan.defaults.timeoutMs, plan.target.readyTimeoutMs, ...plan.requests.map((r) => r.timeoutMs), ...plan.session.map((r) => r.timeoutMs)];
  if (timeouts.some((t) => t <= 0 || t > MAX_TIMER_MS)) out.push(`a timeout out of (0, ${MAX_TIMER_MS}] ms: ${timeouts.join(', ')}`);
  return out;
}

/** Parse `text`; `problems` says what is wrong with the outcome ([] when it holds the property). */
function judge(text: string): { accepted: boolean; problems: string[] } {
  let plan: Plan;
  try {
    // Data files (bench/plans/loop-values.yml's users) are read beside the bench plans.
    plan = parsePlan(text, 'fuzz.yml', ENV, dataReaderBeside(path.join(ROOT, 'bench', 'plans', 'fuzz.yml')));
  } catch (err) {
    return { accepted: false, problems: refusalProblems(text, err) };
  }
  return { accepted: true, problems: planViolations(plan) };
}

function refusalProblems(text: string, err: unknown): string[] {
  {
    if (!(err instanceof PlanError)) return [`threw ${(err as Error)?.constructor?.name}: ${(err as Error)?.stack ?? String(err)}`];
    const lines = text.split('\n').length;
    const out: string[] = [];
    if (err.problems.length === 0) out.push('a PlanError without problems');
    for (const p of err.problems) {
      const where = `${p.line}:${p.col}: ${p.message}`;
      if (!(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1)) out.push(`line out of the file (${lines} lines): ${where}`);
      if (!(Number.isInteger(p.col) && p.col >= 1)) out.push(`bad column: ${where}`);
      if (p.file !== 'fuzz.yml') out.push(`wrong file ${p.file}: ${where}`);
      if (typeof p.message !== 'string' || p.message.trim() === '') out.push(`empty message at ${p.line}:${p.col}`);
      const bad = BAD_WORDS.find((w) => p.message.includes(w));
      if (bad) out.push(`message contains "${bad}": ${where}`);
    }
    return out;
  }
}

const show = (text: string): string => (text.length > 3000 ? `${text.slice(0, 3000)}\n… (${text.length} chars)` : text);

describe('plan fuzz: parsePlan', () => {
  it('every seed is a valid plan as it stands', () => {
    for (const seed of seeds()) expect(judge(seed.text), seed.name).toEqual({ accepted: true, problems: [] });
    expect(() => parsePlan(seeds()[0]!.text, 'fuzz.yml', ENV)).not.toThrow();
  });

  it(`${CASES} mutants: a Plan within its limits, or a PlanError located inside the file (seed ${SEED})`, () => {
    const all = seeds();
    const failures: string[] = [];
    const outcomes = { plans: 0, refused: 0 };
    const used = new Map<string, number>();
    let slowest = { ms: 0, index: -1 };
    const t0 = performance.now();
    for (let i = 0; i < CASES; i++) {
      // Each case has its own PRNG: PERF_GATE_FUZZ_SEED and the case number reproduce it alone.
      const rng = new Rng(SEED * 7919 + i);
      const seed = rng.pick(all);
      const { text, applied } = mutate(seed, rng);
      for (const a of applied) used.set(a, (used.get(a) ?? 0) + 1);
      const c0 = performance.now();
      const { accepted, problems } = judge(text);
      const ms = performance.now() - c0;
      outcomes[accepted ? 'plans' : 'refused']++;
      if (ms > slowest.ms) slowest = { ms, index: i };
      if (ms > CASE_BUDGET_MS) problems.push(`took ${ms.toFixed(0)} ms (budget ${CASE_BUDGET_MS} ms)`);
      if (problems.length > 0 && failures.length < 5) {
        failures.push(
          `PERF_GATE_FUZZ_SEED=${SEED} case ${i} (${seed.name}; ${applied.join(', ')}):\n  ${problems.join('\n  ')}\n--- mutant ---\n${show(text)}\n--------------`,
        );
      }
    }
    const total = performance.now() - t0;
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect(total, `${CASES} cases took ${total.toFixed(0)} ms`).toBeLessThan(BUDGET_MS);
    // The fuzz must reach both outcomes and use every mutator, or it tests less than it claims.
    expect(outcomes.plans).toBeGreaterThan(CASES * 0.02);
    expect(outcomes.refused).toBeGreaterThan(CASES * 0.5);
    expect(used.size, [...used.keys()].join(', ')).toBeGreaterThanOrEqual(15);
    console.log(
      `plan fuzz: seed ${SEED}, ${CASES} mutants in ${(total / 1000).toFixed(1)} s (slowest: case ${slowest.index}, ${slowest.ms.toFixed(0)} ms); ${outcomes.plans} plans, ${outcomes.refused} refused`,
    );
  });
});

describe('plan fuzz: fixed hostile inputs', () => {
  const example = (): string => read('examples/plan.yml');

  it('a plan saved with a byte-order mark or CRLF line ends parses like the plain file', () => {
    const plain = parsePlan(example(), 'fuzz.yml', ENV);
    expect(parsePlan(`\uFEFF${example()}`, 'fuzz.yml', ENV)).toEqual(plain);
    expect(parsePlan(example().replace(/\n/g, '\r\n'), 'fuzz.yml', ENV)).toEqual(plain);
  });

  it.each([
    ['a NUL byte in a value', (t: string) => t.replace('path: /posts', 'path: /po\u0000sts')],
    ['a lone surrogate in a key', (t: string) => t.replace('weight: 6', '\uD800weight: 6')],
    ['RTL override and zero-width space in a stage name', (t: string) => t.replace('name: load,', 'name: "lo\u202Ead\u200B",')],
    ['a tab indenting a key', (t: string) => t.replace('\n  url:', '\n\turl:')],
  ])('%s: a Plan or located problems, nothing else', (_name, edit) => {
    const text = edit(example());
    expect(text).not.toBe(example());
    expect(judge(text).problems).toEqual([]);
  });
});

describe('plan fuzz: dist/cli.js validate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-fuzz-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('10 mutants: exit 0, or exit 2 with every line located (file:line:col), never a stack', async () => {
    const all = seeds();
    const results: string[] = [];
    for (let i = 0; i < 10; i++) {
      const rng = new Rng(SEED * 104729 + i);
      const { text, applied } = mutate(rng.pick(all), rng);
      const file = `mutant-${i}.yml`;
      await writeFile(path.join(dir, file), text);
      const r = await runCli(['validate', file], { cwd: dir, env: ENV, timeoutMs: 30_000 });
      const context = `PERF_GATE_FUZZ_SEED=${SEED} cli case ${i} (${applied.join(', ')}): exit ${r.code}\n${r.stderr}\n--- mutant ---\n${show(text)}`;
      expect([0, 2], context).toContain(r.code);
      expect(r.stderr, context).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(r.stderr, context).not.toContain('internal error');
      if (r.code === 2) {
        const lines = r.stderr.trimEnd().split('\n');
        for (const line of lines) expect(line, context).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+: \\S`));
      }
      results.push(String(r.code));
    }
    // Mostly refusals: mutants seldom stay valid.
    expect(results.filter((c) => c === '2').length).toBeGreaterThanOrEqual(5);
  });
});
