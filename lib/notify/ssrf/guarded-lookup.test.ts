import type { LookupAddress } from "node:dns";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutgoingPolicy } from "./address";
import { guardedLookup, isBlockedAddressError } from "./guarded-lookup";
import type { Resolve } from "./resolve";

const AZURE: OutgoingPolicy = { mode: "azure", allowLoopback: false };
const LOCAL_LOOPBACK: OutgoingPolicy = { mode: "local", allowLoopback: true };

const resolve: Resolve = async (hostname) => {
  const answers: Record<string, string[]> = {
    "public.example": ["20.50.2.1", "2a01:111:f400::1"],
    "mixed.example": ["20.50.2.1", "10.0.0.7"],
    "receiver.test": ["127.0.0.1"],
  };
  const found = answers[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return found;
};

type Answer = { err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };

function lookup(policy: OutgoingPolicy, hostname: string, options: Parameters<ReturnType<typeof guardedLookup>>[1]): Promise<Answer> {
  return new Promise((done) => guardedLookup(policy, resolve)(hostname, options, (err, address, family) => done({ err, address, family })));
}

describe("guardedLookup", () => {
  it("answers every address when node:net asks for all (happy eyeballs)", async () => {
    expect(await lookup(AZURE, "public.example", { all: true })).toEqual({
      err: null,
      address: [
        { address: "20.50.2.1", family: 4 },
        { address: "2a01:111:f400::1", family: 6 },
      ],
      family: undefined,
    });
  });

  it("answers one address, of the family asked for, otherwise", async () => {
    expect(await lookup(AZURE, "public.example", {})).toEqual({ err: null, address: "20.50.2.1", family: 4 });
    expect(await lookup(AZURE, "public.example", { family: 6 })).toEqual({ err: null, address: "2a01:111:f400::1", family: 6 });
  });

  it("refuses the whole answer when any address is refused", async () => {
    for (const options of [{ all: true }, {}, { family: 4 }]) {
      const answer = await lookup(AZURE, "mixed.example", options);
      expect(isBlockedAddressError(answer.err)).toBe(true);
      expect(answer.err?.message).toBe("mixed.example resolves to 10.0.0.7, a private network address (10.0.0.0/8); Crosslink only calls public addresses.");
    }
  });

  it("passes the resolver's own failure on", async () => {
    const answer = await lookup(AZURE, "nowhere.example", { all: true });
    expect(answer.err?.code).toBe("ENOTFOUND");
    expect(isBlockedAddressError(answer.err)).toBe(false);
  });

  describe("as the lookup of a real socket", () => {
    let server: net.Server;
    let port: number;
    let accepted = 0;

    beforeAll(async () => {
      server = net.createServer((socket) => {
        accepted += 1;
        socket.end();
      });
      await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
      port = (server.address() as net.AddressInfo).port;
    });
    afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

    function connect(policy: OutgoingPolicy): Promise<Error | null> {
      return new Promise((done) => {
        const socket = net.connect({ host: "receiver.test", port, lookup: guardedLookup(policy, resolve) });
        socket.on("connect", () => {
          socket.destroy();
          done(null);
        });
        socket.on("error", done);
      });
    }

    it("connects to what the resolver answered when the policy allows it", async () => {
      const before = accepted;
      expect(await connect(LOCAL_LOOPBACK)).toBeNull();
      await expect.poll(() => accepted).toBe(before + 1);
    });

    it("refuses the connection before it is made when it does not", async () => {
      const before = accepted;
      const err = await connect({ mode: "local", allowLoopback: false });
      expect(isBlockedAddressError(err)).toBe(true);
      expect(err?.message).toContain("receiver.test resolves to 127.0.0.1, a loopback address (127.0.0.0/8)");
      expect(accepted).toBe(before);
    });
  });
});
