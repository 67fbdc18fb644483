// Every `keyport` command, in the order `keyport --help` lists them.
import type { Command } from '../cli/command.ts';
import { convert } from './convert.ts';
import { derive } from './derive.ts';
import { dump } from './dump.ts';
import { inspect } from './inspect.ts';
import { restore } from './restore.ts';
import { undo } from './undo.ts';
import { unlock } from './unlock.ts';

/** The commands of `keyport`. */
export const COMMANDS: readonly Command[] = [inspect, unlock, derive, convert, dump, restore, undo];
