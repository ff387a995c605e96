#!/usr/bin/python3
"""Plots a sweep column against a varied knob (loss, duplication, broker),
as the mean over seeds with a 95% interval: Wilson intervals for 0/1
columns (converged, holds), drawn in percent; mean +- 1.96 standard errors
otherwise. The y axis starts at 0.

--y names a CSV column (events_processed, delivery.bytes, ...) or a
per-replica field (abs_error, divergent_keys, converged, converged_at_s):
then every replica gets its own panel and its own scale, titled with its
strategy, so a foil's error is never summed with, nor hides, a convergent
replica's; replicas at 0 in every run are named under the title instead.
A knob whose values are all numbers ('5%', '250ms') is a numeric axis in
percent or in its time unit, drawn as a line; other values (broker kinds)
are categories, drawn as bars. --overlay adds a closed-form curve in x (the
knob in seconds or as a fraction). Not for one run over time (plot_run.py).

  scripts/python.sh scripts/plot_sweep.py results/duplicates-sqs.csv --y abs_error -o error.png
  scripts/python.sh scripts/plot_sweep.py results/phold.csv --y events_processed \\
      --overlay '1000 x 1 s / (100 us + x)=1000 / (0.0001 + x)' -o events.png
"""
import argparse
import math

import choreo_plot as cp

REPLICA_FIELDS = ("abs_error", "divergent_keys", "converged", "converged_at_s")
LABELS = {
    "abs_error": "absolute error at the end of the run (count)",
    "divergent_keys": "keys that differ at the end of the run",
    "converged": "runs in which it converged (%)",
    "converged_at_s": "converged at (s of virtual time)",
    "events_processed": "events processed per run",
    "holds": "runs whose expectations hold (%)",
    "delivery.bytes": "bytes on the wire per run",
}


def series(paths, args):
    """[(panel title, {group: {x text: [y]}})], the x key, header and rows of the first CSV."""
    panels, x_key, first = {}, args.x, None
    for path in paths:
        header, rows = cp.read_csv(path)
        first = first or (path, header, rows)
        if x_key is None:
            varied = cp.vary_columns(header)
            x_key = varied[0] if varied else cp.fail(f"{path}: no varied key; pass --x")
        names = cp.replica_names(header, args.y) if args.y in REPLICA_FIELDS else []
        if names:
            targets = [(n, f"replicas.{n}.{args.y}", f"replicas.{n}.strategy") for n in names]
        elif args.y in header:
            targets = [(None, args.y, None)]
        else:
            cp.fail(f"{path}: no column '{args.y}' and no replicas.<name>.{args.y} columns "
                    f"(columns: {', '.join(header)})")
        for c in (x_key,) + ((args.by,) if args.by else ()):
            if c not in header:
                cp.fail(f"{path}: no column '{c}' (columns: {', '.join(header)})")
        for name, column, strategy in targets:
            for i, r in enumerate(rows):
                y = cp.number(r[column], f"{path}:{i + 2}")
                if y is None:
                    continue
                title = cp.replica_label(name, r[strategy]) if name else ""
                group = r[args.by] if args.by else "measured (mean over seeds)"
                panels.setdefault(title, {}).setdefault(group, {}).setdefault(r[x_key], []).append(y)
    return list(panels.items()), x_key, first


BINARY = ("converged", "holds")


def summarise(ys, binary):
    """(mid, low, high) of one point: in percent for a 0/1 column."""
    if binary:
        low, high = cp.wilson(sum(ys), len(ys))
        return 100 * sum(ys) / len(ys), 100 * low, 100 * high
    m, half = cp.mean_ci(ys)
    return m, max(0.0, m - half), m + half


def draw_panel(ax, groups, xs, position, numeric, binary, joined):
    width = 0.8 / max(1, len(groups))
    for k, (group, by_x) in enumerate(groups.items()):
        points = sorted(((position[x], summarise(ys, binary)) for x, ys in by_x.items()), key=lambda p: p[0])
        px = [p for p, _ in points]
        mid = [s[0] for _, s in points]
        low = [s[1] for _, s in points]
        high = [s[2] for _, s in points]
        if numeric and joined:
            line, = ax.plot(px, mid, marker="o", label=group)
            ax.fill_between(px, low, high, color=line.get_color(), alpha=0.2)
        elif numeric:  # measured points against a curve: not joined, so no line suggests a shape
            ax.errorbar(px, mid, yerr=[[m - lo for m, lo in zip(mid, low)], [hi - m for m, hi in zip(mid, high)]],
                        fmt="o", capsize=3, label=group)
        else:
            offset = (k - (len(groups) - 1) / 2) * width
            bars = ax.bar([p + offset for p in px], mid, width=width, label=group, alpha=0.85,
                          yerr=[[m - lo for m, lo in zip(mid, low)], [hi - m for m, hi in zip(mid, high)]],
                          capsize=3)
            # Every bar says its value, so a bar of 0 reads as 0, not as missing.
            ax.bar_label(bars, labels=[f"{m:,.3g}" for m in mid], fontsize=7, padding=2)
    if not numeric:
        ax.set_xticks(range(len(xs)), xs)


