/**
 * Errors of the command itself (not of the library): bad command lines and unreadable input.
 *
 * Library errors (`ImageStreamError` and subclasses) are printed with their Kubernetes Status
 * message; these carry the exit code the command should end with.
 */

/** A bad command line: unknown flag, missing argument, bad `-o` value. Exit code 2. */
export class UsageError extends Error {
  /** The subcommand whose help the user should read, if any. */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.name = "UsageError";
    this.command = command;
  }
}

/** A failure outside the library: unreadable file, malformed YAML/JSON, duplicate objects. Exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

/** Turns a Node.js file-system error into a short `open <file>: <reason>` text like Go's `os.PathError`. */
export function fsErrorMessage(op: string, file: string, err: unknown): string {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  const reasons: Record<string, string> = {
    ENOENT: "no such file or directory",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EISDIR: "is a directory",
    ENOTDIR: "not a directory",
    EROFS: "read-only file system",
    ENOSPC: "no space left on device",
  };
  const reason =
    typeof code === "string" && Object.hasOwn(reasons, code)
      ? reasons[code]
      : err instanceof Error
        ? err.message
        : String(err);
  return `${op} ${file}: ${reason}`;
}
