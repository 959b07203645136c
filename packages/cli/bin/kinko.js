#!/usr/bin/env node
// The `kinko` command: the TypeScript sources run through tsx (docs/decisions/0001).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
