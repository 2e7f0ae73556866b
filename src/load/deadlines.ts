/**
 * Deadlines for things in flight (HTTP requests, WebSocket replies). The engine's timers are its
 * own: undici's run on a coarse clock (a 300 ms timeout fired after 600 to 1000 ms), so in-flight
 * items are swept every few ms instead. Items with the same timeout expire in the order they were
 * started, so a queue only ever looks at its head.
 */

export const SWEEP_MS = 5;

export interface Expiring {
  /** performance.now() after which the item has timed out. */
  readonly deadline: number;
  /** Settled (answered, failed, already timed out): dropped as the head passes it. */
  readonly done: boolean;
}

export class DeadlineQueue<T extends Expiring> {
  private items: T[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  /** Calls `onExpired` for every unsettled item whose deadline is past, oldest first. */
  expire(now: number, onExpired: (item: T) => void): void {
    while (this.head < this.items.length) {
      const item = this.items[this.head]!;
      if (!item.done && item.deadline > now) break;
      if (!item.done) onExpired(item);
      this.head++;
    }
    // Drop the passed head now and then, so the array does not grow for the whole stage.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
