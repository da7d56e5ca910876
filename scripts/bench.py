"""`make bench`: how fast the site is, as ratios against baselines measured in the same run.

Builds the site, serves it with the production nginx configuration, drives headless
Chromium over several runs, prints a table of medians and writes bench/results.json.

    python -m scripts.bench [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from scripts.browser_package import BUILT, SITE_DIR
from scripts.chromium import EXECUTABLE, FLAGS
from scripts.generated_tree import generated_tree_yaml
from scripts.paths import ROOT
from scripts.pyodide_runtime import runtime_dirname
from scripts.serve_nginx import NginxServer, nginx

SITE = ROOT / "site"
RESULTS = ROOT / "bench" / "results.json"
BENCH_PAGES = Path(__file__).parent / "bench_pages"
GUIDANCE_PAGE = "guidance/ground-rules/"
# Collected from the first paint on: long tasks on the main thread, and paint timings (the
# first paint of each marked element: decide.js redraws a linked step the early script has
# already shown, identical, and the reader saw it at the first).
OBSERVE = """
window.__longTasks = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => __longTasks.push(e.duration)))
  .observe({ type: "longtask", buffered: true });
window.__elements = {};
new PerformanceObserver((list) => list.getEntries().forEach((e) =>
  (__elements[e.identifier] ??= e.renderTime || e.loadTime)))
  .observe({ type: "element", buffered: true });
