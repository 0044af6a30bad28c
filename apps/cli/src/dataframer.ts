#!/usr/bin/env node
import { main } from './main';
import { createProcessContext } from './processContext';

// The bin: runs the command line in the real process and ends with its exit code.
main(process.argv.slice(2), createProcessContext()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Errors of commands are reported by the commands; this is the last net for anything else.
    process.stderr.write(`error: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
