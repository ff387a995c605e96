#!/usr/bin/python3
"""Plots a sweep column (error, convergence, anything numeric) against a
varied knob (e.g. loss or duplication rate), one line per --by group, with
95% confidence intervals over seeds: Wilson intervals for 0/1 columns
(converged, holds), mean +- 1.96 standard errors otherwise.

Knob values that read as numbers ('5%' = 0.05, '250ms' = 0.25 s) are placed
on a numeric axis; others are categories in sweep order.
Not for one run over time (see plot_run.py).

  scripts/python.sh scripts/plot_sweep.py sweep.csv --x sqs.loss --y abs_error_total -o loss.png
"""
import argparse

import choreo_plot as cp


def series(paths, args):
    """{group: {x_text: [y values]}} and the x column name."""
    out, x_key = {}, args.x
    for path in paths:
        header, rows = cp.read_csv(path)
        if x_key is None:
            varied = cp.vary_columns(header)
            if not varied:
                cp.fail(f"{path}: no varied key; pass --x")
            x_key = varied[0]
        for c in (x_key, args.y) + ((args.by,) if args.by else ()):
            if c not in header:
                cp.fail(f"{path}: no column '{c}' (columns: {', '.join(header)})")
        for i, r in enumerate(rows):
            y = cp.number(r[args.y], f"{path}:{i + 2}")
            if y is not None:
                out.setdefault(r[args.by] if args.by else args.y, {}).setdefault(r[x_key], []).append(y)
    return out, x_key


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="+", help="sweep CSVs")
    parser.add_argument("-o", "--out", required=True, help="the PNG to write")
    parser.add_argument("--x", help="the knob column (default: the first varied key)")
    parser.add_argument("--y", default="converged", help="the column to plot (default: converged)")
    parser.add_argument("--by", help="one line per value of this column (e.g. a strategy key)")
    parser.add_argument("--logy", action="store_true", help="logarithmic y axis")
    args = parser.parse_args()

    data, x_key = series(args.csv, args)
    if not data:
        cp.fail(f"no numeric values in column '{args.y}'")
    xs = list(dict.fromkeys(x for by_x in data.values() for x in by_x))
    numeric = all(cp.knob_value(x) is not None for x in xs)
    position = {x: (cp.knob_value(x) if numeric else i) for i, x in enumerate(xs)}
    fig, ax = cp.plt.subplots(figsize=(7, 4.2))
    for group, by_x in data.items():
        points = sorted(by_x.items(), key=lambda kv: position[kv[0]])
        px, mid, low, high = [], [], [], []
        for x, ys in points:
            if all(v in (0.0, 1.0) for v in ys):
                lo, hi = cp.wilson(sum(ys), len(ys))
                m = sum(ys) / len(ys)
            else:
                m, half = cp.mean_ci(ys)
                lo, hi = m - half, m + half
            px.append(position[x]); mid.append(m); low.append(lo); high.append(hi)
        line, = ax.plot(px, mid, marker="o", label=group)
        ax.fill_between(px, low, high, color=line.get_color(), alpha=0.2)
    if not numeric:
        ax.set_xticks(range(len(xs)), xs)
    ax.set_xlabel(x_key)
    ax.set_ylabel(f"{args.y} (mean, 95% CI over seeds)")
    if args.logy:
        ax.set_yscale("log")
    ax.grid(alpha=0.3)
    if args.by or len(data) > 1:
        ax.legend(title=args.by, fontsize=8)
    cp.save(fig, args.out)


if __name__ == "__main__":
    main()