"""
# Click to the next step painted: the paint time comes from the Element Timing API, which
# the widget opts into on each step's heading (elementtiming="dt-step").
CLICK_TO_PAINT = """async (option) => {
  const started = performance.now();
  const painted = new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.identifier === "dt-step" && entry.renderTime >= started) {
          observer.disconnect();
          resolve(entry.renderTime);
        }
      }
    });
    observer.observe({ type: "element" });
  });
  document.querySelector(`.dt-step [data-option="${option}"]`).click();
  return (await painted) - started;
}"""
# A person takes far longer than this to read a question and choose.
THINKING_TIME_MS = 300
# Chromium's network emulation for a shared link opened on a phone (latency in ms,
# throughput in bytes per second).
# What navigator.connection reports, for each way the engine starts (decision-client.js).
CONNECTIONS = {
    "snapshot": "{effectiveType: '4g', downlink: 10, saveData: false}",
    "cold": "{effectiveType: '3g', downlink: 1.5, saveData: false}",
}
NETWORKS = {
    "fast": {"latency": 40, "downloadThroughput": 9e6 / 8, "uploadThroughput": 750e3 / 8},
    "slow": {"latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8},
}
# What a linked step may not wait for: it must show from the pre-rendered steps alone.
ENGINE_FILES = ["**/assets/pyodide-*/**", f"**/{SITE_DIR}**"]


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def build_times() -> dict[str, float]:
    def build() -> None:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
            cwd=ROOT,
            check=True,
            env={"NO_MKDOCS_2_WARNING": "1", **os.environ},
        )

    shutil.rmtree(BUILT, ignore_errors=True)
    progress("Building the site from scratch…")
    cold = timed(build)
    progress("Building again (engine cached)…")
    warm = timed(build)
    return {"build_from_scratch_s": cold, "build_s": warm}


def engine_times() -> dict[str, float]:
    from decision_tree.engine import paths
    from decision_tree.loader import load_tree
    from decision_tree.shipped import tree_path

    tree = load_tree(tree_path())
    enumerate_all = statistics.median(timed(lambda: sum(1 for _ in paths(tree))) for _ in range(20))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "generated.yaml"
        big.write_text(generated_tree_yaml(1000), encoding="utf-8")
        load_big = statistics.median(timed(lambda: load_tree(big)) for _ in range(5))
    return {"enumerate_paths_ms": enumerate_all * 1000, "load_1000_nodes_ms": load_big * 1000}


def install_bench_pages(site: Path) -> Path:
    target = site / "_bench"
    shutil.copytree(BENCH_PAGES, target, dirs_exist_ok=True)
    script = target / "bare.js"
    script.write_text(
        script.read_text().replace("RUNTIME", runtime_dirname()).replace("PACKAGE", SITE_DIR)
    )
    return target


class Measure:
    """Each measurement gets a new browser profile on disk: a first visit starts with empty
    caches, and a repeat visit sees what a real profile keeps (HTTP cache and the V8 code
    cache, which Chromium does not keep for incognito contexts)."""

    def __init__(self, playwright: Any, server: NginxServer) -> None:
        self.playwright = playwright
        self.server = server
        self.log_offset = server.bytes_sent()[1]
        self.profiles = tempfile.TemporaryDirectory(prefix="off-the-record-bench-")
        self.count = 0

    def new_context(self) -> Any:
        self.count += 1
        return self.playwright.chromium.launch_persistent_context(
            f"{self.profiles.name}/{self.count}",
            executable_path=EXECUTABLE,
            args=FLAGS,
        )

    def bytes_since_last(self) -> int:
        sent, self.log_offset = self.server.bytes_sent(self.log_offset)
        return sent

    def new_page(self, context: Any) -> Any:
        page = context.new_page()
        page.add_init_script(OBSERVE)
        return page

    def plain_page(self) -> dict[str, float]:
        context = self.new_context()
        page = self.new_page(context)
        self.bytes_since_last()
        page.goto(self.server.url + GUIDANCE_PAGE, wait_until="load")
        page.wait_for_timeout(300)  # let idle-time work (if any) show in the byte count
        fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        first_bytes = self.bytes_since_last()
        page.goto(self.server.url + GUIDANCE_PAGE, wait_until="load")
        page.wait_for_timeout(300)
        repeat_bytes = self.bytes_since_last()
        context.close()
        return {
            "plain_fcp_ms": fcp,
            "guidance_bytes_first": first_bytes,
            "guidance_bytes_repeat": repeat_bytes,
        }

    def bare_pyodide(self) -> dict[str, float]:
        context = self.new_context()
        page = self.new_page(context)
        page.goto(self.server.url + "_bench/")
        # Selectors, not wait_for_function: the site's CSP forbids the eval that needs.
        page.wait_for_selector("#status:has-text('ready')", timeout=120_000)
        ready = page.evaluate("performance.getEntriesByName('bare-ready')[0].startTime")
        context.close()
        self.bytes_since_last()
        return {"bare_ready_ms": ready}

    def decide_visit(self, page: Any) -> dict[str, float]:
        # decision-client.js logs the worker's own timings with "decision engine ready".
        ready_logs: list[Any] = []

        def keep_ready_log(message: Any) -> None:
            if message.text.startswith("decision engine ready"):
                ready_logs.append(message)

        page.on("console", keep_ready_log)
        page.goto(self.server.url + "decide/")
        page.wait_for_selector(".dt-widget[data-engine-state=ready]", timeout=120_000)
        page.wait_for_timeout(100)
        phases = ready_logs[0].args[1].json_value()
        return {
            "first_question_ms": page.evaluate("__elements['dt-step']"),
            "engine_start_ms": page.evaluate(
                "performance.getEntriesByName('decision-engine-start')[0].startTime"
            ),
            # From the worker's start; the cold start checks no snapshot.
            "worker_snapshot_ms": phases.get("snapshot checked", 0),
            "worker_ready_ms": phases["engine imported"],
            "ready_ms": page.evaluate(
                "performance.getEntriesByName('decision-engine-ready')[0].startTime"
            ),
            "blocking_ms": page.evaluate(
                "__longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0)"
            ),
            "bytes": self.bytes_since_last(),
        }

    def decide_page(self, start: str) -> dict[str, float]:
        """The decide page, first and repeat visit, with the engine starting from the memory
        snapshot (`snapshot`: what a fast connection gets) or cold (`cold`: a slow or metered
        one); the connection is reported to the page as decision-client.js reads it."""
        context = self.new_context()
        context.add_init_script(
            "Object.defineProperty(Navigator.prototype, 'connection', "
            f"{{get: () => ({CONNECTIONS[start]})}})"
        )
        page = self.new_page(context)
        first = self.decide_visit(page)
        page.close()  # a repeat visit starts a new page; the old one's engine is gone
        repeat = self.decide_visit(self.new_page(context))
        context.close()
        suffix = "" if start == "snapshot" else f"_{start}"
        figures = {
            f"engine_start{suffix}_ms": first["engine_start_ms"],
            f"worker_ready{suffix}_ms": first["worker_ready_ms"],
            f"ready{suffix}_ms": first["ready_ms"],
            f"blocking{suffix}_ms": first["blocking_ms"],
            f"decide_bytes_first{suffix}": first["bytes"],
            f"repeat_ready{suffix}_ms": repeat["ready_ms"],
            f"decide_bytes_repeat{suffix}": repeat["bytes"],
        }
        if start == "snapshot":
            figures["first_question_ms"] = first["first_question_ms"]
            figures["worker_snapshot_ms"] = first["worker_snapshot_ms"]
        return figures

    def emulated_page(self, context: Any, network: str) -> Any:
        page = self.new_page(context)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, **NETWORKS[network]})
        return page

    def linked_steps(self, network: str, links: dict[str, str]) -> dict[str, float]:
        """A plain page's first contentful paint, then each shared link's step painted, on
        the same emulated network, each from an empty profile; the engine's files are
        refused, so the figure proves a linked step needs none of them."""
        context = self.new_context()
        page = self.emulated_page(context, network)
        page.goto(self.server.url + GUIDANCE_PAGE, wait_until="load")
        figures = {
            f"plain_fcp_{network}_ms": page.evaluate(
                "performance.getEntriesByName('first-contentful-paint')[0].startTime"
            )
        }
        context.close()
        for name, link in links.items():
            context = self.new_context()
            page = self.emulated_page(context, network)
            for pattern in ENGINE_FILES:
                page.route(pattern, lambda route: route.abort())
            self.bytes_since_last()
            page.goto(self.server.url + "decide/#/" + link, wait_until="commit")
            page.wait_for_selector(".dt-step[data-kind] .dt-step__prompt", state="visible")
            figures[f"linked_{name}_{network}_ms"] = painted(page, "dt-step")
            figures[f"linked_{name}_{network}_bytes"] = self.bytes_since_last()
            context.close()
        return figures

    def answer_latencies(self, rounds: int) -> list[float]:
        from decision_tree.golden import path_rows
        from scripts.site_tree import load_site_tree

        rows = path_rows(load_site_tree(ROOT / "docs"))
        context = self.new_context()
        page = self.new_page(context)
        page.goto(self.server.url + "decide/")
        page.wait_for_selector(".dt-widget[data-engine-state=ready]", timeout=120_000)
        samples = []
        for answers, _outcome, _verdict in rows[:rounds]:
            for _question, option in parse_qsl(answers):
                page.wait_for_timeout(THINKING_TIME_MS)
                samples.append(page.evaluate(CLICK_TO_PAINT, option))
            page.locator("[data-action=start]").click()
            page.wait_for_selector(
                ".dt-step[data-kind=question] .dt-step__number:text-is('Question 1')"
            )
        context.close()
        self.bytes_since_last()
        return samples


def painted(page: Any, identifier: str, timeout_s: float = 60) -> float:
    """When the element marked `elementtiming=identifier` was painted (polled: the site's CSP
    forbids the eval that wait_for_function needs)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = page.evaluate(f"(window.__elements || {{}})['{identifier}'] || 0")
        if value:
            return float(value)
        page.wait_for_timeout(50)
    raise TimeoutError(f"no paint of '{identifier}' within {timeout_s} s")


