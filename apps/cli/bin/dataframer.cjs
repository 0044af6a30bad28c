#!/usr/bin/env node
'use strict';
// The installed command runs the bundled bin in dist/. This file is in git, so installing the workspace links the
// command before anything is built.
require('../dist/dataframer.cjs');
