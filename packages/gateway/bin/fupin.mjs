#!/usr/bin/env node
// `pnpm fupin …` runs this bin through `pnpm exec` (no script of that name), so pnpm prints no banner.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
await main();
