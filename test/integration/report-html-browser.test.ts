/**
 * The HTML report in a real browser: two real runs through the core (the first kept as the
 * baseline), the second's report.html served from a loopback server and opened in Debian's
 * headless chromium. The page must draw every chart and ask the network for nothing but itself.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { runAndGate, type Logger } from '../../src/core.js';
import { FileStore } from '../../src/baseline/file-store.js';
import { planText, startTarget } from '../helpers/target.js';

// PERF_GATE_CHROMIUM: another chromium binary (or a missing one, to see the skip and the CI failure).
const CHROMIUM = process.env.PERF_GATE_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOT = process.env.PERF_GATE_HTML_SCREENSHOT ?? '/tmp/issue8/report-html.png';
const haveChromium = existsSync(CHROMIUM);
const quiet: Logger = { info: () => {}, warn: () => {} };

/** Two short runs against a loopback target, the second slower, compared with the first. */
async function realReport(dir: string): Promise<string> {
  const target = await startTarget({ delayMs: 2 });
  try {
    const plan = planText(['{ name: steady, kind: load, rate: 80/s, duration: 3s }']);
    await writeFile(path.join(dir, 'plan.yml'), plan);
    const store = new FileStore({ file: path.join(dir, 'baseline.json') });
    const common = { planFile: 'plan.yml', targetUrl: target.url, env: {}, cwd: dir, log: quiet, runnerProbe: false };
    await runAndGate({ ...common, outDir: 'first', save: { store, commit: 'local', run: 'first' } });
    target.set({ delayMs: 6, errorRate: 0.05 });
    const second = await runAndGate({ ...common, outDir: 'second', baseline: { store } });
    expect(second.report.baseline?.source).toBeTruthy();
    expect(second.htmlPath).toBe(path.join(dir, 'second', 'report.html'));
    return second.htmlPath;
  } finally {
    await target.close();
  }
}

/** Serves one file at / and records every request it gets. */
async function serveOnce(file: string): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
  const body = await readFile(file);
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === '/report.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/report.html`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('report.html in headless chromium', () => {
  if (!haveChromium) {
    if (process.env.CI) {
      it('needs chromium', () => {
        throw new Error(`${CHROMIUM} is missing: the HTML report's browser test needs Debian's chromium (apt-get install -y chromium)`);
      });
    } else {
      console.warn(`report-html-browser: skipped, no ${CHROMIUM} (apt-get install -y chromium to run it)`);
      it.skip(`skipped: no ${CHROMIUM} (apt-get install -y chromium to run the browser test)`, () => {});
    }
    return;
  }

  it('draws every chart, the percentile curve against the baseline, and makes no request but the page', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'perf-gate-html-'));
    const profile = await mkdtemp(path.join(tmpdir(), 'perf-gate-chromium-'));
    const htmlPath = await realReport(dir);
    const server = await serveOnce(htmlPath);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const response = await page.goto(server.url, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await expect(page.title()).resolves.toMatch(/^perf-gate (pass|warn|fail): plan\.yml$/);

      const charts = page.locator('svg.chart');
      // rps, latency, errors over time, the percentile curve, and the p95 trend (the store holds the first run).
      await expect(charts.count()).resolves.toBe(5);
      await expect(page.locator('figure.history svg.chart').count()).resolves.toBe(1);
      for (const chart of await charts.all()) {
        expect(await chart.isVisible()).toBe(true);
        const box = await chart.boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        expect(box!.height).toBeGreaterThan(100);
        const ds = await chart.locator('path.series').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
        expect(ds.length).toBeGreaterThan(0);
        for (const d of ds) expect(d).toMatch(/^M[\d.]+ [\d.]+( [ML][\d.]+ [\d.]+)+$/);
        await expect(chart.locator('title').textContent()).resolves.toBeTruthy();
      }
      const latency = page.locator('svg.chart', { has: page.locator('path.series[data-series="p99"]') });
      await expect(latency.locator('path.series').count()).resolves.toBe(3);
      const curve = page.locator('figure.percentiles svg.chart path.series');
      await expect(curve.evaluateAll((els) => els.map((e) => e.getAttribute('data-series')))).resolves.toEqual(['this run', 'baseline']);
      // Rendered, not just present: the curve's line has a drawn length.
      const lengths = await curve.evaluateAll((els) => els.map((e) => (e as SVGPathElement).getTotalLength()));
      for (const l of lengths) expect(l).toBeGreaterThan(100);

      await page.screenshot({ path: SCREENSHOT, fullPage: true }).catch(() => undefined);
      expect(requests).toEqual([server.url]);
      expect(server.seen).toEqual(['GET /report.html']);
    } finally {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    }
  });
});
