#!/usr/bin/env node
// The `outreach` command runs the built CLI (`npm run build` makes dist/).
import '../dist/cli.js';
