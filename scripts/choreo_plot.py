"""Shared helpers for choreo's plot scripts: reading sweep CSVs, timeseries
and summary.json files with one-line errors; the title every plot carries
(scenario, seeds, fault mix); axes for varied knobs with units; confidence
intervals; saving a figure with matplotlib's Agg backend (no display).

Not a plotting library: each plot_*.py owns its figure. Every user error
goes through fail(): one line on stderr, exit status 2 (choreo's "bad input").

Tests read what a figure shows without looking at pixels: when the
environment variable CHOREO_PLOT_DESCRIBE names a file, save() also writes
there a JSON description of the figure (titles, axis labels and limits,
tick labels, legend entries, how many lines and bars each panel has).
"""
import csv
import json
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

PROG = os.path.basename(sys.argv[0])
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fail(message):
    """Prints `<script>: message` and exits 2."""
    print(f"{PROG}: {message}", file=sys.stderr)
    sys.exit(2)


def read_csv(path, required=()):
    """Returns (header, rows) with rows as dicts of strings; fails on a
    missing, empty or ragged file or a missing required column."""
    try:
        with open(path, newline="") as f:
            lines = list(csv.reader(f))
    except OSError as e:
        fail(f"{path}: cannot read: {e.strerror}")
    except csv.Error as e:
        fail(f"{path}: malformed CSV: {e}")
    if not lines or not lines[0] or all(not c for c in lines[0]):
        fail(f"{path}: empty file, expected a CSV header line")
    header = lines[0]
    rows = []
    for number, fields in enumerate(lines[1:], start=2):
        if len(fields) != len(header):
            fail(f"{path}:{number}: {len(fields)} fields, expected {len(header)} as in the header")
        rows.append(dict(zip(header, fields)))
    if not rows:
        fail(f"{path}: no data rows after the header")
    for column in required:
        if column not in header:
            fail(f"{path}: no column '{column}' (columns: {', '.join(header)})")
    return header, rows


def read_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except OSError as e:
        fail(f"{path}: cannot read: {e.strerror}")
    except json.JSONDecodeError as e:
        fail(f"{path}:{e.lineno}: malformed JSON: {e.msg}")


def number(text, where):
    """A float from a CSV field; '' is None; anything else fails."""
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        fail(f"{where}: '{text}' is not a number")


# --- varied knobs -----------------------------------------------------------

_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0, "d": 86400.0}


def knob_value(text):
    """A varied value as a number when it reads as one ('5%' -> 0.05,
    '250ms' -> 0.25 s, '200/s' -> 200), else None (categorical)."""
    suffixes = dict(_UNITS, **{"%": 0.01, "/s": 1.0})
    for suffix in sorted(suffixes, key=len, reverse=True):
        if text.endswith(suffix):
            try:
                return float(text[: -len(suffix)]) * suffixes[suffix]
            except ValueError:
                return None
    try:
        return float(text)
    except ValueError:
        return None


def knob_axis(key, texts):
    """How to place the values of a varied key on an axis.

    Returns (positions, label, numeric): positions maps each text to its x;
    percentages are placed in percent and durations in the unit of the
    largest value, with the unit in the label; values that are not all
    numbers are categories at 0, 1, 2, ... in sweep order (numeric False:
    draw them as bars or points, never joined by lines)."""
    values = [knob_value(t) for t in texts]
    if not texts or any(v is None for v in values):
        return {t: i for i, t in enumerate(texts)}, key, False
    if all(t.endswith("%") for t in texts):
        return {t: v * 100 for t, v in zip(texts, values)}, f"{key} (%)", True
    if all(t.endswith("/s") for t in texts):
        return dict(zip(texts, values)), f"{key} (per second)", True
    if all(any(t.endswith(u) for u in _UNITS) and not t.endswith("/s") for t in texts):
        top = max(values)
        unit = "ms" if top < 1 else "s"
        scale = 1e3 if unit == "ms" else 1.0
        return {t: v * scale for t, v in zip(texts, values)}, f"{key} ({unit})", True
    return dict(zip(texts, values)), key, True


