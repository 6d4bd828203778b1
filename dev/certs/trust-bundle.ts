import fs from "node:fs/promises";
import path from "node:path";

/**
 * The file to put in NODE_EXTRA_CA_CERTS so a Node process trusts the local CA without losing
 * whatever extra CAs the machine already trusted that way (the variable holds one file only).
 */
export async function extraCaFileWith(caFile: string, previous: string | undefined = process.env.NODE_EXTRA_CA_CERTS): Promise<string> {
  if (!previous || path.resolve(previous) === caFile) return caFile;
  const ours = await fs.readFile(caFile, "utf8");
  const theirs = await fs.readFile(previous, "utf8").catch(() => "");
  if (theirs.includes(ours.trim())) return previous; // already a bundle that contains our CA
  const bundle = path.join(path.dirname(caFile), "extra-ca-bundle.pem");
  const temp = `${bundle}.${process.pid}.tmp`;
  await fs.writeFile(temp, `${theirs.trim()}\n${ours.trim()}\n`);
  await fs.rename(temp, bundle);
  return bundle;
}
