#!/usr/bin/python3
"""Plots one run (`choreo run`): its timeseries.csv, read with the
summary.json beside it (or --summary), as one panel per replica and one per
other metric, over virtual time.

Each replica gets its own panel and its own y scale (a foil thousands of
keys off does not flatten a replica three keys off): keys that differ from
the owner and the absolute error, titled with the replica's strategy and
how it ended. Cumulative read counters become rates: the share of each
period's reads that were stale, in percent, and failed reads per second
beside the reads started per second. Every panel marks the
end of the workload and shades the settle phase after it (faults healed)
and every fault window of the summary's `faults` ({name, from_s, to_s};
an entry with only at_s is drawn as a line), adding worker crashes from the
summary's config ([fault.NAME] kind = crash) while a model does not list
them there. Series that are zero at every sample are left out and named
under the title instead.
Not for sweeps (see plot_sweep.py, plot_matrix.py).

Run with the interpreter that has matplotlib:
  scripts/python.sh scripts/plot_run.py out/default/timeseries.csv -o run.png
"""
import argparse
import os

import choreo_plot as cp


def read_summary(path, explicit):
    if not os.path.exists(path):
        if explicit:
            cp.fail(f"{path}: no such file")
        return {}
    summary = cp.read_json(path)
    faults = summary.get("faults", [])
    if not isinstance(faults, list):
        cp.fail(f"{path}: 'faults' is not an array")
    for f in faults:
        try:
            float(f["from_s"]) if "from_s" in f else float(f["at_s"])
        except (KeyError, TypeError, ValueError):
            cp.fail(f"{path}: each fault needs numeric from_s and to_s (or at_s)")
    return summary


def seconds(text):
    """A duration from summary.json's config ('1min', '30s') in seconds."""
    value = cp.knob_value(text or "")
    return value if value is not None else None


def mark_phases(ax, summary, first):
    """The end of the workload, the settle phase and the fault windows."""
    config = summary.get("config", {})
    end, settle = seconds(config.get("run.duration")), seconds(config.get("run.settle"))
    if settle and summary.get("sim_time_s") is not None:  # a model may stop at the end of the workload
        settle = min(settle, max(0.0, float(summary["sim_time_s"]) - end))
    if end is not None:
        ax.axvline(end, color="black", linestyle="--", linewidth=0.9,
                   label="end of workload" if first else None)
        if settle:
            ax.axvspan(end, end + settle, color="0.85", alpha=0.5, label="settle (faults healed)" if first else None)
    colours = ("tab:red", "tab:purple", "tab:orange", "tab:brown", "tab:pink")
    for i, f in enumerate(fault_windows(summary)):
        name, colour = str(f.get("name", "fault")), colours[i % len(colours)]
        if "from_s" in f:
            ax.axvspan(float(f["from_s"]), float(f["to_s"]), color=colour, alpha=0.15,
                       label=f"fault: {name}" if first else None)
        else:
            ax.axvline(float(f["at_s"]), color=colour, linewidth=1.2, label=f"fault: {name}" if first else None)


def fault_windows(summary):
    """The summary's faults, plus crash windows read from its config when the
    model does not list crashes there ([fault.NAME] kind = crash: from `at`
    to `at + restart_after`, or to the end without a restart)."""
    faults = list(summary.get("faults", []))
    if any("crash" in str(f.get("name", "")) + str(f.get("kind", "")) for f in faults):
        return faults
    config = summary.get("config", {})
    end = float(summary.get("sim_time_s", 0))
    for key, kind in sorted(config.items()):
        if not (key.startswith("fault.") and key.endswith(".kind") and kind == "crash"):
            continue
        name = key[len("fault."):-len(".kind")]
        get = lambda k, d="0": config.get(f"fault.{name}.{k}", d)  # noqa: E731
        at = seconds(get("at")) or 0.0
        restarts = get("restart", "true") in ("true", "yes", "on", "1")
        to = at + (seconds(get("restart_after", "5s")) or 0.0) if restarts else max(end, at)
        faults.append({"name": f"crash {get('service', '')} worker {get('worker')}", "from_s": at, "to_s": to})
    return faults


