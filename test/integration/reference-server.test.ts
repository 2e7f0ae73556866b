/**
 * perf-gate's reference server (src/load/reference.ts): a real worker thread on loopback, timed
 * as during a stage. Its figures are what the gate's excuses are sized by, so they must be there,
 * ordered, and its sampler must end on every path (a stage that threw, a close without a stop).
 */
import { describe, expect, it } from 'vitest';
import { ReferenceServer } from '../../src/load/reference.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ReferenceServer', () => {
  it('times its probes during a stage and idle before it: percentiles in order, about 50 a second', async () => {
    const server = await ReferenceServer.start();
    try {
      const stop = await server.sample();
      await pause(1000);
      const figures = (await stop())!;
      expect(figures.requests).toBeGreaterThanOrEqual(20);
      expect(figures.requests).toBeLessThanOrEqual(60);
      expect(figures.p50).toBeGreaterThan(0);
      expect(figures.p50).toBeLessThanOrEqual(figures.p90);
      expect(figures.p90).toBeLessThanOrEqual(figures.p95);
      expect(figures.p95).toBeLessThanOrEqual(figures.p99);
      expect(figures.idle.p50).toBeGreaterThan(0);
      expect(figures.idle.p50).toBeLessThanOrEqual(figures.idle.p99);
    } finally {
      await server.close();
    }
  });

  it('close() ends a sampler that was never stopped, and its stop still answers', async () => {
    const server = await ReferenceServer.start();
    const stop = await server.sample();
    await pause(200);
    await server.close();
    // Resolves (with what it measured before the close) instead of probing a closed client forever.
    const figures = await stop();
    expect(figures === undefined || figures.requests > 0).toBe(true);
  }, 10_000);
});
