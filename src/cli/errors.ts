/**
 * Errors of the command itself (not of the library): bad command lines and unreadable input.
 *
 * Library errors (`ImageStreamError` and subclasses) are printed with their Kubernetes Status
 * message; these carry the exit code the command should end with.
 */

import { constants as osConstants } from "node:os";
import { quoteInput } from "../errors.js";

/** Quotes a user's argument in a message: at most 256 characters of it, then its length (from the library). */
export { quoteInput };

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

/**
 * `--in-place` was interrupted by a signal (or an abort) while the temporary files were written:
 * they were removed and no file was changed. Exit code 128 + the signal's number, as a shell reports
 * a process the signal killed (130 for SIGINT, 143 for SIGTERM); 1 without a signal.
 */
export class InterruptedError extends CliError {
  /** The signal received, if a signal caused it. */
  readonly signal: NodeJS.Signals | undefined;
  /** Temporary files that could not be removed (normally none). */
  readonly leftBehind: readonly string[];
  constructor(signal: NodeJS.Signals | undefined, leftBehind: readonly string[] = []) {
    const left = leftBehind.length > 0 ? `; could not remove ${leftBehind.join(", ")}` : "";
    super(`interrupted${signal === undefined ? "" : ` by ${signal}`}: no file was changed${left}`);
    this.name = "InterruptedError";
    this.signal = signal;
    this.leftBehind = leftBehind;
  }

  /** The exit code for this interruption. */
  get exitCode(): number {
    const n = this.signal === undefined ? undefined : osConstants.signals[this.signal];
    return n === undefined ? 1 : 128 + n;
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
    ENAMETOOLONG: "file name too long",
  };
  const reason =
    typeof code === "string" && Object.hasOwn(reasons, code)
      ? reasons[code]
      : err instanceof Error
        ? err.message
        : String(err);
  return `${op} ${quoteInput(file, 256, String)}: ${quoteInput(String(reason), 1024, String)}`;
}
