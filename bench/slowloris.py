#!/usr/bin/env python3
"""Slowloris load for bench/slowloris.sh, on loopback only.

  slowloris.py hold  --port P --connections N --addresses M --seconds S
      Holds N connections to 127.0.0.1:P from M source addresses
      (127.10.x.y: all of 127.0.0.0/8 reaches lo), each sending a request line
      and then one header byte every few seconds, never finishing the head; a
      connection the server closes (head deadline, shed) is opened again.
      Prints "held H opened O closed C refused R" once a second; stops after S
      seconds.

  slowloris.py probe --port P --seconds S [--concurrency C] --path PATH...
      Normal visitors from 127.0.0.1: C at a time, each request on a new
      connection (Connection: close), the paths in turn, for S seconds.
      Prints one line: count, 200s, non-200s (errors and timeouts included),
      p50 and p99 in seconds.

Separate processes, so the attack's own event loop does not slow the
visitors' clock.
"""
import argparse
import asyncio
import random
import resource
import sys
import time

TRICKLE = b"X-Slowloris: " + b"a" * 200  # sent a byte at a time, never ended


def raise_file_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def source_address(k):
    return "127.10.%d.%d" % (k // 250, k % 250 + 1)


class Hold:
    def __init__(self, port, addresses, interval):
        self.port, self.addresses, self.interval = port, addresses, interval
        self.held = self.opened = self.closed = self.refused = 0
        self.stop = False

    async def one(self, i):
        # One slot: a slow connection, opened again whenever it is closed.
        while not self.stop:
            try:
                reader, writer = await asyncio.open_connection(
                    "127.0.0.1", self.port, local_addr=(source_address(i % self.addresses), 0))
            except OSError:
                await asyncio.sleep(0.5)
                continue
            self.opened += 1
            self.held += 1
            try:
                writer.write(b"GET /?slow=%d HTTP/1.1\r\nHost: x\r\n" % i)
                read = asyncio.ensure_future(reader.read(64))
                sent = 0
                while not self.stop:
                    done, _ = await asyncio.wait({read}, timeout=self.interval * (0.5 + random.random()))
                    if done:
                        if read.result().startswith(b"HTTP/1.1 503"):
                            self.refused += 1
                        break
                    writer.write(TRICKLE[sent % len(TRICKLE):][:1])
                    sent += 1
                read.cancel()
            except OSError:
                pass
            finally:
                self.held -= 1
                self.closed += 1
                writer.close()
            await asyncio.sleep(0.1 + random.random() * 0.2)

    async def run(self, n, seconds):
        end = time.monotonic() + seconds
        tasks = []
        for start in range(0, n, 250):  # in steps: the listen backlog is finite
            tasks += [asyncio.ensure_future(self.one(i)) for i in range(start, min(n, start + 250))]
            await asyncio.sleep(0.05)
        while time.monotonic() < end:
            print("held %d opened %d closed %d refused %d" % (self.held, self.opened, self.closed, self.refused), flush=True)
            await asyncio.sleep(1)
        self.stop = True
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def fetch(port, path, timeout):
    started = time.monotonic()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
        try:
            writer.write(("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % path).encode())
            data = await asyncio.wait_for(reader.read(), timeout - (time.monotonic() - started))
        finally:
            writer.close()
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else 0
    except (OSError, asyncio.TimeoutError, ValueError, IndexError):
        status = 0
    return status, time.monotonic() - started


async def probe(port, seconds, concurrency, paths, timeout):
    end = time.monotonic() + seconds
    results = []

    async def visitor(v):
        n = v
        while time.monotonic() < end:
            results.append(await fetch(port, paths[n % len(paths)], timeout))
            n += concurrency

    await asyncio.gather(*(visitor(v) for v in range(concurrency)))
    return results


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(p / 100 * len(sorted_values)))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["hold", "probe"])
    ap.add_argument("--path", action="append", dest="paths", help="a page to ask for (repeat); default /")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--connections", type=int, default=5000)
    ap.add_argument("--addresses", type=int, default=1000)
    ap.add_argument("--interval", type=float, default=2.0, help="seconds between a slow connection's bytes (about)")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=10.0)
    args = ap.parse_args()
    limit = raise_file_limit()
    if args.mode == "hold":
        if limit < args.connections + 64:
            sys.exit("open-file limit %d is too low for %d connections" % (limit, args.connections))
        asyncio.run(Hold(args.port, args.addresses, args.interval).run(args.connections, args.seconds))
        return
    results = asyncio.run(probe(args.port, args.seconds, args.concurrency, args.paths or ["/"], args.timeout))
    ok = sum(1 for s, _ in results if s == 200)
    latencies = sorted(t for _, t in results)
    print("count %d 200s %d non-200 %d p50 %.4f p99 %.4f" % (
        len(results), ok, len(results) - ok, percentile(latencies, 50), percentile(latencies, 99)))


if __name__ == "__main__":
    main()