def columns(header, rows, path):
    """{column: [values]} with blanks as None."""
    return {c: [cp.number(r[c], f"{path}:{i + 2}") for i, r in enumerate(rows)] for c in header}


def replica_panels(data, summary):
    """[(title, [(label, values, style)])] for each replica with a non-zero sample, and the all-zero names."""
    info = {r.get("name"): r for r in summary.get("replicas", []) if isinstance(r, dict)}
    names = list(dict.fromkeys(c.rsplit(".", 1)[0] for c in data if c.endswith(".divergent_keys")))
    panels, quiet = [], []
    for name in names:
        keys, error = data.get(f"{name}.divergent_keys", []), data.get(f"{name}.abs_error", [])
        r = info.get(name, {})
        label = cp.replica_label(name, r.get("strategy", ""))
        if not any(v for v in keys + error if v):
            quiet.append(label)
            continue
        if r.get("converged") is True:
            end = f"converged at {r.get('converged_at_s'):g} s" if r.get("converged_at_s") is not None else "converged"
        elif r.get("converged") is False:
            end = f"diverged: {r.get('divergent_keys')} keys off, error {r.get('abs_error')} at the end"
        else:
            end = ""
        series = [("keys that differ", keys, "-"), ("absolute error", error, "--")]
        panels.append((f"{label}: {end}" if end else label, "keys / error (count)", series))
    return panels, quiet


def per_period(cumulative):
    """The increase of a cumulative counter at each sample (the first from 0)."""
    values, prev = [], 0
    for v in cumulative:
        v = v or 0
        values.append(v - prev)
        prev = v
    return values


def read_panels(data, t, summary):
    """Reads, from cumulative counts: stale reads as a % of each period's
    reads (a read is judged stale when it is made), and failed reads per
    second beside the reads started per second. A read fails when it gives
    up, often in a later period than the one it started in, so a failure
    rate in % of the period's reads could pass 100 % under a growing backlog."""
    if "reads.total" not in data:
        return [], []
    period = t[1] - t[0] if len(t) > 1 else 1
    workload = seconds(summary.get("config", {}).get("run.duration")) or max(t[-1], 1e-9)
    total = data["reads.total"]
    started = per_period(total)
    rate = f"reads: {(total[-1] or 0) / workload:,.0f} per second over the workload"
    panels, quiet = [], []
    if "reads.stale" in data:
        stale = per_period(data["reads.stale"])
        if any(stale):
            values = [100.0 * k / n if n > 0 else float("nan") for n, k in zip(started, stale)]
            panels.append((rate, f"% of the reads in each {period:g} s", [("stale reads", values, "-")]))
        else:
            quiet.append("stale reads")
    if "reads.failed" in data:
        failed = per_period(data["reads.failed"])
        if any(failed):
            share = 100.0 * (data["reads.failed"][-1] or 0) / max(total[-1] or 0, 1)
            title = f"failed reads: {data['reads.failed'][-1] or 0:,.0f} of {total[-1] or 0:,.0f} ({share:.1f} %)"
            if not panels:
                title = f"{rate}; {title}"
            series = [
                ("reads started", [n / period for n in started], ":"),
                ("reads failed (counted when they give up)", [k / period for k in failed], "-"),
            ]
            panels.append((title, "reads per second", series))
        else:
            quiet.append("failed reads")
    return panels, quiet


def other_panels(data, header):
    panels, quiet = [], []
    for column in header[1:]:
        if column.endswith((".divergent_keys", ".abs_error")) or column.startswith("reads."):
            continue
        if not any(v for v in data[column] if v):
            quiet.append(column)
            continue
        unit = column.replace("_per_s", " per second").replace("_", " ")
        panels.append((column, unit, [(column, data[column], "-")]))
    return panels, quiet


