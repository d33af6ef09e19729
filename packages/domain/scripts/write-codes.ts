import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderCodesDocument } from "../src/codes-document.js";

const target = fileURLToPath(new URL("../CODES.md", import.meta.url));
writeFileSync(target, renderCodesDocument());
console.log(`wrote ${target}`);
