/**
 * Where the flows and the edges say what they do: the CLI prints to stderr, the action writes
 * GitHub's annotations. One shape for every door and every module that logs.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Worth a second look, not a problem (the action's notice annotation); a logger without one says it as info. */
  notice?(message: string): void;
}

/** `message` as a notice where the logger has them, else as info. */
export function notice(log: Logger, message: string): void {
  if (log.notice) log.notice(message);
  else log.info(message);
}