def title_of(summary, path, explicit):
    if explicit:
        return explicit
    if not summary:
        return os.path.basename(os.path.dirname(os.path.abspath(path)))
    config = summary.get("config", {})
    replicas = [r for r in summary.get("replicas", []) if isinstance(r, dict)]
    converged = sum(1 for r in replicas if r.get("converged") is True)
    line = f"{summary.get('scenario', '?')} · seed {summary.get('seed', '?')} · {cp.fault_mix(config)}"
    end = seconds(config.get("run.duration")) or 0
    settle = max(0.0, float(summary.get("sim_time_s", end)) - end)
    phases = f"workload 0-{end:g} s" + (f", then {settle:g} s settle (faults healed)" if settle > 0 else "")
    verdict = f"{converged} of {len(replicas)} replicas converged; " if replicas else ""
    return f"{line}\n{verdict}{phases}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("timeseries", help="timeseries.csv with header t_s,<columns>...")
    parser.add_argument("--summary", help="summary.json of the same run (default: beside the CSV)")
    parser.add_argument("-o", "--out", required=True, help="the PNG to write")
    parser.add_argument("--title", help="figure title (default: scenario, seed and faults from the summary)")
    args = parser.parse_args()

    header, rows = cp.read_csv(args.timeseries, required=("t_s",))
    if header[0] != "t_s" or len(header) < 2:
        cp.fail(f"{args.timeseries}: expected a header t_s,<column>,...")
    summary_path = args.summary or os.path.join(os.path.dirname(args.timeseries) or ".", "summary.json")
    summary = read_summary(summary_path, args.summary is not None)
    data = columns(header, rows, args.timeseries)
    t = data["t_s"]

    replicas, quiet_replicas = replica_panels(data, summary)
    reads, quiet_reads = read_panels(data, t, summary)
    others, quiet_others = other_panels(data, header)
    panels = replicas + reads + others
    if not panels:
        cp.fail(f"{args.timeseries}: every column is zero at every sample; nothing to draw")
    cols = 2 if len(panels) > 3 else 1
    nrows = (len(panels) + cols - 1) // cols
    fig, axes = cp.plt.subplots(nrows, cols, sharex=True, figsize=(7 * cols, 2.5 * nrows + 0.8), squeeze=False)
    flat = [ax for row in axes for ax in row]
    for i, (ax, (title, ylabel, series)) in enumerate(zip(flat, panels)):
        for label, values, style in series:
            ax.plot(t, [float("nan") if v is None else v for v in values], style, label=label, linewidth=1.3)
        if "diverged" in title and series[0][1] and series[0][1][-1] is not None:
            # The end state, which a spike earlier in the run may dwarf.
            ax.annotate(f"{series[0][1][-1]:g} at the end", (t[-1], series[0][1][-1]), textcoords="offset points",
                        xytext=(-4, 6), ha="right", fontsize=8, color="tab:blue")
        mark_phases(ax, summary, first=i == 0)
        ax.set_title(title, fontsize=9, loc="left")
        ax.set_ylabel(ylabel, fontsize=8)
        top = max((v for _, values, _ in series for v in values if v is not None and v == v), default=0)
        ax.set_ylim(0, top * 1.12 if top > 0 else 1)
        ax.yaxis.set_major_formatter(cp.thousands())
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, loc="best")
    for ax in flat[len(panels):]:
        ax.set_visible(False)
    for ax in flat[max(0, len(panels) - cols):len(panels)]:
        ax.set_xlabel("virtual time (s)")
        ax.tick_params(labelbottom=True)
    quiet = quiet_replicas + quiet_reads + quiet_others
    title = title_of(summary, args.timeseries, args.title)
    if quiet:
        title += "\nzero at every sample (not drawn): " + ", ".join(quiet)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    cp.save(fig, args.out)


if __name__ == "__main__":
    main()
