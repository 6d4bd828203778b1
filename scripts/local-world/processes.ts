import { spawn, type ChildProcess } from "node:child_process";
import https from "node:https";
import http from "node:http";
import fs from "node:fs";

/**
 * Child processes of the local world, supervised together: if one dies, everything stops with
 * its name and exit code; Ctrl-C (or SIGTERM) stops them all.
 */
export class Supervisor {
  private readonly children: { name: string; child: ChildProcess }[] = [];
  private stopping = false;

  constructor(private readonly onFatal: (message: string) => void) {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => void this.stopAll(signal === "SIGINT" ? 130 : 143));
    }
  }

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, opts: { quiet?: boolean } = {}): ChildProcess {
    const child = spawn(command, args, {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      // Same process group as this runner: Ctrl-C in a terminal, or a test runner killing the
      // group, reaches every child even if this process is killed before it can stop them.
    });
    const prefix = `[${name}] `;
    const forward = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream, always: boolean) => {
      let buffer = "";
      stream.on("data", (chunk: Buffer) => {
        buffer += chunk.toString("utf8");
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        if (!opts.quiet || always) for (const line of lines) out.write(prefix + line + "\n");
      });
    };
    forward(child.stdout!, process.stdout, false);
    forward(child.stderr!, process.stderr, true);
    child.on("exit", (code, signal) => {
      if (!this.stopping) this.onFatal(`${name} stopped unexpectedly (exit ${code ?? signal}).`);
    });
    this.children.push({ name, child });
    return child;
  }

  async stopAll(exitCode: number): Promise<never> {
    if (!this.stopping) {
      this.stopping = true;
      await Promise.all(
        this.children.map(
          ({ child }) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              const timer = setTimeout(() => kill(child, "SIGKILL"), 5000);
              child.once("exit", () => {
                clearTimeout(timer);
                resolve();
              });
              kill(child, "SIGTERM");
            }),
        ),
      );
    }
    process.exit(exitCode);
  }
}

function kill(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    child.kill(signal);
  } catch {
    // already gone
  }
}

/** Polls a URL until it answers with a status below 500 (or the timeout passes). */
export async function waitForUrl(url: string, options: { caFile?: string; timeoutMs: number }): Promise<void> {
  const ca = options.caFile ? fs.readFileSync(options.caFile) : undefined;
  const deadline = Date.now() + options.timeoutMs;
  let lastError = "no answer";
  while (Date.now() < deadline) {
    try {
      const status = await probe(url, ca);
      if (status < 500) return;
      lastError = `HTTP ${status}`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become ready within ${Math.round(options.timeoutMs / 1000)} s (${lastError})`);
}

function probe(url: string, ca?: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith("https:") ? https : http;
    const req = client.get(url, { ca, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}
