import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests run real load against loopback servers: one file at a time keeps the
    // 2-core machine from measuring its own contention.
    fileParallelism: false,
    testTimeout: 60_000,
    // Runs asserting that a regression fails must not be excused as "runner slower" when another
    // test process shares the machine; the probe and its excuse have their own tests.
    env: { PERF_GATE_RUNNER_PROBE: '0' },
    hookTimeout: 30_000,
    // In CI also a JSON result, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results.json' },
  },
});
