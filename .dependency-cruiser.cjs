/**
 * The layers of src/, bottom to top; a module may import only from its own layer or below, and
 * no modules may import each other in a circle (`npm run lint:deps`, run by .ci/run).
 *   model (+ errors.ts, jsonpath.ts, version.ts)  report.json's data types and formats, pure
 *   plan      the plan: parsing, validation, units
 *   metrics   histograms, timelines, stage metrics
 *   load      the engine: knows plans and metrics, never the gate or the reports
 *   gate      verdicts from stage reports (pure)
 *   report    report.json, summary, console, HTML
 *   baseline, github, builds, import, demo    stores, GitHub, A/B builds, k6/Locust, the demo app
 *   flows     run, ab, compare, merge, compare --from, each ending in flows/finish.ts (+ input-checks.ts)
 *   doors     cli.ts, main.ts, index.ts (and core.ts, settings.ts, interrupt.ts beside them)
 */
const LAYERS = [
  ['model', '^src/(model/|errors\\.ts$|jsonpath\\.ts$|version\\.ts$)'],
  ['plan', '^src/plan/'],
  ['metrics', '^src/metrics/'],
  ['load', '^src/load/'],
  ['gate', '^src/gate/'],
  ['report', '^src/report/'],
  ['edges', '^src/(baseline|github|builds|import|demo)/'],
  ['flows', '^src/(flows/|input-checks\\.ts$)'],
];

/** The doors and what only they use. */
const DOORS = '^src/(cli|main|index|core|settings|interrupt)\\.ts$';

/** For each layer: it may not import any layer above it. */
const upward = LAYERS.flatMap(([name, path], i) => {
  const above = LAYERS.slice(i + 1).map(([, p]) => p);
  return [
    {
      name: `no-upward-from-${name}`,
      comment: `${name} sits below ${LAYERS.slice(i + 1).map(([n]) => n).join(', ') || 'the doors'}: it may not import them`,
      severity: 'error',
      from: { path },
      to: { path: [...above, DOORS] },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'modules that import each other in a circle: the picture of the layers is no longer true',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
