#!/usr/bin/env node
// The `imagestream` command on the examples: `npm run demo` (builds first).
//
// Works on COPIES of the example files in a temporary folder, so the repository is never
// changed. Every command is printed as you would type it, followed by its output. Times are
// fixed with --now so the output is the same on every run.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "dist", "cli.js");
if (!existsSync(cli)) {
  console.error("dist/cli.js is missing: run `npm run build` first (or `npm run demo`, which builds).");
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "imagestream-demo-"));
for (const f of readdirSync(here)) if (f.endsWith(".yaml")) copyFileSync(join(here, f), join(dir, f));

let failures = 0;

/** Prints a comment line. */
function say(text) {
  console.log(`\n# ${text}`);
}

/** Runs `imagestream ...args` in the demo folder and prints the command and its output. */
function run(args, { expectFailure = false } = {}) {
  console.log(`$ imagestream ${args.map((a) => (/[\s"'$]/.test(a) ? JSON.stringify(a) : a)).join(" ")}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8" });
  process.stdout.write(r.stdout);
  process.stdout.write(r.stderr);
  if (expectFailure) console.log(`(exit status ${r.status})`);
  if ((r.status !== 0) !== expectFailure) failures++;
}

try {
  console.log(`Working on copies of examples/*.yaml in ${dir}`);

  say("An image stream from the OpenShift documentation: one tag, pushed by a build.");
  run([
    "describe",
    "is/origin-ruby-sample",
    "-f",
    "origin-ruby-sample.yaml",
    "--now",
    "2016-03-02T10:00:00Z",
  ]);

  say("The registry receives a second push and sends an ImageStreamMapping; the new image goes on top.");
  run([
    "map",
    "origin-ruby-sample-mapping-2.yaml",
    "-f",
    "origin-ruby-sample.yaml",
    "--in-place",
    "--now",
    "2016-03-02T10:15:09Z",
  ]);
  run(["get", "istag", "-f", "origin-ruby-sample.yaml", "--now", "2016-03-02T10:20:00Z"]);
  run([
    "describe",
    "istag/origin-ruby-sample:latest",
    "-f",
    "origin-ruby-sample.yaml",
    "--now",
    "2016-03-02T10:20:00Z",
  ]);

  say('The "Using image streams" guide: the python stream with one tag, 3.5.');
  run(["describe", "is/python", "-f", "python.yaml", "--now", "2017-10-02T17:06:30Z"]);

  say("oc tag python:3.5 python:latest: latest gets the image 3.5 points to now.");
  run([
    "tag",
    "python:3.5",
    "python:latest",
    "-f",
    "python.yaml",
    "--in-place",
    "--now",
    "2017-10-02T17:07:00Z",
  ]);
  run(["describe", "is/python", "-f", "python.yaml", "--now", "2017-10-02T17:08:00Z"]);

  say("oc tag docker.io/python:3.6.0 python:3.6: a tag for an external image ...");
  run([
    "tag",
    "docker.io/python:3.6.0",
    "python:3.6",
    "-f",
    "python.yaml",
    "--in-place",
    "--now",
    "2017-10-02T17:09:00Z",
  ]);
  say("... which the import controller then imports (its ImageStreamImport result is applied).");
  run([
    "import",
    "python-import-3.6.yaml",
    "-f",
    "python.yaml",
    "--in-place",
    "--now",
    "2017-10-02T17:09:30Z",
  ]);

  say("oc tag python:3.6 python:latest: move latest to 3.6.");
  run([
    "tag",
    "python:3.6",
    "python:latest",
    "-f",
    "python.yaml",
    "--in-place",
    "--now",
    "2017-10-02T17:10:00Z",
  ]);

  say("oc tag -d python:3.5: delete the old tag (spec and history).");
  run(["tag", "-d", "python:3.5", "-f", "python.yaml", "--in-place", "--now", "2017-10-02T17:11:00Z"]);

  say("oc tag --scheduled: re-import docker.io/python:3.6.0 periodically.");
  run([
    "tag",
    "docker.io/python:3.6.0",
    "python:3.6",
    "--scheduled",
    "-f",
    "python.yaml",
    "--in-place",
    "--now",
    "2017-10-02T17:12:00Z",
  ]);

  say("A mistake is refused with oc's message, and the file is left as it was.");
  run(["tag", "python:3.6", "python:-bad", "-f", "python.yaml", "--in-place"], { expectFailure: true });

  say("Roll latest back to the image before (history position 1).");
  run(["rollback", "python:latest", "1", "-f", "python.yaml", "--in-place", "--now", "2017-10-02T17:13:00Z"]);

  say("The stream now: latest's history shows every move; 3.6 is scheduled.");
  run(["describe", "is/python", "-f", "python.yaml", "--now", "2017-10-02T17:15:00Z"]);
  run(["get", "is", "-f", "python.yaml", "--now", "2017-10-02T17:15:00Z"]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (failures > 0) {
  console.error(`\n${failures} command(s) did not behave as expected.`);
  process.exit(1);
}
console.log("\nDone. The example files in the repository are unchanged.");
