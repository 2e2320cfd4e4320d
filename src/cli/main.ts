/**
 * Entry point of the `imagestream` command (built to `dist/cli.js`).
 */
import { run } from "./run.js";

// `imagestream get is ... | head -1`: a closed pipe ends the command quietly.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
