/**
 * The `imagestream` command: dispatches to a subcommand, turns errors into one line on standard
 * error and an exit code (1 for errors, 2 for usage errors).
 */
import { readFileSync } from "node:fs";
import { ImageStreamError } from "../errors.js";
import { boolFlag, nowFlag, outputFlag, parseCommandLine, stringFlag, stringsFlag } from "./args.js";
import type { Command, CommandContext } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { CliError, InterruptedError, quoteInput, UsageError } from "./errors.js";
import { EXIT_HELP } from "./help.js";
import { entriesOf, readInputs } from "./input.js";
import { Workspace } from "./workspace.js";
import { writeFilesAtomically } from "./write.js";

/** Where the command prints. */
export interface Streams {
  stdout(text: string): void;
  stderr(text: string): void;
}

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `imagestream: OpenShift image stream semantics over YAML/JSON files (what oc and the API server would do).

Usage:
  imagestream <command> [flags]
  imagestream <command> --help

Commands:
${lines.join("\n")}

Every command reads image streams from -f FILE (repeatable, "-" for standard input).
Commands that change streams print what oc would print; add -o yaml|json to see the result,
or --in-place to write it back to the files.

${EXIT_HELP}
`;
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

async function runCommand(command: Command, argv: readonly string[], out: Streams): Promise<number> {
  const args = parseCommandLine(command.name, argv, command.flags);
  if (boolFlag(args, "help")) {
    out.stdout(command.help.endsWith("\n") ? command.help : `${command.help}\n`);
    return 0;
  }
  const inPlace = boolFlag(args, "in-place");
  if (stringFlag(args, "output") !== undefined && command.outputs.length === 0)
    throw new UsageError(`-o is not supported by "${command.name}"`, command.name);
  const output = outputFlag(command.name, args, command.outputs);
  if (inPlace && !command.mutates)
    throw new UsageError(
      `--in-place is not supported by "${command.name}": it changes nothing`,
      command.name,
    );
  const files = stringsFlag(args, "filename");
  if (inPlace && files.includes("-"))
    throw new UsageError("--in-place cannot rewrite standard input; pass files with -f", command.name);
  if (command.needsInput && files.length === 0)
    throw new UsageError("no input: pass image streams with -f FILE", command.name);
  const now = nowFlag(command.name, args);
  const namespace = stringFlag(args, "namespace");
  if (namespace === "") throw new UsageError("the namespace given with -n must not be empty", command.name);
  let ws: Workspace | undefined;
  const ctx: CommandContext = {
    command: command.name,
    args,
    now,
    output,
    inPlace,
    workspace() {
      if (ws === undefined) {
        const inputs = readInputs(command.name, files);
        ws = new Workspace(inputs, entriesOf(inputs), namespace, {
          internal: stringFlag(args, "registry-hostname"),
          external: stringFlag(args, "public-registry-hostname"),
        });
      }
      return ws;
    },
  };
  const result = command.run(ctx);
  if (inPlace && result.writes !== undefined && result.writes.length > 0)
    await writeFilesAtomically(result.writes);
  if (result.stdout !== "") out.stdout(result.stdout);
  if (result.stderr !== undefined && result.stderr !== "") out.stderr(result.stderr);
  return result.exitCode ?? 0;
}

/** One line: the first line of a message. */
function oneLine(message: string): string {
  return message.replace(/\r?\n/g, " ").trim();
}

/** Runs the command line `argv` (without `node` and the script); resolves to the exit code. */
export async function run(argv: readonly string[], out: Streams): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === "--help" || first === "-h" || first === "help") {
      if (first === "help" && rest[0] !== undefined) {
        const c = COMMANDS.find((x) => x.name === rest[0]);
        if (c === undefined) throw new UsageError(`unknown command ${quoteInput(rest[0])}`);
        out.stdout(c.help.endsWith("\n") ? c.help : `${c.help}\n`);
        return 0;
      }
      if (first === undefined) {
        out.stderr(topHelp());
        return 2;
      }
      out.stdout(topHelp());
      return 0;
    }
    if (first === "--version" || first === "version") {
      out.stdout(`imagestream ${version()}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === first);
    if (command === undefined)
      throw new UsageError(
        first.startsWith("-")
          ? `flags go after the command: imagestream <command> ${quoteInput(first, 256, String)} ...`
          : `unknown command ${quoteInput(first)} for "imagestream"`,
      );
    return await runCommand(command, rest, out);
  } catch (err) {
    if (err instanceof UsageError) {
      const hint = err.command === undefined ? "imagestream --help" : `imagestream ${err.command} --help`;
      out.stderr(`error: ${oneLine(err.message)}\nSee '${hint}' for usage.\n`);
      return 2;
    }
    if (err instanceof InterruptedError) {
      out.stderr(`error: ${oneLine(err.message)}\n`);
      return err.exitCode;
    }
    if (err instanceof ImageStreamError || err instanceof CliError) {
      out.stderr(`error: ${oneLine(err.message)}\n`);
      return 1;
    }
    const message = err instanceof Error ? err.message : String(err);
    out.stderr(`error: ${oneLine(message)}\n`);
    return 1;
  }
}