def vary_columns(header):
    """The varied keys of a sweep CSV: the columns before 'seed'."""
    if "seed" not in header:
        fail("not a choreo sweep CSV: no 'seed' column")
    return header[: header.index("seed")]


def replica_names(header, field="strategy"):
    """Replica names of a sweep CSV, from its replicas.<name>.<field> columns."""
    tail = "." + field
    return [c[len("replicas."):-len(tail)] for c in header if c.startswith("replicas.") and c.endswith(tail)]


def replica_label(name, strategy):
    """How every plot names a replica: by name, with its strategy."""
    return f"{name} ({strategy})" if strategy and strategy != name else name


# --- titles: scenario, seeds, fault mix -------------------------------------


def read_scenario(path):
    """A scenario file's entries as {"section.key": "value"} (comments and
    blank lines skipped), or None when there is no such file."""
    try:
        with open(path) as f:
            lines = f.readlines()
    except OSError:
        return None
    values, section = {}, ""
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif "=" in line:
            key, value = (part.strip() for part in line.split("=", 1))
            values[f"{section}.{key}" if section else key] = value
    return values


def scenario_values(name, explicit=None):
    """The entries of scenario `name`: the file given with --scenario, else
    scenarios/<name>.ini in the current directory or the repository."""
    if explicit:
        values = read_scenario(explicit)
        if values is None:
            fail(f"--scenario {explicit}: cannot read")
        return values
    for root in (".", REPO):
        values = read_scenario(os.path.join(root, "scenarios", f"{name}.ini"))
        if values is not None:
            return values
    return None


def _zero(text):
    return knob_value(text) == 0 if text else True


def fault_mix(values, varied=()):
    """A short description of the broker and every fault of a scenario, from
    its entries or its summary's `config` (missing keys are defaults):
    'SQS, delay exp:200ms, 2% duplicates'. A varied key is described by its
    values: 'broker.loss in {0%, 1%, 5%}'. None when unknown."""
    if values is None:
        return None
    if values.get("run.model") == "phold":
        processes = values.get("phold.processes", "1000")
        return f"{processes} processes, {values.get('run.duration', '60s')} per run, no faults (engine benchmark)"
    brokers = {"nats": "NATS", "sqs": "SQS", "sqs-fifo": "SQS FIFO", "kafka": "Kafka"}
    varied = dict(varied)
    parts = []
    if "broker.kind" not in varied:
        parts.append(brokers.get(values.get("broker.kind", "nats"), values.get("broker.kind")))
    for key, label in (("broker.loss", "loss"), ("broker.duplicate", "duplicates"),
                       ("broker.handler_error", "handler errors")):
        if key not in varied and not _zero(values.get(key, "0")):
            parts.append(f"{values[key]} {label}")
    if "broker.delay" not in varied and not _zero(values.get("broker.delay", "0")):
        parts.append(f"delay {values['broker.delay']}")
    if not _zero(values.get("broker.crash_rate", "0")):
        parts.append(f"worker crashes {values['broker.crash_rate']}")
    faults = sorted({k.split(".")[1] for k in values if k.startswith("fault.") and k.count(".") >= 2})
    for name in faults:
        get = lambda key, default="": values.get(f"fault.{name}.{key}", default)  # noqa: E731
        kind = get("kind", "partition")
        if kind in ("partition", "disconnect"):
            parts.append(f"{kind} {get('service')} {get('from', '0s')}-{get('to', '0s')}")
        elif kind == "drop":
            parts.append(f"drop message {get('nth', '1')} of {get('topic')}")
        else:
            parts.append(f"crash {get('service')} worker {get('worker', '0')} at {get('at', '0s')}")
    if not _zero(values.get("workload.outage_to", "0")):
        parts.append(f"user-service outage {values.get('workload.outage_from', '0')}-{values['workload.outage_to']}")
    if not _zero(values.get("workload.clock_skew", "0")):
        parts.append(f"hosts {values['workload.clock_skew']} apart")
    for key, texts in varied.items():
        parts.append(f"{key} in {{{', '.join(texts)}}}")
    only_broker = len(parts) == 1 and parts[0] in brokers.values()
    return ", ".join(parts) + (", no faults" if only_broker else "")


