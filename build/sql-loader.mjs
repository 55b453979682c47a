// Lets Node (tests, benchmarks, scripts run through tsx) import the numbered .sql
// migrations as text, as esbuild's 'text' loader does for the bundles.
import { register } from 'node:module';

register('./sql-hooks.mjs', import.meta.url);
