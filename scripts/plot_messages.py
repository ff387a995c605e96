#!/usr/bin/python3
"""Draws a message sequence diagram (a space-time diagram) from a trace
written by `choreo run --trace` (README.md, "The trace file"): one lane per
publisher and per consuming service, time going down, one arrow per copy
of a message for the chosen key, from its publish to where it ended.

  - an arrow ends at its `process` line: solid for a first copy, dashed
    for an extra copy (duplicate), dotted for a redelivery or replay;
    coloured by event type (created, deleted, updated);
  - a copy that was lost ends in an x at its `lost` line (or dead-letter);
  - a handler error ends in an open circle;
  - --highlight draws the messages `choreo explain` names thick and red.

Reads JSON Lines only; needs no run. Not for whole runs: choose a key (and,
for a busy key, a time window); over --max copies it refuses and says so.

  scripts/python.sh scripts/plot_messages.py trace.jsonl --key comment:932 -o messages.png
"""
import argparse
import json

import choreo_plot as cp

COLOURS = {"CommentCreated": "tab:green", "CommentDeleted": "tab:red", "UserUpdated": "tab:blue"}
KEY_FIELDS = ("user", "comment", "story", "chapter", "paragraph")


def parse_key(text):
    field, _, value = text.partition(":")
    if field not in KEY_FIELDS or not value.isdigit():
        cp.fail(f"--key '{text}': expected FIELD:N with FIELD one of {', '.join(KEY_FIELDS)}")
    return field, int(value)


def parse_time(text, flag):
    value = cp.knob_value(text)
    if value is None or not text.rstrip().endswith(("s", "ms", "us", "min")):
        cp.fail(f"{flag} '{text}': expected a duration such as 10s or 250ms")
    return value


def read_trace(path, key, start, end):
    """The key's message lines in [start, end) seconds, and the lanes."""
    field, value = key
    lines = []
    try:
        f = open(path)
    except OSError as e:
        cp.fail(f"{path}: cannot read: {e.strerror}")
    with f:
        for number, text in enumerate(f, start=1):
            try:
                line = json.loads(text)
                t = line["t_us"] / 1e6
            except (json.JSONDecodeError, KeyError, TypeError):
                cp.fail(f"{path}:{number}: not a choreo trace line (JSON with t_us)")
            if "msg" in line and line.get(field) == value and start <= t < end:
                lines.append(line)
    if not lines:
        cp.fail(f"{path}: no message lines for {field} {value} in the window (was the trace filtered?)")
    return lines


def copies(lines):
    """Per (msg, service): the publish time and each copy's end."""
    published, ends = {}, []
    for line in lines:
        kind, t = line["kind"], line["t_us"] / 1e6
        if kind == "publish":
            published[line["msg"]] = (t, line["publisher"], line["type"])
        elif kind in ("process", "lost", "dead-letter") and "service" in line:
            ends.append((line, t))
    return published, ends


def style(line):
    if line["kind"] != "process":
        return "-", "x"
    if line.get("duplicate"):
        return "--", ">"
    if line.get("redelivery"):
        return ":", ">"
    return "-", "o" if line.get("result") == "handler-error" else ">"


def draw(lines, key, highlight, title, out, limit):
    published, ends = copies(lines)
    ends = [(line, t) for line, t in ends if line["msg"] in published]
    if len(ends) > limit:
        cp.fail(f"{len(ends)} copies for this key: more than --max {limit}; choose a narrower key or --from/--to")
    lanes = sorted({p for _, p, _ in published.values()}) + sorted({line["service"] for line, _ in ends})
    x = {lane: i for i, lane in enumerate(lanes)}
    fig, ax = cp.plt.subplots(figsize=(2.2 + 1.8 * len(lanes), 3 + 0.12 * len(ends)))
    for lane in lanes:
        ax.axvline(x[lane], color="0.75", linewidth=1, zorder=0)
    for msg, (t, publisher, _) in published.items():
        ax.plot([x[publisher]], [t], marker="o", color="0.3", markersize=3)
    lost = 0
    for line, t in ends:
        t0, publisher, kind = published[line["msg"]]
        linestyle, marker = style(line)
        hot = line["msg"] in highlight
        colour = "crimson" if hot else COLOURS.get(kind, "tab:gray")
        # A lost copy stops short of the lane it never reached.
        end_x = x[line["service"]] if line["kind"] == "process" else x[publisher] + 0.8 * (x[line["service"]] - x[publisher])
        ax.annotate("", xy=(end_x, t), xytext=(x[publisher], t0),
                    arrowprops=dict(arrowstyle="-" if marker != ">" else "->", linestyle=linestyle, color=colour,
                                    linewidth=2.2 if hot else 0.9))
        if marker == "x":
            lost += 1
            ax.plot([end_x], [t], marker="x", linestyle="none", color=colour, markersize=9, markeredgewidth=2)
        elif marker == "o":
            ax.plot([end_x], [t], marker="o", fillstyle="none", color=colour, markersize=7)
        if hot or linestyle != "-":
            ax.text(end_x + 0.04, t, f"msg {line['msg']}", fontsize=7, va="center", color=colour)
    ax.set_xticks(range(len(lanes)))
    ax.set_xticklabels(lanes, rotation=15)
    ax.set_xlim(-0.5, len(lanes) - 0.5)
    times = [t for t, _, _ in published.values()] + [t for _, t in ends]
    pad = max(0.02, 0.04 * (max(times) - min(times)))
    ax.set_ylim(max(times) + pad, min(times) - pad)  # time goes down; arrows do not widen the limits
    ax.set_ylabel("virtual time (s)")
    handles = [cp.plt.Line2D([], [], color=c, label=k) for k, c in COLOURS.items()
               if any(kind == k for _, _, kind in published.values())]
    handles += [cp.plt.Line2D([], [], color="black", linestyle="--", label="duplicate copy"),
                cp.plt.Line2D([], [], color="black", linestyle=":", label="redelivery / replay"),
                cp.plt.Line2D([], [], color="black", marker="x", linestyle="", label=f"lost ({lost})")]
    if highlight:
        handles.append(cp.plt.Line2D([], [], color="crimson", linewidth=2.2, label="named by choreo explain"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    ax.set_title(title, fontsize=10)
    cp.save(fig, out)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("trace", help="a trace file (choreo run --trace FILE)")
    p.add_argument("--key", required=True, help="FIELD:N, FIELD one of user, comment, story, chapter, paragraph")
    p.add_argument("--from", dest="start", default="0s", help="start of the window (default 0s)")
    p.add_argument("--to", dest="end", default=None, help="end of the window (default: the end of the trace)")
    p.add_argument("--highlight", default="", help="message ids to draw thick and red (MSG,MSG,...)")
    p.add_argument("--max", type=int, default=600, help="most copies drawn (default 600)")
    p.add_argument("-o", "--out", default="messages.png", help="output PNG (default messages.png)")
    a = p.parse_args()
    key = parse_key(a.key)
    start = parse_time(a.start, "--from")
    end = parse_time(a.end, "--to") if a.end is not None else float("inf")
    try:
        highlight = {int(m) for m in a.highlight.split(",") if m}
    except ValueError:
        cp.fail(f"--highlight '{a.highlight}': expected message ids such as 1204,6059")
    lines = read_trace(a.trace, key, start, end)
    window = "" if a.end is None and start == 0 else f" · {a.start}..{a.end or 'end'}"
    draw(lines, key, highlight, f"messages of {key[0]} {key[1]}{window}\n{a.trace}", a.out, a.max)


if __name__ == "__main__":
    main()
