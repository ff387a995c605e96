"""Shared helpers for choreo's plot scripts: reading sweep CSVs, timeseries
and summary.json files with one-line errors, confidence intervals, and
saving a figure with matplotlib's Agg backend (no display needed).

Not a plotting library: each plot_*.py owns its figure. Every user error
goes through fail(): one line on stderr, exit status 2 (choreo's "bad input").
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


def knob_value(text):
    """A varied value as a number when it reads as one ('5%' -> 0.05,
    '250ms' -> 0.25 s), else None (categorical)."""
    units = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0, "h": 3600.0, "%": 0.01, "/s": 1.0}
    for suffix in sorted(units, key=len, reverse=True):
        if text.endswith(suffix):
            try:
                return float(text[: -len(suffix)]) * units[suffix]
            except ValueError:
                return None
    try:
        return float(text)
    except ValueError:
        return None


def vary_columns(header):
    """The varied keys of a sweep CSV: the columns before 'seed'."""
    if "seed" not in header:
        fail("not a choreo sweep CSV: no 'seed' column")
    return header[: header.index("seed")]


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


def save(fig, out):
    try:
        fig.savefig(out, dpi=120, bbox_inches="tight")
    except OSError as e:
        fail(f"-o {out}: cannot write: {e.strerror}")
    plt.close(fig)
