/**
 * The shape of a subcommand and the context it runs in.
 */
import type { FlagSpec, ParsedArgs } from "./args.js";
import type { InputFile } from "./input.js";
import type { Workspace } from "./workspace.js";

/** What a subcommand produced; the runner writes files first, then prints. */
export interface CommandResult {
  /** Text for standard output (already newline-terminated when non-empty). */
  readonly stdout: string;
  /** Files to replace (only with `--in-place`). */
  readonly writes?: ReadonlyArray<{ file: InputFile; text: string }>;
  /** Exit code (default 0). */
  readonly exitCode?: number;
  /** Lines for standard error (e.g. every invalid object of `validate`). */
  readonly stderr?: string;
}

/** Everything a subcommand needs. */
export interface CommandContext {
  readonly command: string;
  readonly args: ParsedArgs;
  readonly now: Date;
  /** `-o` (one of the command's `outputs`). */
  readonly output: string | undefined;
  readonly inPlace: boolean;
  /** Loads the `-f` inputs (once). */
  workspace(): Workspace;
}

/** A subcommand. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** The `-o` formats the command supports (empty: none). */
  readonly outputs: readonly string[];
  /** Whether the command changes objects (and so accepts `--in-place`). */
  readonly mutates: boolean;
  /** Whether `-f` is required. */
  readonly needsInput: boolean;
  run(ctx: CommandContext): CommandResult;
}
