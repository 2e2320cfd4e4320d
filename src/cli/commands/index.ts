/**
 * Every subcommand, in the order `imagestream --help` lists them.
 */
import type { Command } from "../command.js";
import { describeCommand } from "./describe.js";
import { getCommand } from "./get.js";
import { importCommand } from "./import.js";
import { mapCommand } from "./map.js";
import { pruneCommand } from "./prune.js";
import { resolveCommand } from "./resolve.js";
import { rollbackCommand } from "./rollback.js";
import { tagCommand } from "./tag.js";
import { validateCommand } from "./validate.js";

/** The subcommands of `imagestream`. */
export const COMMANDS: readonly Command[] = [
  describeCommand,
  getCommand,
  tagCommand,
  rollbackCommand,
  mapCommand,
  importCommand,
  resolveCommand,
  pruneCommand,
  validateCommand,
];