def seed_text(seeds):
    """'seeds 1..20 (20 runs per point)' from the seeds of the rows."""
    seeds = sorted({int(float(s)) for s in seeds if s != ""})
    if not seeds:
        return "no seeds"
    if len(seeds) == 1:
        return f"seed {seeds[0]}"
    span = f"seeds {seeds[0]}..{seeds[-1]}"
    return span if len(seeds) == seeds[-1] - seeds[0] + 1 else f"{span} ({len(seeds)} seeds)"


def sweep_title(what, path, header, rows, explicit_scenario=None):
    """'<what>\n<scenario> · seeds A..B · <fault mix>' for a sweep CSV: the
    scenario's entries with the sweep's overrides (column `overrides`) over
    them, and the varied keys with their values."""
    name = rows[0].get("scenario") or os.path.splitext(os.path.basename(path))[0]
    keys = vary_columns(header)
    varied = [(k, list(dict.fromkeys(r[k] for r in rows))) for k in keys]
    values = scenario_values(name, explicit_scenario)
    if values is not None and rows[0].get("overrides"):  # the sweep's --set values win, as in the runs
        values.update(o.split("=", 1) for o in rows[0]["overrides"].split(";") if "=" in o)
    mix = fault_mix(values, varied)
    line = f"{name} · {seed_text(r['seed'] for r in rows)} · {mix or 'fault mix unknown (pass --scenario)'}"
    return f"{what}\n{line}"


# --- statistics ---------------------------------------------------------------


def wilson(successes, n, z=1.96):
    """95% Wilson score interval of a proportion: (low, high)."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def mean_ci(values, z=1.96):
    """(mean, half-width of a normal-approximation 95% interval)."""
    n = len(values)
    if n == 0:
        return (float("nan"), 0.0)
    mean = sum(values) / n
    if n == 1:
        return (mean, 0.0)
    var = sum((v - mean) ** 2 for v in values) / (n - 1)
    return (mean, z * math.sqrt(var / n))


# --- output -------------------------------------------------------------------


def thousands():
    """An axis formatter: 12,500 rather than 1.25e4 with an offset."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{v:,.0f}" if abs(v) >= 10 or v == int(v) else f"{v:g}")


def describe(fig):
    """What the figure shows, for tests: see the module docstring."""
    suptitle = fig._suptitle.get_text() if fig._suptitle is not None else ""
    axes = []
    for ax in fig.axes:
        if ax.get_label() == "<colorbar>" or not ax.get_visible():
            continue
        legend = ax.get_legend()
        axes.append({
            "title": " ".join(t for t in (ax.get_title(loc) for loc in ("left", "center", "right")) if t),
            "xlabel": ax.get_xlabel(),
            "ylabel": ax.get_ylabel(),
            "ylim": list(ax.get_ylim()),
            "yscale": ax.get_yscale(),
            "xticklabels": [t.get_text() for t in ax.get_xticklabels()],
            "yticklabels": [t.get_text() for t in ax.get_yticklabels()],
            "lines": [{"label": line.get_label(), "points": len(line.get_xdata()),
                       "linestyle": line.get_linestyle()} for line in ax.lines],
            "bars": len([p for p in ax.patches if type(p).__name__ == "Rectangle"]),
            "spans": len([p for p in ax.patches if type(p).__name__ == "Polygon"]),
            "legend": [t.get_text() for t in legend.get_texts()] if legend else [],
            "texts": [t.get_text() for t in ax.texts],
        })
    return {"suptitle": suptitle, "axes": axes}


def save(fig, out):
    try:
        fig.savefig(out, dpi=120, bbox_inches="tight")
    except OSError as e:
        fail(f"-o {out}: cannot write: {e.strerror}")
    target = os.environ.get("CHOREO_PLOT_DESCRIBE")
    if target:
        with open(target, "w") as f:
            json.dump(describe(fig), f, indent=1)
    plt.close(fig)
