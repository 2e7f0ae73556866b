/**
 * Open-model send times. A rate profile is a list of linear segments; the k-th request is due when
 * the integral of the rate reaches k, so a ramp is exact and the total count is known up front
 * (200/s for 5 s is 1000 requests, not "about 1000").
 */

export interface RateSegment {
  durationMs: number;
  /** Requests per second at the segment's start and end (linear in between). */
  from: number;
  to: number;
}

/**
 * Every `stride`-th send of the profile, starting at send `offset` (`run --shard i/n`: offset i − 1,
 * stride n). The shards' sends are then exactly the whole profile's, interleaved in time.
 */
export interface ScheduleShare {
  offset: number;
  stride: number;
}

export class RateSchedule {
  /** Number of sends this schedule makes (the whole profile's, or this share's). */
  readonly total: number;
  readonly durationMs: number;
  private readonly starts: number[] = [];
  private readonly counts: number[] = [];
  private readonly offset: number;
  private readonly stride: number;
  private cursor = 0;

  constructor(
    private readonly segments: RateSegment[],
    share: ScheduleShare = { offset: 0, stride: 1 },
  ) {
    let t = 0;
    let n = 0;
    for (const s of segments) {
      this.starts.push(t);
      this.counts.push(n);
      t += s.durationMs;
      n += ((s.from + s.to) / 2) * (s.durationMs / 1000);
    }
    this.durationMs = t;
    // The epsilon keeps 200/s × 5 s at 1000, not 999, after floating-point sums.
    const whole = Math.floor(n + 1e-6);
    this.offset = share.offset;
    this.stride = share.stride;
    this.total = whole > share.offset ? Math.ceil((whole - share.offset) / share.stride) : 0;
  }

  /** Offset in ms from the stage start at which send `k` (0-based, called with rising k) is due. */
  sendTime(k: number): number {
    return this.wholeSendTime(this.offset + k * this.stride);
  }

  /** The same for send `k` of the whole profile. */
  private wholeSendTime(k: number): number {
    if (k < this.counts[this.cursor]!) this.cursor = 0;
    while (this.cursor + 1 < this.segments.length && k >= this.counts[this.cursor + 1]! - 1e-9) this.cursor++;
    const s = this.segments[this.cursor]!;
    const n = k - this.counts[this.cursor]!;
    const d = s.durationMs / 1000;
    const a = s.from;
    const slope = d > 0 ? (s.to - s.from) / d : 0;
    // Solve a·τ + slope·τ²/2 = n for τ, in the form that stays stable when a = 0 or slope = 0.
    const root = Math.sqrt(Math.max(0, a * a + 2 * slope * n));
    const tau = a + root > 0 ? (2 * n) / (a + root) : 0;
    return this.starts[this.cursor]! + tau * 1000;
  }
}
