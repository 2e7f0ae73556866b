// What every benchmark target does besides answering: keep-alive as a real service would, report
// its port to the parent over IPC (or print its URL when run by hand), and end when the parent
// goes away, on SIGTERM/SIGINT, or when its lifetime (BENCH_TARGET_MAX_S, default 900 s) runs
// out, so no target can outlive the benchmark that started it.
export function serveTarget(server) {
  const maxLifetimeS = Number(process.env.BENCH_TARGET_MAX_S ?? 900);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const stop = () => {
    server.close();
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  setTimeout(stop, maxLifetimeS * 1000).unref();
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    if (process.send) process.send({ port });
    else process.stdout.write(`http://127.0.0.1:${port}/\n`);
  });
}
