import * as core from '@actions/core';
import { catchStrayErrors, failIfUnfinished } from './interrupt.js';
import { run } from './main.js';

// An error escaping every try (a callback, an unawaited promise) still fails the step in one line.
catchStrayErrors((line) => core.setFailed(line));
let done = false;
failIfUnfinished(
  () => done,
  (line) => core.setFailed(line),
);
void run().finally(() => {
  done = true;
});
