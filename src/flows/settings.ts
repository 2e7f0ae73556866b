import { type RunOptions } from '../load/run-plan.js';
import { type Shard } from '../load/shard.js';
import type { Report } from '../model/report.js';
import { type BaselineStore } from '../baseline/store.js';
import type { SummaryExtras } from '../report/markdown.js';
import { type AllowedHost } from '../load/destination.js';
import type { Logger } from '../model/logger.js';

/** What every run of a plan needs, whichever way it is compared. */
export interface PlanRunSettings {
  planFile: string;
  outDir: string;
  /** Only these stages, by name (--stage). */
  stages?: string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  signal?: AbortSignal;
  log: Logger;
  onProgress?: RunOptions['onProgress'];
  /** Link to the workflow run, for the summary. */
  runUrl?: string;
  /** Accept failed regressions, saying why ("label perf-gate:accept"): they become recorded warnings. */
  accept?: string;
  /** Hosts load may go to besides loopback (the action's `allowed-hosts` input). */
  allowedHosts?: AllowedHost[];
  /**
   * The plan's secrets (values from the environment, credentials in headers), as soon as the plan
   * has loaded: the doors hide them in their logs and errors (the action masks them with setSecret).
   * The reports are redacted here whether or not it is set.
   */
  onSecrets?: (values: string[]) => void;
}

export interface RunSettings extends PlanRunSettings {
  targetUrl?: string;
  /** Where to find the result to compare against. */
  baseline?: BaselineSource;
  /** Where to keep this run's result, if it completes and passes. */
  save?: BaselineTarget;
  /** Folder per plan in the store; default: from the plan's path. */
  planId?: string;
  onStageStart?: RunOptions['onStageStart'];
  /** Re-run a stage that fails a regression rule once; it fails only if the re-run agrees. */
  confirm?: boolean;
  /** Past results for band rules and the trend chart, when they are not in the baseline store. */
  history?: HistorySource;
  /** `--shard i/n`: run this shard's part of every stage and write an ungated shard report for `merge`. */
  shard?: Shard;
  /**
   * Time a CPU task between stages, so failures measured on a slower runner warn (default true;
   * PERF_GATE_RUNNER_PROBE=0 turns it off, see `runnerProbeSetting`).
   */
  runnerProbe?: boolean;
}

/** Where past results come from (a baseline store, a folder of reports). */
export type HistorySource = Pick<BaselineStore, 'description' | 'history' | 'leftOut'>;

export interface BaselineSource {
  store: BaselineStore;
  /** Preferred commits, best first (a PR's base, then older default-branch commits). */
  commits?: string[];
  /** A store that cannot be read (no git repository, no data branch access) warns instead of failing. */
  optional?: boolean;
}

export interface BaselineTarget {
  store: BaselineStore;
  commit: string;
  run: string;
}

export interface Outcome {
  report: Report;
  reportPath: string;
  summaryPath: string;
  /** report.html: the self-contained page with the charts. */
  htmlPath: string;
  summary: string;
  extras: SummaryExtras;
  /** Whether this run's result was kept as a baseline. */
  saved: boolean;
  /** Why keeping it failed (the reports were written all the same). */
  saveError?: string;
}