def shared_links() -> dict[str, str]:
    """A link to a step in the middle of a walk, and one to an answer (the longest walk)."""
    from decision_tree.engine import paths
    from decision_tree.permalink import encode
    from scripts.site_tree import load_site_tree

    longest = max(paths(load_site_tree(ROOT / "docs")), key=lambda step: len(step.answers))
    return {
        "mid": encode(longest.answers[: len(longest.answers) // 2]),
        "answer": encode(longest.answers),
    }


LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_FAILURES = 3
LIGHTHOUSE_PAGES = {
    "decide": "decide/",
    "answer": "answers/go-on-background/",
    "guidance": GUIDANCE_PAGE,
}


def lighthouse_once(url: str, preset: str) -> dict[str, float]:
    """Lighthouse's four scores (0-100) and total blocking time for one page and preset
    (`mobile`, its default, or `desktop`), in Debian's Chromium."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--chrome-flags=" + " ".join(["--headless=new", *FLAGS]),
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        subprocess.run(
            command, check=True, timeout=300, env={**os.environ, "CHROME_PATH": EXECUTABLE}
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * category["score"]) for name, category in data["categories"].items()}
    return {**scores, "tbt_ms": data["audits"]["total-blocking-time"]["numericValue"]}


def lighthouse(url: str, preset: str, runs: int) -> dict[str, float]:
    """The median of each figure over `runs` Lighthouse runs: one run's performance score
    swings by several points here (91 to 98 on one page), and Lighthouse's own advice is the
    median of five (docs/variability.md). A run that fails (Lighthouse's intermittent
    NO_NAVSTART, a few times in 30 runs here) is reported and run again; the row fails after
    LIGHTHOUSE_FAILURES failures."""
    results: list[dict[str, float]] = []
    failures = 0
    while len(results) < runs:
        try:
            results.append(lighthouse_once(url, preset))
        except subprocess.CalledProcessError as error:
            failures += 1
            progress(f"  Lighthouse failed on {url} ({preset}), exit {error.returncode}")
            if failures >= LIGHTHOUSE_FAILURES:
                raise
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def lighthouse_table(results: dict[str, dict[str, float]]) -> str:
    columns = ["performance", "accessibility", "best-practices", "seo", "tbt_ms"]
    lines = [f"{'Lighthouse':<22}" + "".join(f"{c:>16}" for c in columns)]
    for key, scores in results.items():
        lines.append(
            f"{key:<22}" + "".join(f"{scores.get(c, float('nan')):>16,.0f}" for c in columns)
        )
    return "\n".join(lines)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run(runs: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {"runs": runs, **build_times(), **engine_times()}
    install_bench_pages(SITE)
    samples: dict[str, list[float]] = {}
    with nginx(SITE) as server, sync_playwright() as playwright:
        measure = Measure(playwright, server)
        links = shared_links()
        for n in range(1, runs + 1):
            progress(f"Run {n} of {runs}: plain page, bare Pyodide, decide page, shared links…")
            for figures in (
                measure.plain_page(),
                measure.bare_pyodide(),
                measure.decide_page("snapshot"),
                measure.decide_page("cold"),
                measure.linked_steps("fast", links),
                measure.linked_steps("slow", links),
            ):
                for key, value in figures.items():
                    samples.setdefault(key, []).append(value)
        progress("Answer latency…")
        latencies = measure.answer_latencies(rounds=12)
        measure.profiles.cleanup()
        progress(f"Lighthouse, mobile and desktop presets, {runs} runs each…")
        results["lighthouse"] = {
            f"{name} ({preset})": lighthouse(server.url + path, preset, runs)
            for name, path in LIGHTHOUSE_PAGES.items()
            for preset in ("mobile", "desktop")
        }
    shutil.rmtree(SITE / "_bench", ignore_errors=True)
    medians = {key: statistics.median(values) for key, values in samples.items()}
    results.update(medians)
    results["samples"] = samples
    results["answer_p50_ms"] = percentile(latencies, 0.5)
    results["answer_p95_ms"] = percentile(latencies, 0.95)
    results["answer_samples"] = len(latencies)
    results["answer_latencies_ms"] = latencies
    return results


ROWS = [
    # label, value, baseline, target (ratio or absolute), unit
    ("First question visible vs plain page FCP", "first_question_ms", "plain_fcp_ms", 1.1, "ms"),
    (
        "Linked mid-walk step vs plain FCP, fast 4G",
        "linked_mid_fast_ms",
        "plain_fcp_fast_ms",
        1.2,
        "ms",
    ),
    (
        "Linked answer vs plain FCP, fast 4G",
        "linked_answer_fast_ms",
        "plain_fcp_fast_ms",
        1.2,
        "ms",
    ),
    (
        "Linked mid-walk step vs plain FCP, slow 4G",
        "linked_mid_slow_ms",
        "plain_fcp_slow_ms",
        1.2,
        "ms",
    ),
    (
        "Linked answer vs plain FCP, slow 4G",
        "linked_answer_slow_ms",
        "plain_fcp_slow_ms",
        1.2,
        "ms",
    ),
    ("Bytes before a linked answer shows", "linked_answer_slow_bytes", None, None, "B"),
    ("Engine ready vs bare loadPyodide()", "ready_ms", "bare_ready_ms", 0.35, "ms"),
    ("Engine ready, repeat vs first visit", "repeat_ready_ms", "ready_ms", 0.5, "ms"),
    # Where the first visit's time goes: the page starts the engine when it is idle; then the
    # worker's own clock (decision-worker.js phases).
    ("  engine started, after navigation", "engine_start_ms", None, None, "ms"),
    ("  worker: snapshot downloaded and checked", "worker_snapshot_ms", None, None, "ms"),
    ("  worker: engine ready", "worker_ready_ms", None, None, "ms"),
    ("Cold start: ready vs bare loadPyodide()", "ready_cold_ms", "bare_ready_ms", None, "ms"),
    ("Cold start: repeat vs first visit", "repeat_ready_cold_ms", "ready_cold_ms", None, "ms"),
    ("  worker: engine ready, cold start", "worker_ready_cold_ms", None, None, "ms"),
    ("Answer latency p50", "answer_p50_ms", None, 16, "ms"),
    ("Answer latency p95", "answer_p95_ms", None, 16, "ms"),
    ("Main-thread blocking during boot", "blocking_ms", None, 50, "ms"),
    ("Main-thread blocking, cold start", "blocking_cold_ms", None, 50, "ms"),
    ("Decide page bytes, first visit", "decide_bytes_first", None, 6e6, "B"),
    ("Decide page bytes, first visit, cold start", "decide_bytes_first_cold", None, 3e6, "B"),
    ("Decide page bytes, repeat visit", "decide_bytes_repeat", "decide_bytes_first", None, "B"),
    ("Guidance page bytes, first visit", "guidance_bytes_first", None, None, "B"),
    (
        "Guidance page bytes, repeat visit",
        "guidance_bytes_repeat",
        "guidance_bytes_first",
        None,
        "B",
    ),
    ("mkdocs build --strict (engine cached)", "build_s", None, 15, "s"),
    ("mkdocs build --strict (from scratch)", "build_from_scratch_s", None, 15, "s"),
    ("Engine: enumerate every path", "enumerate_paths_ms", None, None, "ms"),
    ("Engine: load + validate 1,000-node tree", "load_1000_nodes_ms", None, None, "ms"),
]


def table(results: dict[str, Any]) -> str:
    lines = [f"{'figure':<44} {'median':>12} {'baseline':>12} {'ratio':>7} {'target':>8}  ok"]
    for label, key, base, target, unit in ROWS:
        value = results[key]
        baseline = results[base] if base else None
        ratio = value / baseline if baseline else None
        measured = ratio if ratio is not None else value
        ok = "" if target is None else ("yes" if measured <= target else "NO")
        if target is None:
            target_text = ""
        elif base:
            target_text = f"≤{target}x"
        else:
            target_text = f"≤{target / 1e6:g}MB" if unit == "B" else f"≤{target}{unit}"
        lines.append(
            f"{label:<44} {value:>10,.1f}{unit:<2} "
            + (f"{baseline:>10,.1f}{unit:<2}" if baseline is not None else f"{'':>12}")
            + (f" {ratio:>6.2f}x" if ratio is not None else f" {'':>7}")
            + f" {target_text:>8}  {ok}"
        )
    lines.append(
        f"(medians of {results['runs']} runs; answer latency over "
        f"{results['answer_samples']} clicks)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--runs", type=int, default=5, help="browser and Lighthouse runs per figure (default 5)"
    )
    args = parser.parse_args(argv)
    results = run(args.runs)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(table(results))
    print()
    print(lighthouse_table(results["lighthouse"]))
    print(f"(medians of {args.runs} Lighthouse runs per row)")
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
