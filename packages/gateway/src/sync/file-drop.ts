import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Writes a file into a drop folder atomically: to a hidden temporary name in the same folder, flushed
 * to disk, then renamed into place, so a reader never sees half a file. Writing the same name again
 * replaces it whole (a resumed delivery writes the same frozen bytes).
 */
export async function dropFile(folder: string, name: string, bytes: Buffer): Promise<string> {
  if (name.includes("/") || name.includes("\\") || name.startsWith("."))
    throw new Error(`bad drop file name ${name}`);
  await mkdir(folder, { recursive: true });
  const final = path.join(folder, name);
  const temporary = path.join(folder, `.${name}.${randomBytes(6).toString("hex")}.part`);
  try {
    const handle = await open(temporary, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, final);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
  return final;
}
