#!/usr/bin/python3
"""Plots one run's timeseries.csv (from `choreo run`): every column against
t_s, one panel per metric, one line per replica; fault windows shaded when
the summary.json beside the CSV (or --summary) lists them.

Columns named <replica>.<metric> (e.g. mirror.divergent_keys,
counter.abs_error) share the <metric> panel; a column without a dot gets a
panel of its own. Faults come from summary.json's optional `faults` array of
{name, from_s, to_s}. Not for sweeps (see plot_sweep.py).

Run with the interpreter that has matplotlib:
  scripts/python.sh scripts/plot_run.py out/default/timeseries.csv -o run.png
"""
import argparse
import os

import choreo_plot as cp


def panels(header):
    """{metric: [(label, column)]} in first-appearance order."""
    groups = {}
    for column in header[1:]:
        replica, dot, metric = column.rpartition(".")
        if not dot:
            replica, metric = column, column
        groups.setdefault(metric, []).append((replica, column))
    return groups


def faults_of(summary_path, explicit):
    if not os.path.exists(summary_path):
        if explicit:
            cp.fail(f"{summary_path}: no such file")
        return []
    faults = cp.read_json(summary_path).get("faults", [])
    if not isinstance(faults, list):
        cp.fail(f"{summary_path}: 'faults' is not an array")
    try:
        return [(str(f.get("name", "fault")), float(f["from_s"]), float(f["to_s"])) for f in faults]
    except (KeyError, TypeError, ValueError, AttributeError):
        cp.fail(f"{summary_path}: each fault needs numeric from_s and to_s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("timeseries", help="timeseries.csv with header t_s,<columns>...")
    parser.add_argument("--summary", help="summary.json with the fault windows (default: beside the CSV)")
    parser.add_argument("-o", "--out", required=True, help="the PNG to write")
    parser.add_argument("--title", help="figure title (default: the CSV's directory name)")
    args = parser.parse_args()

    header, rows = cp.read_csv(args.timeseries, required=("t_s",))
    if header[0] != "t_s" or len(header) < 2:
        cp.fail(f"{args.timeseries}: expected a header t_s,<column>,...")
    summary = args.summary or os.path.join(os.path.dirname(args.timeseries) or ".", "summary.json")
    faults = faults_of(summary, args.summary is not None)
    t = [cp.number(r["t_s"], f"{args.timeseries}:{i + 2}") for i, r in enumerate(rows)]

    groups = panels(header)
    fig, axes = cp.plt.subplots(len(groups), 1, sharex=True, figsize=(9, 2.6 * len(groups)), squeeze=False)
    for ax, (metric, series) in zip(axes[:, 0], groups.items()):
        for label, column in series:
            y = [cp.number(r[column], f"{args.timeseries}:{i + 2}") for i, r in enumerate(rows)]
            ax.plot(t, [float("nan") if v is None else v for v in y], label=label, linewidth=1.2)
        for k, (name, start, end) in enumerate(faults):
            ax.axvspan(start, end, color="tab:red", alpha=0.12, label=name if ax is axes[0, 0] else None)
            if ax is axes[0, 0]:
                ax.text(start, 1.0, name, transform=ax.get_xaxis_transform(), fontsize=7, va="bottom")
        ax.set_ylabel(metric)
        ax.grid(alpha=0.3)
        if len(series) > 1 or (faults and ax is axes[0, 0]):
            ax.legend(fontsize=7, loc="upper right")
    axes[-1, 0].set_xlabel("simulated time (s)")
    fig.suptitle(args.title or os.path.basename(os.path.dirname(os.path.abspath(args.timeseries))))
    cp.save(fig, args.out)


if __name__ == "__main__":
    main()