def overlay(ax, spec, xs, position):
    """Draws LABEL=EXPR over the numeric x range; EXPR is in x (base units)."""
    label, _, expr = spec.partition("=")
    if not expr:
        cp.fail(f"--overlay '{spec}': expected LABEL=EXPRESSION in x")
    values = sorted(cp.knob_value(x) for x in xs)
    scale = position[xs[0]] / cp.knob_value(xs[0]) if cp.knob_value(xs[0]) else 1.0
    grid = [values[0] + (values[-1] - values[0]) * i / 100 for i in range(101)]
    try:
        ys = [eval(expr, {"__builtins__": {}, "math": math}, {"x": x}) for x in grid]  # noqa: S307 (local plotting)
    except Exception as e:  # noqa: BLE001  (any error in the user's expression)
        cp.fail(f"--overlay '{spec}': cannot evaluate: {e}")
    ax.plot([g * scale for g in grid], ys, "--", color="black", linewidth=1, label=label)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="+", help="sweep CSVs")
    parser.add_argument("-o", "--out", required=True, help="the PNG to write")
    parser.add_argument("--x", help="the knob column (default: the first varied key)")
    parser.add_argument("--y", default="converged",
                        help="a column, or a per-replica field: abs_error, divergent_keys, converged, "
                             "converged_at_s (default: converged)")
    parser.add_argument("--by", help="one series per value of this column")
    parser.add_argument("--overlay", help="a closed-form curve, LABEL=EXPRESSION in x (needs a numeric knob)")
    parser.add_argument("--scenario", help="the scenario file, for the title's fault mix "
                                           "(default: scenarios/<scenario>.ini)")
    parser.add_argument("--logy", action="store_true", help="logarithmic y axis")
    args = parser.parse_args()

    panels, x_key, (path, header, rows) = series(args.csv, args)
    if not panels:
        cp.fail(f"no numeric values in column '{args.y}'")
    quiet = [t for t, groups in panels if t and all(v == 0 for g in groups.values() for ys in g.values() for v in ys)]
    panels = [(t, g) for t, g in panels if t not in quiet] or panels[:1]
    xs = list(dict.fromkeys(x for _, groups in panels for by_x in groups.values() for x in by_x))
    position, x_label, numeric = cp.knob_axis(x_key, xs)
    if args.overlay and not numeric:
        cp.fail(f"--overlay needs a numeric knob; '{x_key}' has values {', '.join(xs)}")
    cols = min(4, len(panels))
    nrows = (len(panels) + cols - 1) // cols
    fig, axes = cp.plt.subplots(nrows, cols, figsize=(3.8 * cols + 1, 3.0 * nrows + 1.2), squeeze=False)
    flat = [ax for row in axes for ax in row]
    for ax, (title, groups) in zip(flat, panels):
        draw_panel(ax, groups, xs, position, numeric, args.y in BINARY, joined=not args.overlay)
        if args.overlay:
            overlay(ax, args.overlay, xs, position)
        ax.set_title(title, fontsize=9)
        ax.set_xlabel(x_label)
        if ax in axes[:, 0]:
            ax.set_ylabel(LABELS.get(args.y, args.y), fontsize=8)
        if args.logy:
            ax.set_yscale("log")
        elif args.y in BINARY:
            ax.set_ylim(0, 105)  # shares: always the whole 0..100 %
        else:
            ax.set_ylim(bottom=0)
            ax.yaxis.set_major_formatter(cp.thousands())
        ax.grid(alpha=0.3)
        if args.by or args.overlay or len(groups) > 1:
            ax.legend(title=args.by, fontsize=7)
    for ax in flat[len(panels):]:
        ax.set_visible(False)
    what = f"{LABELS.get(args.y, args.y)}: mean over seeds, 95% interval"
    title = cp.sweep_title(what, path, header, rows, args.scenario)
    if quiet:
        title += "\n0 in every run (not drawn): " + ", ".join(quiet)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    cp.save(fig, args.out)


if __name__ == "__main__":
    main()
