/**
 * Checks from what a stage's users and flows met, not from its numbers (SPEC §5):
 *  - every verify request is a check of kind `verify` (pass or fail); a failed setup request is one too;
 *  - a stage whose sessions all failed fails (check `sessions`), with the line that says why:
 *    "login failed for 40 of 40 users: 409 ({"error":"exists"})"; some failed: a warning.
 * Like an aborted stage, never excused by the runner and never accepted by a label: the app
 * answered wrongly, whatever the machine.
 */
import type { Check, StageReport } from '../model/report.js';

export const SESSIONS_METRIC = 'sessions';
export const UNSENT_METRIC = 'unsent';

/** "12 requests were not sent: ${token} had no value". */
export function unsentLine(u: NonNullable<StageReport['unsent']>): string {
  const names = u.missing.map((k) => `\${${k}}`).join(', ');
  return `${u.count} request${u.count === 1 ? ' was' : 's were'} not sent: ${names || 'a value they need'} had no value (a capture that failed, or one setup did not make)`;
}

/** "login failed for 40 of 40 users: 409 (body sample)". */
export function sessionLine(s: NonNullable<StageReport['sessions']>): string {
  const users = `${s.failed} of ${s.users} user${s.users === 1 ? '' : 's'}`;
  return `${s.step ?? 'the session'} failed for ${users}: ${s.reason ?? 'see the session endpoints'}${s.sample ? ` (${s.sample})` : ''}`;
}

export function flowChecks(stages: StageReport[]): Check[] {
  const out: Check[] = [];
  for (const s of stages) {
    for (const o of s.setup ?? []) {
      if (o.ok) continue;
      out.push({
        stage: s.name,
        metric: `setup ${o.name}`,
        kind: 'verify',
        current: null,
        limit: o.expected,
        method: 'sent once before the stage',
        verdict: 'fail',
        note: flowNote(o),
      });
    }
    for (const o of s.verify ?? []) {
      out.push({
        stage: s.name,
        metric: o.name,
        kind: 'verify',
        current: null,
        limit: o.expected,
        method: 'sent once after the stage drained',
        verdict: o.ok ? 'pass' : 'fail',
        ...(o.ok ? {} : { note: flowNote(o) }),
      });
    }
    const sessions = s.sessions;
    const allFailed = sessions !== undefined && sessions.users > 0 && sessions.failed >= sessions.users;
    // Nothing sent for want of values, and not because every login failed (that check says why).
    if (s.unsent && s.requests === 0 && !allFailed) {
      out.push({
        stage: s.name,
        metric: UNSENT_METRIC,
        kind: 'threshold',
        current: s.unsent.count,
        limit: 'the stage sends its requests',
        method: 'none could be built',
        verdict: 'fail',
        note: unsentLine(s.unsent),
      });
    }
    if (sessions && sessions.failed > 0) {
      const all = sessions.failed >= sessions.users;
      out.push({
        stage: s.name,
        metric: SESSIONS_METRIC,
        kind: 'threshold',
        current: sessions.failed,
        limit: "every user's session succeeds",
        method: all ? 'no user could send what needs the session' : 'those users sent only what needs none of its values',
        verdict: all ? 'fail' : 'warn',
        note: sessionLine(sessions),
      });
    }
  }
  return out;
}

function flowNote(o: { problems: string[]; sample?: string }): string {
  return `${o.problems.join('; ')}${o.sample ? ` (${o.sample})` : ''}`;
}
