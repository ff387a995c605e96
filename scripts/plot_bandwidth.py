#!/usr/bin/python3
"""Bar chart of bytes on the wire per published event, from sweep CSVs:
delivery.bytes divided by --per (default delivery.published), the mean over
seeds with a 95% interval, one bar per value of --by (default: the first
varied key: brokers, or a varied replica strategy to compare state-based,
op-based and delta CRDTs). Titled with the scenario, seeds and fault mix.
Not for latency (see plot_sweep.py --y delivery.latency_ms.p99).

  scripts/python.sh scripts/plot_bandwidth.py sweep.csv --by replica.counter.strategy -o bytes.png
"""
import argparse

import choreo_plot as cp


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="+", help="sweep CSVs")
    parser.add_argument("-o", "--out", required=True, help="the PNG to write")
    parser.add_argument("--by", help="one bar per value of this column (default: the first varied key)")
    parser.add_argument("--bytes", default="delivery.bytes", help="bytes column (default: delivery.bytes)")
    parser.add_argument("--per", default="delivery.published",
                        help="events column to divide by (default: delivery.published)")
    parser.add_argument("--logy", action="store_true", help="logarithmic y axis")
    parser.add_argument("--scenario", help="the scenario file, for the title's fault mix "
                                           "(default: scenarios/<scenario>.ini)")
    args = parser.parse_args()

    groups, by = {}, args.by
    for path in args.csv:
        header, rows = cp.read_csv(path, required=(args.bytes, args.per))
        if by is None:
            by = (cp.vary_columns(header) or cp.fail(f"{path}: no varied key; pass --by"))[0]
        if by not in header:
            cp.fail(f"{path}: no column '{by}'")
        for i, r in enumerate(rows):
            b, n = cp.number(r[args.bytes], f"{path}:{i + 2}"), cp.number(r[args.per], f"{path}:{i + 2}")
            if b is not None and n:
                groups.setdefault(r[by], []).append(b / n)
    if not groups:
        cp.fail(f"no rows with both {args.bytes} and a non-zero {args.per}")
    names = list(groups)
    stats = [cp.mean_ci(groups[n]) for n in names]
    fig, ax = cp.plt.subplots(figsize=(1.5 + 1.2 * len(names), 4.2))
    bars = ax.bar(range(len(names)), [m for m, _ in stats], yerr=[h for _, h in stats], capsize=4,
                  color="tab:blue", alpha=0.8)
    for bar, (m, _) in zip(bars, stats):
        ax.annotate(f"{m:,.0f}", (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center",
                    va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")
    ax.set_xticks(range(len(names)), names, rotation=20, ha="right")
    ax.set_xlabel(by)
    ax.set_ylabel(f"bytes per {'published event' if args.per == 'delivery.published' else args.per} (B)")
    if args.logy:
        ax.set_yscale("log")
    ax.grid(axis="y", alpha=0.3)
    header, rows = cp.read_csv(args.csv[0])
    what = ("bytes on the wire per published event" if (args.bytes, args.per) == ("delivery.bytes", "delivery.published")
            else f"{args.bytes} per {args.per}")
    fig.suptitle(cp.sweep_title(f"{what}: mean over seeds, 95% interval",
                                args.csv[0], header, rows, args.scenario), fontsize=9)
    fig.tight_layout()
    cp.save(fig, args.out)


if __name__ == "__main__":
    main()
