#!/usr/bin/env node
// The installed command runs the built server command in dist/. This file is in git, so installing the workspace
// links the command before anything is built.
import '../dist/cli.js';
