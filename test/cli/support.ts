/**
 * Helpers for the CLI tests: the built binary run as a real process on temporary files.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  cpSync,
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
import { buildSync } from "esbuild";

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

let standaloneCli: string | undefined;

/**
 * The CLI bundled with its dependencies into a world-readable temporary folder, for runs as
 * another user (root ignores file modes, so permission tests run as `nobody`): the checkout itself
 * may sit below a folder that user cannot enter (`mktemp -d` makes 0700 folders).
 */
function cliForOtherUser(): string {
  if (standaloneCli !== undefined) return standaloneCli;
  // one folder per checkout, rebuilt on every run, so runs do not pile up bundles in /tmp
  const dir = join(
    tmpdir(),
    `imagestream-cli-bin-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}`,
  );
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const out = join(dir, "cli.mjs");
  buildSync({
    entryPoints: [CLI],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: out,
    logLevel: "error",
    // bundled CommonJS dependencies call require() for Node built-ins
    banner: {
      js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
    },
  });
  chmodSync(out, 0o755);
  // the command loads `yaml` on first use, from a node_modules beside it
  const yaml = join(dir, "node_modules", "yaml");
  rmSync(yaml, { recursive: true, force: true });
  cpSync(join(ROOT, "node_modules", "yaml"), yaml, { recursive: true });
  for (const d of [join(dir, "node_modules"), yaml]) chmodSync(d, 0o755);
  execFileSync("chmod", ["-R", "a+rX", yaml]);
  standaloneCli = out;
  return out;
}

/** Runs `node dist/cli.js ...args` (as user `uid`, when given, from a standalone bundle). */
export function cli(args: readonly string[], opts: { input?: string; cwd?: string; uid?: number } = {}): Run {
  const bin = opts.uid === undefined ? CLI : cliForOtherUser();
  const r = spawnSync(process.execPath, [bin, ...args], {
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
