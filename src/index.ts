import * as core from '@actions/core';
import { catchStrayErrors } from './interrupt.js';
import { run } from './main.js';

// An error escaping every try (a callback, an unawaited promise) still fails the step in one line.
catchStrayErrors((line) => core.setFailed(line));
void run();
