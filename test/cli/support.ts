/**
 * Helpers for the CLI tests: the built binary run as a real process on temporary files.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI = join(ROOT, "dist/cli.js");
export const EXAMPLES = join(ROOT, "examples");

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds `dist/cli.js` once if it is missing (CI builds before testing); safe across parallel test files. */
export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  const lock = join(ROOT, "temp", "cli-build.lock");
  mkdirSync(dirname(lock), { recursive: true });
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    // another test file is building
  }
  if (owner) {
    try {
      if (!existsSync(CLI)) execFileSync("npx", ["tsup"], { cwd: ROOT, stdio: "ignore" });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
  for (let i = 0; i < 1200 && existsSync(lock); i++) sleep(100);
}

/** The outcome of one run. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js ...args`. */
export function cli(args: readonly string[], opts: { input?: string; cwd?: string; uid?: number } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder (removed by {@link cleanup}). */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "imagestream-cli-"));
}

/** Removes a temporary folder (restoring permissions first). */
export function cleanup(dir: string): void {
  try {
    chmodSync(dir, 0o755);
  } catch {
    // gone
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Copies `examples/<name>` into `dir`; returns the copy's path. */
export function copyExample(dir: string, name: string, as = name): string {
  const to = join(dir, as);
  copyFileSync(join(EXAMPLES, name), to);
  return to;
}

/** Every file of `dir` (non-recursive) with its bytes: to prove nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out[f] = readFileSync(p).toString("base64");
  }
  return out;
}

/** Reads a file as text. */
export function read(path: string): string {
  return readFileSync(path, "utf8");
}
