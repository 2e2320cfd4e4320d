/**
 * An interrupted `--in-place` write leaves no temporary file behind and changes no file: the
 * signal handlers of writeFilesAtomically (src/cli/write.ts), then the command under SIGINT.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, watch, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { InterruptedError } from "../../src/cli/errors.js";
import type { InputFile } from "../../src/cli/input.js";
import { removeTemporaryFiles, writeFilesAtomically } from "../../src/cli/write.js";
import { CLI, cleanup, ensureBuilt, read, tempDir } from "./support.js";

beforeAll(() => ensureBuilt(), 300_000);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) cleanup(d);
});
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

function inputFile(path: string): InputFile {
  return { arg: path, path, stdin: false, format: "json", text: "", docs: [] };
}

/** Resolves once a temporary file shows up in `d` (polled every event-loop turn). */
async function temporaryFileIn(d: string): Promise<string> {
  for (;;) {
    const t = readdirSync(d).find((f) => f.endsWith(".tmp"));
    if (t !== undefined) return t;
    await new Promise((r) => setImmediate(r));
  }
}

describe("writeFilesAtomically: interrupted writes", () => {
  const BIG = "x".repeat(48 << 20); // 96 chunks of 512 KiB: the abort lands between two of them

  it("an abort during the write removes the temporary files and changes no file", async () => {
    const d = dir();
    const a = join(d, "a.json");
    const b = join(d, "b.json");
    writeFileSync(a, "old a\n");
    writeFileSync(b, "old b\n");
    const controller = new AbortController();
    const writing = writeFilesAtomically(
      [
        { file: inputFile(a), text: "new a\n" },
        { file: inputFile(b), text: BIG },
      ],
      { signal: controller.signal },
    );
    await temporaryFileIn(d).then(async () => {
      // wait for the second file's temporary: the first one is complete by then
      while (readdirSync(d).filter((f) => f.endsWith(".tmp")).length < 2)
        await new Promise((r) => setImmediate(r));
      controller.abort();
    });
    const err = await writing.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as InterruptedError).message).toBe("interrupted: no file was changed");
    expect(readdirSync(d).sort()).toEqual(["a.json", "b.json"]);
    expect([readFileSync(a, "utf8"), readFileSync(b, "utf8")]).toEqual(["old a\n", "old b\n"]);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal} during the write: temporary file removed, exit code 128 + ${signal === "SIGINT" ? 2 : 15}`, async () => {
      const d = dir();
      const a = join(d, "a.json");
      writeFileSync(a, "old\n");
      const writing = writeFilesAtomically([{ file: inputFile(a), text: BIG }]);
      await temporaryFileIn(d);
      // what the process receives: the handler the write installed (the default would kill the worker)
      expect(process.listenerCount(signal)).toBeGreaterThan(0);
      process.emit(signal, signal);
      const err = (await writing.then(
        () => undefined,
        (e: unknown) => e,
      )) as InterruptedError;
      expect(err).toBeInstanceOf(InterruptedError);
      expect([err.signal, err.exitCode, err.message]).toEqual([
        signal,
        signal === "SIGINT" ? 130 : 143,
        `interrupted by ${signal}: no file was changed`,
      ]);
      expect(readdirSync(d)).toEqual(["a.json"]);
      expect(readFileSync(a, "utf8")).toBe("old\n");
    });
  }

  it("after a write the handlers are gone (a later signal is not swallowed)", async () => {
    const d = dir();
    const a = join(d, "a.json");
    writeFileSync(a, "old\n");
    const before = process.listenerCount("SIGINT");
    await writeFilesAtomically([{ file: inputFile(a), text: "new\n" }]);
    expect(process.listenerCount("SIGINT")).toBe(before);
    expect(readFileSync(a, "utf8")).toBe("new\n");
  });

  it("removeTemporaryFiles ignores files already gone", () => {
    const d = dir();
    const t = join(d, ".x.tmp");
    writeFileSync(t, "");
    expect(removeTemporaryFiles([t, join(d, ".gone.tmp")])).toEqual([]);
    expect(existsSync(t)).toBe(false);
  });
});

describe("imagestream tag --in-place under SIGINT", () => {
  it("the command removes its temporary file, leaves the file as it was and exits 130", async () => {
    const d = dir();
    const f = join(d, "big.json");
    // An ImageStream plus a large object of another kind (carried along): the output is about
    // 48 MB, written in 512 KiB chunks, while reading it stays quick.
    const python = pythonStream();
    const original = `${JSON.stringify({ apiVersion: "v1", kind: "List", items: [python, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "big" }, data: { blob: "y".repeat(48 << 20) } }] })}\n`;
    writeFileSync(f, original);
    const child = spawn(process.execPath, [CLI, "tag", "python:3.5", "python:new", "-f", f, "--in-place"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
    });
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    // SIGINT as soon as the temporary file appears (the write then has about 95 chunks to go)
    await new Promise<void>((resolve) => {
      const w = watch(d, () => {
        if (readdirSync(d).some((n) => n.endsWith(".tmp"))) {
          w.close();
          child.kill("SIGINT");
          resolve();
        }
      });
    });
    const code = await exited;
    expect(readdirSync(d)).toEqual(["big.json"]);
    expect(code).toBe(130);
    expect(stderr).toBe("error: interrupted by SIGINT: no file was changed\n");
    expect(readFileSync(f, "utf8") === original).toBe(true);
  }, 120_000);
});

/** The python ImageStream of the examples, as a plain object. */
function pythonStream(): unknown {
  return parseAllDocuments(read("examples/python.yaml"))
    .map((doc) => doc.toJS() as { kind?: string })
    .find((o) => o.kind === "ImageStream");
}
