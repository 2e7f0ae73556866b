/**
 * The process group a `target.start` command runs in (its shell, the app, the app's children).
 * Stopping the shell is not stopping the app: a server that ignores SIGTERM outlives it, keeps the
 * port, and the next run would measure that stale server. So stopping waits for the whole group.
 */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Whether any process of group `pgid` is still running. Zombies do not count: where PID 1 does not
 * reap orphans (containers), an app that exited stays a zombie in its group forever. Linux reads
 * /proc; elsewhere a signal-0 probe (which counts zombies too) stands in.
 */
export function groupRunning(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return signalZeroReaches(pgid);
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
    } catch {
      continue; // it ended while we looked
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') return true;
  }
  return false;
}

function signalZeroReaches(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends `signal` to every process of the group; false when none was there to get it. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
