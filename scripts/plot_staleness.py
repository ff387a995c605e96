#!/usr/bin/python3
"""Plots t-visibility: at each age t, of the lookups made at most t after
the write they should see, the share that saw it (cumulative, as `choreo
run` prints it), one curve per input.

Inputs, any mix:
  * summary.json files (`choreo run`) holding reads.t_visibility, an array of
    {"t_s": t, "p_fresh": p, "lookups": n} per age bin; each curve is named
    by its scenario, seed and the user mirror the reads went to, with its
    strategy (or --label, one per summary.json);
  * CSV files with header t_s,<label>,<label>,... holding shares in 0..1,
    drawn as they are.
The title names the scenarios, seeds and fault mixes.
Not for stale *counts* over a run (see plot_run.py).

  scripts/python.sh scripts/plot_staleness.py out/default/summary.json out/faults/summary.json -o stale.png
"""
import argparse
import os

import choreo_plot as cp


def cumulative(points, path):
    try:
        bins = sorted((float(p["t_s"]), float(p["p_fresh"]), float(p.get("lookups", 1))) for p in points)
    except (KeyError, TypeError, ValueError):
        cp.fail(f"{path}: reads.t_visibility entries need numeric t_s and p_fresh")
    curve, fresh, seen = [], 0.0, 0.0
    for t, p, n in bins:
        fresh, seen = fresh + p * n, seen + n
        curve.append((t, fresh / seen if seen else 0.0))
    return curve


def from_summary(path, label):
    summary = cp.read_json(path)
    points = (summary.get("reads") or {}).get("t_visibility")
    if not isinstance(points, list) or not points:
        cp.fail(f"{path}: no reads.t_visibility array (this model or run records no t-visibility)")
    if label is None:
        mirrors = sorted((r for r in summary.get("replicas") or [] if isinstance(r, dict) and r.get("kind") == "mirror"),
                         key=lambda r: r.get("name", ""))
        read_from = cp.replica_label(mirrors[0].get("name"), mirrors[0].get("strategy")) if mirrors else "no mirror"
        label = f"{summary.get('scenario', os.path.basename(os.path.dirname(os.path.abspath(path))))} " \
                f"seed {summary.get('seed', '?')}: {read_from}"
    mix = cp.fault_mix(summary.get("config") or None)
    return [(label, cumulative(points, path))], f"{summary.get('scenario', '?')} · seed {summary.get('seed', '?')} · {mix}"


def from_csv(path):
    header, rows = cp.read_csv(path, required=("t_s",))
    t = [cp.number(r["t_s"], f"{path}:{i + 2}") for i, r in enumerate(rows)]
    curves = []
    for column in header[1:]:
        values = [cp.number(r[column], f"{path}:{i + 2}") for i, r in enumerate(rows)]
        curves.append((column, [(a, b) for a, b in zip(t, values) if a is not None and b is not None]))
    return curves, f"{os.path.basename(path)} (shares as given)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="summary.json or t_s,<label>... CSV files")
    parser.add_argument("-o", "--out", required=True, help="the PNG to write")
    parser.add_argument("--label", action="append", help="label of each summary.json input, in order")
    parser.add_argument("--linear", action="store_true", help="linear t axis (default: logarithmic)")
    args = parser.parse_args()

    labels = list(args.label or [])
    curves, sources = [], []
    for path in args.inputs:
        if path.endswith(".json"):
            more, source = from_summary(path, labels.pop(0) if labels else None)
        else:
            more, source = from_csv(path)
        curves += more
        sources.append(source)
    fig, ax = cp.plt.subplots(figsize=(8, 4.6))
    for label, curve in curves:
        if any(not 0.0 <= p <= 1.0 for _, p in curve):
            cp.fail(f"curve '{label}': shares must lie in 0..1")
        curve.sort()
        ax.plot([t for t, _ in curve], [100 * p for _, p in curve], marker="o", markersize=3, label=label)
    ax.set_xlabel("t: time since the write (s)")
    ax.set_ylabel("lookups within t that saw the write (%)")
    ax.set_ylim(0, 102)
    if not args.linear:
        ax.set_xscale("log")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=8, loc="lower right")
    fig.suptitle("t-visibility (cumulative)\n" + "\n".join(dict.fromkeys(sources)), fontsize=9)
    fig.tight_layout()
    cp.save(fig, args.out)


if __name__ == "__main__":
    main()
