/**
 * The library's private immer instance.
 *
 * The host application's immer configuration is never touched: we create our own `Immer`.
 * Auto-freeze is off because freezing would also freeze the unchanged subtrees we share with the
 * caller's input (which would be a mutation of their objects); our functions never mutate
 * anything, frozen or not.
 */
import { Immer } from "immer";

const immer = new Immer({ autoFreeze: false });

/** `produce` bound to the private instance. Returns the base object itself when the recipe changes nothing. */
export const produce: Immer["produce"] = immer.produce;
