import { ensureConsoleBuild } from "./build.js";

const force = process.argv.includes("--force");
const result = await ensureConsoleBuild({ force });
console.log(result.built ? `console built in ${result.ms} ms` : "console build is up to date");
