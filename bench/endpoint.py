"""Benchmark: ``referatbot serve`` against a bare botbuilder echo bot, on the same machine.

Run from the repository root: ``python bench/endpoint.py [--seconds 30] [--paced-seconds 15]``.

Each bot runs as its own process pinned with ``taskset`` to a CPU of its own (the echo bot to CPU 0,
Referatbot to CPU 1); while one is measured, this driver and its loopback stub connector (which takes
the replies, as the Bot Connector would) are pinned to the other CPU. For each bot: 100 conversations
send decision questions, each as soon as the reply to its previous one came back, for ``--seconds``
(saturation: replies/s); then Poisson arrivals at half the echo bot's saturation rate for
``--paced-seconds`` (latency at a load both can carry). Latency is from sending the activity to the
reply (a message activity; Referatbot's typing indicator is not counted) reaching the stub. Errors
are non-200 answers, broken connections and replies missing after ``--timeout`` seconds. CPU is the
bot process's user+system time over the phase's wall time. Both bots run in local anonymous mode
(no token), so both reply to the loopback stub. Referatbot answers from the sample archive
(samples/minutes) in a SQLite store, as ``scripts/run`` sets it up.

Prints one block per bot and the ratios (Referatbot / echo). Targets (issue 16): saturation
replies/s ≥ 1.0× the echo bot's; p95 ≤ 100 ms at half the echo bot's rate.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
CONVERSATIONS = 100
QUESTIONS = (
    "hvad blev besluttet om frisættelse?",
    "hvad blev besluttet om budget",
    "hvad besluttede chefteamet om budget i 2023?",
    "klippekort",
    "hvad blev besluttet om sygefravær?",
    "what was decided about frisættelse?",
    "hvad blev besluttet om rehabilitering?",
    "hvad blev besluttet om demens?",
)
ECHO_CPU, REFERATBOT_CPU = 0, 1


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Phase:
    """What one phase measured."""

    name: str
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    cpu: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def quantile(self, q: float) -> float:
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[int(q) - 1] * 1000

    def line(self) -> str:
        return (f"  {self.name:<11} {self.rate:7.1f} replies/s   p50 {self.quantile(50):7.1f} ms   "
                f"p95 {self.quantile(95):7.1f} ms   p99 {self.quantile(99):7.1f} ms   errors {self.errors:4d}   "
                f"CPU {self.cpu * 100:5.1f} %")


class Stub:
    """The Bot Connector stand-in: takes every activity a bot posts and hands message replies to waiters."""

    def __init__(self) -> None:
        self.waiting: dict[str, asyncio.Future[float]] = {}
        self.pending: dict[str, deque[str]] = defaultdict(deque)  # conversation -> activity ids in flight
        self.posts = 0

    async def activities(self, request: web.Request) -> web.Response:
        self.posts += 1
        body = json.loads(await request.read())
        if body.get("type") == "message":
            conversation = request.match_info["conversation"]
            reply_to = request.match_info.get("reply_to") or body.get("replyToId") or ""
            queue = self.pending[conversation]
            if reply_to not in self.waiting and queue:
                reply_to = queue[0]  # a proactive (late) reply names no activity: the oldest waiting
            future = self.waiting.pop(reply_to, None)
            if reply_to in queue:
                queue.remove(reply_to)
            if future is not None and not future.done():
                future.set_result(time.perf_counter())
        return web.json_response({"id": f"r{self.posts}"})

    def app(self) -> web.Application:
        app = web.Application(client_max_size=1024 * 1024)
        app.router.add_post("/v3/conversations/{conversation}/activities", self.activities)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self.activities)
        return app


class Driver:
    """Sends activities to one bot and times their replies."""

    def __init__(self, http: aiohttp.ClientSession, stub: Stub, stub_url: str, bot_url: str, timeout: float) -> None:
        self.http, self.stub, self.stub_url, self.bot_url, self.timeout = http, stub, stub_url, bot_url, timeout
        self.ids = itertools.count()

    def activity(self, conversation: int) -> dict[str, object]:
        n = next(self.ids)
        return {
            "type": "message", "id": f"bench-{os.getpid()}-{n}", "channelId": "msteams",
            "serviceUrl": self.stub_url, "locale": "da-DK", "text": QUESTIONS[n % len(QUESTIONS)],
            "timestamp": "2026-11-25T09:00:00.000Z",
            "from": {"id": f"29:bench-user-{conversation}", "name": f"Bruger {conversation}",
                     "aadObjectId": f"00000000-0000-4000-8000-{conversation:012d}"},
            "recipient": {"id": "28:bench-bot", "name": "Referatbot"},
            "conversation": {"id": f"a:bench-conversation-{conversation}", "conversationType": "personal"},
        }

    async def one(self, conversation: int, phase: Phase) -> None:
        body = self.activity(conversation)
        activity_id, conversation_id = str(body["id"]), body["conversation"]["id"]  # type: ignore[index]
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.stub.waiting[activity_id] = future
        self.stub.pending[conversation_id].append(activity_id)
        start = time.perf_counter()
        try:
            async with self.http.post(f"{self.bot_url}/api/messages", json=body) as response:
                await response.read()
                if response.status >= 300:
                    raise RuntimeError(f"HTTP {response.status}: {(await response.text())[:200]}")
            arrived = await asyncio.wait_for(future, self.timeout)
        except (aiohttp.ClientError, asyncio.TimeoutError, RuntimeError) as exc:
            if os.environ.get("BENCH_DEBUG"):
                print(repr(exc), file=sys.stderr)
            phase.errors += 1
            self.stub.waiting.pop(activity_id, None)
            if activity_id in self.stub.pending[conversation_id]:
                self.stub.pending[conversation_id].remove(activity_id)
            return
        phase.latencies.append(arrived - start)

    async def saturate(self, phase: Phase, seconds: float) -> None:
        """Every conversation sends its next question as soon as its last reply came back."""
        deadline = time.perf_counter() + seconds

        async def conversation(c: int) -> None:
            while time.perf_counter() < deadline:
                await self.one(c, phase)

        started = time.perf_counter()
        await asyncio.gather(*(conversation(c) for c in range(CONVERSATIONS)))
        phase.seconds = time.perf_counter() - started

    async def poisson(self, phase: Phase, seconds: float, rate: float, rng: random.Random) -> None:
        """Arrivals at ``rate`` a second, exponentially spaced, spread over the conversations."""
        tasks: list[asyncio.Task[None]] = []
        started = time.perf_counter()
        at = started
        for n in itertools.count():
            at += rng.expovariate(rate)
            if at - started >= seconds:
                break
            delay = at - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(self.one(n % CONVERSATIONS, phase)))
        await asyncio.gather(*tasks)
        phase.seconds = seconds  # arrivals were offered over this window


async def wait_healthy(http: aiohttp.ClientSession, url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(300):  # 30 s at most
        if process.poll() is not None:
            raise SystemExit(f"the bot at {url} exited with {process.returncode}")
        try:
            async with http.get(f"{url}/healthz") as response:
                if response.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.1)
    raise SystemExit(f"the bot at {url} did not come up")


def pin_self(cpu: int) -> None:
    os.sched_setaffinity(0, {cpu})


async def measure(name: str, command: list[str], cpu: int, env: dict[str, str], args: argparse.Namespace,
                  rate: float | None) -> tuple[Phase, Phase | None]:
    """Start the bot pinned to ``cpu``, drive it from the other CPU; the saturation and paced phases."""
    pin_self(1 - cpu)
    stub = Stub()
    runner = web.AppRunner(stub.app(), access_log=None)
    await runner.setup()
    stub_port = free_port()
    await web.TCPSite(runner, "127.0.0.1", stub_port).start()
    port = free_port()
    process = subprocess.Popen(["taskset", "-c", str(cpu), *command, str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    connector = aiohttp.TCPConnector(limit=0)
    try:
        async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=args.timeout)) as http:
            bot_url = f"http://127.0.0.1:{port}"
            await wait_healthy(http, bot_url, process)
            driver = Driver(http, stub, f"http://127.0.0.1:{stub_port}/", bot_url, args.timeout)
            await driver.saturate(Phase("warm-up"), args.warmup)
            saturated = Phase("saturated")
            before = cpu_seconds(process.pid)
            spy = None
            if args.profile and name == "referatbot":
                spy = subprocess.Popen(["py-spy", "record", "--pid", str(process.pid), "--rate", "250",
                                        "--duration", str(int(args.seconds)), "--format", "raw", "--nonblocking",
                                        "--output", args.profile], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            await driver.saturate(saturated, args.seconds)
            if spy is not None:
                spy.wait(timeout=60)
                print_profile(Path(args.profile))
            saturated.cpu = (cpu_seconds(process.pid) - before) / saturated.seconds
            paced = None
            target = rate if rate is not None else saturated.rate / 2
            if target > 0:
                paced = Phase(f"{target:.1f}/s")
                await asyncio.sleep(1.0)  # let the backlog drain
                before = cpu_seconds(process.pid)
                await driver.poisson(paced, args.paced_seconds, target, random.Random(args.seed))
                paced.cpu = (cpu_seconds(process.pid) - before) / args.paced_seconds
            return saturated, paced
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        await runner.cleanup()


def print_profile(path: Path, top: int = 30) -> None:
    """The functions holding the most samples of a py-spy raw (collapsed-stack) profile, inclusive."""
    inclusive: dict[str, int] = defaultdict(int)
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        total += int(count)
        for frame in set(stack.split(";")):
            inclusive[frame] += int(count)
    print(f"py-spy: {total} samples of referatbot serve while saturated (inclusive share):")
    for frame, count in sorted(inclusive.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {count / total * 100:5.1f} %  {frame[:150]}")


def seed_store(folder: Path) -> str:
    url = f"sqlite:///{folder / 'bench.db'}"
    subprocess.run([sys.executable, "-m", "bot.cli", "--db", url, "ingest", str(ROOT / "samples" / "minutes")],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return url


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="saturation phase (default 30)")
    parser.add_argument("--paced-seconds", type=float, default=15.0, help="Poisson phase (default 15)")
    parser.add_argument("--warmup", type=float, default=3.0, help="unmeasured traffic first (default 3)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a reply may take before it counts as an error")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--paced-rate", type=float, metavar="R",
                        help="Poisson rate for both bots (default: half the echo bot's saturation rate)")
    parser.add_argument("--profile", metavar="FILE", help="py-spy Referatbot's saturated phase into FILE (raw) and print its top frames")
    args = parser.parse_args()
    if not shutil.which("taskset") or len(os.sched_getaffinity(0)) < 2:
        raise SystemExit("needs taskset and two CPUs")
    folder = Path(tempfile.mkdtemp(prefix="referatbot-bench-endpoint-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MicrosoftApp", "REFERATBOT_"))}
    env["REFERATBOT_DATABASE_URL"] = seed_store(folder)
    env["PYTHONPATH"] = str(ROOT)

    echo = await measure("echo", [sys.executable, str(ROOT / "bench" / "echo_bot.py")], ECHO_CPU, env, args,
                         args.paced_rate)
    assert echo[1] is not None
    rate = args.paced_rate or echo[0].rate / 2
    ours = await measure("referatbot", [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port"],
                         REFERATBOT_CPU, env, args, rate)
    print(f"{CONVERSATIONS} conversations; saturation {args.seconds:.0f} s, then Poisson at {rate:.1f}/s "
          f"({'as asked' if args.paced_rate else 'half the echo bot' + chr(39) + 's rate'}) for {args.paced_seconds:.0f} s")
    for name, (saturated, paced) in (("echo bot (CPU 0)", echo), ("referatbot serve (CPU 1)", ours)):
        print(name)
        print(saturated.line())
        if paced is not None:
            print(paced.line())
    assert ours[1] is not None and echo[1] is not None
    print(f"ratio referatbot/echo: saturation replies/s {ours[0].rate / echo[0].rate:.2f}x; "
          f"paced p95 {ours[1].quantile(95):.1f} ms vs {echo[1].quantile(95):.1f} ms "
          f"({ours[1].quantile(95) / echo[1].quantile(95):.2f}x); "
          f"CPU at the paced rate {ours[1].cpu * 100:.0f} % vs {echo[1].cpu * 100:.0f} %")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
