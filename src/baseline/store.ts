/**
 * Where baselines live. One small interface, several stores (file, data branch, later artifact), so
 * the core never knows which: it asks for the result to compare against and hands back a result
 * to keep. Results are keyed by plan id (a folder per plan), and each carries the plan and runner
 * fingerprints so results from another plan version or other hardware are never compared silently.
 */
import type { PlanShape, Report } from '../model/report.js';

export interface StoredResult {
  report: Report;
  /** The commit the result was measured on (GITHUB_SHA), or "local". */
  commit: string;
  /** The workflow run (GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT), or a timestamp for local runs. */
  run: string;
  /** ISO time the result was saved. */
  savedAt: string;
}

export interface LoadRequest {
  planId: string;
  /** Only results with these fingerprints qualify (report.fingerprints). */
  planFingerprint: string;
  /**
   * The fingerprint perf-gate gave this plan before fingerprints hashed requests as written (with
   * `${ENV}` values substituted), when it differs: results saved under it qualify too, so a plan
   * with an environment value in a path keeps its baselines across the upgrade.
   */
  formerPlanFingerprint?: string;
  /** The plan's load shape, to say what differs when a result of another plan is refused. */
  planShape?: PlanShape;
  runnerFingerprint: string;
  /**
   * Commits to look for, in order of preference (a PR's merge-base first, then older commits of the
   * default branch). Undefined: the newest qualifying result.
   */
  commits?: string[];
}

export interface LoadResult {
  result?: StoredResult;
  /** One sentence for the log and summary: what was found, or why nothing qualified. */
  explanation: string;
}

export interface BaselineStore {
  /** "branch perf-gate-data", "file perf/baseline.json": for messages. */
  readonly description: string;
  load(request: LoadRequest): Promise<LoadResult>;
  save(planId: string, result: StoredResult): Promise<void>;
  /** Newest first, at most `n`, qualifying results only. */
  history(request: LoadRequest, n: number): Promise<StoredResult[]>;
  /**
   * What the last `history` call passed over, by reason ("failed": 2, "cancelled": 1), for stores
   * that hold runs no baseline store would keep (a folder of reports); undefined when none were.
   */
  readonly leftOut?: Record<string, number>;
}

/** Whether a saved plan fingerprint is this plan's (its current one, or the one before templates). */
export function samePlan(saved: string, request: Pick<LoadRequest, 'planFingerprint' | 'formerPlanFingerprint'>): boolean {
  return saved === request.planFingerprint || saved === request.formerPlanFingerprint;
}
