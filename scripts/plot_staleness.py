#!/usr/bin/python3
"""Plots t-visibility: the probability that a read is fresh t seconds after
the write it should see, one curve per strategy.

Inputs, any mix:
  * summary.json files (`choreo run`) holding reads.t_visibility, an array of
    {"t_s": t, "p_fresh": p}; the curve is labelled with the first replica's
    strategy, else the directory name (or --label, one per input);
  * CSV files with header t_s,<label>,<label>,... holding probabilities.
Not for stale *counts* over a run (see plot_run.py).

  scripts/python.sh scripts/plot_staleness.py out/lww/summary.json out/naive/summary.json -o stale.png
"""
import argparse
import os

import choreo_plot as cp


def from_summary(path, label):
    summary = cp.read_json(path)
    points = (summary.get("reads") or {}).get("t_visibility")
    if not isinstance(points, list) or not points:
        cp.fail(f"{path}: no reads.t_visibility array (this model or run records no t-visibility)")
    try:
        curve = [(float(p["t_s"]), float(p["p_fresh"])) for p in points]
    except (KeyError, TypeError, ValueError):
        cp.fail(f"{path}: reads.t_visibility entries need numeric t_s and p_fresh")
    if label is None:
        replicas = summary.get("replicas") or []
        label = (replicas[0].get("strategy") if replicas and isinstance(replicas[0], dict) else None) \
            or os.path.basename(os.path.dirname(os.path.abspath(path)))
    return [(label, curve)]


def from_csv(path):
    header, rows = cp.read_csv(path, required=("t_s",))
    t = [cp.number(r["t_s"], f"{path}:{i + 2}") for i, r in enumerate(rows)]
    curves = []
    for column in header[1:]:
        values = [cp.number(r[column], f"{path}:{i + 2}") for i, r in enumerate(rows)]
        curves.append((column, [(a, b) for a, b in zip(t, values) if a is not None and b is not None]))
    return curves


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="summary.json or t_s,<label>... CSV files")
    parser.add_argument("-o", "--out", required=True, help="the PNG to write")
    parser.add_argument("--label", action="append", help="label of each summary.json input, in order")
    parser.add_argument("--logx", action="store_true", help="logarithmic t axis")
    args = parser.parse_args()

    labels = list(args.label or [])
    curves = []
    for path in args.inputs:
        if path.endswith(".json"):
            curves += from_summary(path, labels.pop(0) if labels else None)
        else:
            curves += from_csv(path)
    fig, ax = cp.plt.subplots(figsize=(7, 4.2))
    for label, curve in curves:
        if any(not 0.0 <= p <= 1.0 for _, p in curve):
            cp.fail(f"curve '{label}': probabilities must lie in 0..1")
        curve.sort()
        ax.step([t for t, _ in curve], [p for _, p in curve], where="post", label=label, marker=".")
    ax.set_xlabel("time since the write, t (s)")
    ax.set_ylabel("P(read is fresh)")
    ax.set_ylim(-0.02, 1.02)
    if args.logx:
        ax.set_xscale("log")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    ax.set_title("t-visibility")
    cp.save(fig, args.out)


if __name__ == "__main__":
    main()
