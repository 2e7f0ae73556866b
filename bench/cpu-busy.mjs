// A neighbour on the runner: busy-waits BUSY_DUTY of every 10 ms (default 0.7: 70 % of one core)
// and sleeps the rest, like another job sharing the machine. Started by bench/gate.mjs with fork()
// for the "runner busy" scenarios; ends when the parent goes away (IPC disconnect), on SIGTERM, or
// after BUSY_MAX_S (default 300 s), so it can never outlive the benchmark.
const duty = Math.min(1, Math.max(0, Number(process.env.BUSY_DUTY ?? 0.7)));
const maxS = Number(process.env.BUSY_MAX_S ?? 300);
const stop = () => process.exit(0);
process.on('disconnect', stop);
process.on('SIGTERM', stop);
setTimeout(stop, maxS * 1000).unref();

const PERIOD_MS = 10;
function spin() {
  const until = performance.now() + PERIOD_MS * duty;
  while (performance.now() < until);
  setTimeout(spin, PERIOD_MS * (1 - duty));
}
spin();
if (process.send) process.send({ ready: true });
