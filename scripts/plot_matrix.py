#!/usr/bin/python3
"""Draws the strategy x broker heatmap of convergence rate from one or more
sweep CSVs (`choreo sweep`): each cell is the share of runs (seeds) in which
the replica converged, annotated with the count.

Rows: by default one per replica, by name and labelled with its strategy,
read from the per-replica columns replicas.<name>.strategy /
replicas.<name>.converged (two replicas of one strategy, say with and without
recovery, stay two rows); with --rows KEY, one per value of that column,
using the run's `converged` (or --metric holds).
Columns: the values of --cols KEY (default: the first varied key).
Not for error magnitudes (see plot_sweep.py).

  scripts/python.sh scripts/plot_matrix.py results/matrix.csv -o matrix.png --cols broker.kind
"""
import argparse

import choreo_plot as cp


def replica_names(header):
    return [c[len("replicas."):-len(".strategy")] for c in header
            if c.startswith("replicas.") and c.endswith(".strategy")]


def tally(paths, args):
    """{(row, col): [successes, runs]}, with row and col values in first-seen order."""
    cells, rows_seen, cols_seen = {}, [], []
    for path in paths:
        header, rows = cp.read_csv(path)
        col_key = args.cols or (cp.vary_columns(header) or cp.fail(f"{path}: no varied key; pass --cols"))[0]
        if col_key not in header:
            cp.fail(f"{path}: no column '{col_key}' (varied keys: {', '.join(cp.vary_columns(header))})")
        # One row per replica, by name: two replicas of one strategy (one
        # recovering, one not) stay apart. The label adds the strategy.
        pairs = ([(n, f"replicas.{n}.strategy", f"replicas.{n}.converged") for n in replica_names(header)]
                 if args.rows is None else [(None, args.rows, args.metric)])
        if not pairs:
            cp.fail(f"{path}: no replicas.<name>.strategy columns; pass --rows KEY")
        for name, row_col, ok_col in pairs:
            for c in (row_col, ok_col):
                if c not in header:
                    cp.fail(f"{path}: no column '{c}'")
            for i, r in enumerate(rows):
                y = f"{name} ({r[row_col]})" if name is not None else r[row_col]
                x = r[col_key]
                ok = cp.number(r[ok_col], f"{path}:{i + 2}")
                if ok is None:
                    continue
                rows_seen += [y] if y not in rows_seen else []
                cols_seen += [x] if x not in cols_seen else []
                cell = cells.setdefault((y, x), [0, 0])
                cell[0] += ok > 0
                cell[1] += 1
    return cells, rows_seen, cols_seen, col_key


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="+", help="sweep CSVs")
    parser.add_argument("-o", "--out", required=True, help="the PNG to write")
    parser.add_argument("--cols", help="column for the x axis, e.g. broker.kind (default: first varied key)")
    parser.add_argument("--rows", help="column for the y axis (default: one row per replica)")
    parser.add_argument("--metric", default="converged", choices=("converged", "holds"),
                        help="run column counted as success with --rows (default: converged)")
    parser.add_argument("--scenario", help="the scenario file, for the title's fault mix "
                                           "(default: scenarios/<scenario>.ini)")
    args = parser.parse_args()

    cells, ys, xs, col_key = tally(args.csv, args)
    if not cells:
        cp.fail("no runs with a value to count")
    grid = [[100 * cells[(y, x)][0] / cells[(y, x)][1] if (y, x) in cells else float("nan") for x in xs]
            for y in ys]
    fig, ax = cp.plt.subplots(figsize=(3.2 + 1.4 * len(xs), 1.6 + 0.5 * len(ys)))
    image = ax.imshow(grid, cmap="RdYlGn", vmin=0, vmax=100, aspect="auto")
    for i, y in enumerate(ys):
        for j, x in enumerate(xs):
            if (y, x) in cells:
                k, n = cells[(y, x)]
                dark = k / n < 0.2 or k / n > 0.8  # the colormap's ends: white text reads better
                ax.text(j, i, f"{100 * k / n:.0f}%\n{k}/{n}", ha="center", va="center", fontsize=8,
                        color="white" if dark else "black")
    ax.set_xticks(range(len(xs)), xs)
    ax.set_yticks(range(len(ys)), ys)
    ax.set_xlabel(col_key)
    ax.set_ylabel(args.rows or "replica (strategy)")
    what = "runs in which each replica converged" if args.rows is None else f"runs with {args.metric} = 1"
    fig.colorbar(image, ax=ax, label="runs (%)")
    header, rows = cp.read_csv(args.csv[0])
    fig.suptitle(cp.sweep_title(what, args.csv[0], header, rows, args.scenario), fontsize=9)
    fig.tight_layout()
    cp.save(fig, args.out)


if __name__ == "__main__":
    main()
