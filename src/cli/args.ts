/**
 * Command-line parsing on top of `node:util` `parseArgs`, with the flags every subcommand shares.
 */
import { parseArgs } from "node:util";
import { quoteInput, UsageError } from "./errors.js";

/** One flag: a string (optionally repeatable) or a boolean, with an optional one-letter alias. */
export interface FlagSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly multiple?: boolean;
}

/** Flags understood by every subcommand. */
export const COMMON_FLAGS: Readonly<Record<string, FlagSpec>> = {
  filename: { type: "string", short: "f", multiple: true },
  namespace: { type: "string", short: "n" },
  now: { type: "string" },
  output: { type: "string", short: "o" },
  "in-place": { type: "boolean" },
  "registry-hostname": { type: "string" },
  "public-registry-hostname": { type: "string" },
  help: { type: "boolean", short: "h" },
};

/** The parsed command line of one subcommand. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Parses `argv` (the arguments after the subcommand name) against the common flags plus `extra`.
 * Boolean flags also accept `--flag=true` / `--flag=false`, as `oc` (pflag) does.
 */
export function parseCommandLine(
  command: string,
  argv: readonly string[],
  extra: Readonly<Record<string, FlagSpec>> = {},
): ParsedArgs {
  const specs: Record<string, FlagSpec> = { ...COMMON_FLAGS, ...extra };
  const args: string[] = [];
  let rest = false;
  for (const arg of argv) {
    if (rest || arg === "--" || !arg.startsWith("--")) {
      if (arg === "--") rest = true;
      args.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (eq >= 0 && specs[name]?.type === "boolean") {
      const v = arg.slice(eq + 1);
      if (v === "true") args.push(`--${name}`);
      else if (v !== "false")
        throw new UsageError(
          `invalid argument ${quoteInput(v)} for "--${name}" flag: expected true or false`,
          command,
        );
      continue;
    }
    args.push(arg);
  }
  try {
    const { values, positionals } = parseArgs({
      args,
      options: specs as Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UsageError(quoteInput(message.split("\n")[0] ?? message, 512, String), command);
  }
}

/** A string flag's value, or `undefined`. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === "string" ? v : undefined;
}

/** A repeatable string flag's values (empty when absent). */
export function stringsFlag(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}

/** A boolean flag's value. */
export function boolFlag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** Parses a non-negative integer flag value. */
export function intFlag(command: string, args: ParsedArgs, name: string): number | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  if (!/^[0-9]{1,15}$/.test(v))
    throw new UsageError(
      `invalid argument ${quoteInput(v)} for "--${name}" flag: expected a non-negative integer`,
      command,
    );
  return Number(v);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** Validates `--now` (RFC 3339) and returns it as a `Date`, or the real time when absent. */
export function nowFlag(command: string, args: ParsedArgs): Date {
  const v = stringFlag(args, "now");
  if (v === undefined) return new Date(Math.floor(Date.now() / 1000) * 1000);
  const d = new Date(v);
  if (!RFC3339.test(v) || Number.isNaN(d.getTime()))
    throw new UsageError(
      `invalid argument ${quoteInput(v)} for "--now" flag: expected an RFC 3339 time such as 2017-10-02T17:06:00Z`,
      command,
    );
  return d;
}

/**
 * Parses a Go-style duration (`60m`, `1h30m`, `90s`, `2h`) into milliseconds.
 * Only the units h, m, s and ms are accepted.
 */
export function durationFlag(command: string, args: ParsedArgs, name: string): number | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  let i = 0;
  const bad = () =>
    new UsageError(
      `invalid argument ${quoteInput(v)} for "--${name}" flag: expected a duration such as 60m or 1h30m`,
      command,
    );
  if (v === "0") return 0;
  if (v.length === 0) throw bad();
  while (i < v.length) {
    let j = i;
    while (j < v.length && v.charCodeAt(j) >= 48 && v.charCodeAt(j) <= 57) j++;
    if (j === i || j - i > 12) throw bad();
    const n = Number(v.slice(i, j));
    let k = j;
    while (k < v.length && (v[k] === "h" || v[k] === "m" || v[k] === "s")) k++;
    const unitName = v.slice(j, k);
    const unit = Object.hasOwn(units, unitName) ? units[unitName] : undefined;
    if (unit === undefined) throw bad();
    total += n * unit;
    i = k;
  }
  return total;
}

/** Validates `-o`: `yaml`, `json`, or absent (human output). */
export function outputFlag(command: string, args: ParsedArgs, allowed: readonly string[] = ["yaml", "json"]) {
  const v = stringFlag(args, "output");
  if (v === undefined) return undefined;
  if (!allowed.includes(v))
    throw new UsageError(
      `unable to match a printer suitable for the output format ${quoteInput(v)}, allowed formats are: ${allowed.join(",")}`,
      command,
    );
  return v;
}
