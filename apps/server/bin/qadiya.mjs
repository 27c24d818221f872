#!/usr/bin/env node
// Entry point of the `qadiya` command. TypeScript is compiled on load by tsx (docs/adr/0002).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
