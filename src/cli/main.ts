/**
 * Entry point of the `imagestream` command (built to `dist/cli.js`).
 */
import { run } from "./run.js";

process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
