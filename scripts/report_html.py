#!/usr/bin/python3
"""Writes a one-file HTML report of one run: the verdict and expectations,
the replica and delivery tables from summary.json, the run's time-series
plot (plot_run.py), the explanation `choreo explain` printed, and the
message sequence diagram (plot_messages.py) of the worst replica's first
divergent key. Plots are embedded as data: URIs; the page loads nothing
from the network and runs no script.

  choreo run SCENARIO --out DIR --report DIR/report.html   (runs this script)
or, by hand:
  choreo run SCENARIO --out DIR --trace DIR/trace.jsonl
  choreo explain DIR > DIR/explain.txt
  scripts/python.sh scripts/report_html.py DIR -o DIR/report.html

Reads DIR/summary.json (required), DIR/timeseries.csv, the trace
(--trace, default DIR/trace.jsonl) and the explanation (--explain, default
DIR/explain.txt); a missing optional input is said so in the page.
"""
import argparse
import base64
import html
import os
import re
import subprocess
import sys
import tempfile

import choreo_plot as cp

HERE = os.path.dirname(os.path.abspath(__file__))
STYLE = """body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:1.6em}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
.pass{color:#1a7f37}.fail{color:#c62828}pre{background:#f6f8fa;padding:.8em;overflow-x:auto;font-size:.85em}
img{max-width:100%;border:1px solid #ddd}.missing{color:#888;font-style:italic}"""


def esc(value):
    return html.escape(str(value))


def table(header, rows):
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def png_data(script, args):
    """Runs a plot script into a temporary PNG; returns a data: URI or None."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "plot.png")
        r = subprocess.run([sys.executable, os.path.join(HERE, script), *args, "-o", out],
                           capture_output=True, text=True)
        if r.returncode != 0 or not os.path.exists(out):
            return None, r.stderr.strip()
        with open(out, "rb") as f:
            return "data:image/png;base64," + base64.b64encode(f.read()).decode(), ""


def image(alt, uri, why):
    if uri is None:
        return f'<p class="missing">{esc(alt)}: not drawn ({esc(why)})</p>'
    return f'<img alt="{esc(alt)}" src="{uri}">'


def worst_key(summary, explanation):
    """(replica, key FIELD:N, message ids to highlight) to draw: the worst
    replica's first key the explanation details; for a count key, the first comment its
    explanation blames (a story holds too many messages to draw)."""
    diverged = [r for r in summary.get("replicas", []) if not r.get("converged") and r.get("divergent_examples")]
    if not diverged:
        return None, None, []
    worst = max(diverged, key=lambda r: r.get("abs_error", 0))
    # The first key the explanation details ("NAME (STRATEGY) KEY: owner ..."),
    # else summary.json's first example.
    heading = re.compile(re.escape(worst["name"]) + r" \([^)]*\) (.+?): owner ")
    firsts = [m.group(1) for m in map(heading.match, explanation.splitlines()) if m]
    words = (firsts[0] if firsts else worst["divergent_examples"][0]["key"]).split()
    key = f"{words[0]}:{words[1]}"
    block = []
    for line in explanation.splitlines():
        if block and not line.startswith(" "):
            break
        if block or heading.match(line) and heading.match(line).group(1) == " ".join(words):
            block.append(line)
    text = "\n".join(block)
    ids = [int(m) for m in re.findall(r"msg (\d+)", text)]
    comment = re.search(r"comment (\d+)", text)
    if words[0] == "story" and comment:
        key = f"comment:{comment.group(1)}"
    return worst["name"], key, ids


def sections(summary, directory, trace, explain):
    out = []
    ex = summary.get("expectations", [])
    holds = all(e.get("holds") for e in ex)
    verdict = "PASS" if holds else "FAIL"
    held = sum(1 for e in ex if e.get("holds"))
    out.append(f'<h1>{esc(summary.get("scenario", "?"))} · seed {esc(summary.get("seed", "?"))}</h1>')
    out.append(f'<p id="verdict" class="{verdict.lower()}"><b>verdict: {verdict}</b> '
               f'({held} of {len(ex)} expectations hold) · trace hash {esc(summary.get("trace_hash", "?"))}</p>')
    out.append("<h2>Expectations</h2>" + table(["expectation", "result", "holds"],
               [[e.get("name"), e.get("detail"), e.get("holds")] for e in ex]))
    replicas = summary.get("replicas", [])
    out.append("<h2>Replicas</h2>" + table(
        ["replica", "strategy", "converged", "divergent keys", "abs error", "first keys that differ"],
        [[r["name"], r.get("strategy"), r.get("converged"), r.get("divergent_keys"), r.get("abs_error"),
          "; ".join(f'{x["key"]} (owner {x["owner"]}, replica {x["replica"]})'
                    for x in r.get("divergent_examples", [])[:3])] for r in replicas]))
    delivery = summary.get("delivery", {})
    counters = [k for k in ("published", "delivered", "lost", "duplicated", "redelivered", "reordered",
                            "dead_lettered", "handler_errors") if k in delivery]
    out.append("<h2>Delivery</h2>" + table(counters, [[delivery[k] if not isinstance(delivery[k], dict)
                                                          else sum(delivery[k].values()) for k in counters]]))
    series = os.path.join(directory, "timeseries.csv")
    uri, why = png_data("plot_run.py", [series]) if os.path.exists(series) else (None, "no timeseries.csv")
    out.append("<h2>Over time</h2>" + image("time series", uri, why))
    explanation = ""
    out.append("<h2>Why replicas differ</h2>")
    if os.path.exists(explain):
        with open(explain) as f:
            explanation = f.read()
        out.append(f'<pre id="explain">{esc(explanation)}</pre>')
    else:
        out.append('<p class="missing">no explanation (choreo explain SCENARIO &gt; DIR/explain.txt)</p>')
    replica, key, ids = worst_key(summary, explanation)
    if key is None:
        out.append("<h2>Messages</h2><p>every replica converged: no key to draw</p>")
    else:
        args = [trace, "--key", key] + (["--highlight", ",".join(map(str, ids))] if ids else [])
        uri, why = png_data("plot_messages.py", args) if os.path.exists(trace) else (None, "no trace: choreo run --trace")
        out.append(f"<h2>Messages of {esc(key.replace(':', ' '))} (worst replica: {esc(replica)})</h2>"
                   + image("message sequence diagram", uri, why))
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir", help="a run's out dir (choreo run --out DIR)")
    p.add_argument("--trace", help="the run's trace (default DIR/trace.jsonl)")
    p.add_argument("--explain", help="what choreo explain printed for the run (default DIR/explain.txt)")
    p.add_argument("-o", "--out", required=True, help="the HTML file to write")
    a = p.parse_args()
    trace = a.trace or os.path.join(a.dir, "trace.jsonl")
    explain = a.explain or os.path.join(a.dir, "explain.txt")
    summary = cp.read_json(os.path.join(a.dir, "summary.json"))
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>choreo report: '
            f'{esc(summary.get("scenario", ""))}</title><style>{STYLE}</style></head><body>\n'
            f"{sections(summary, a.dir, trace, explain)}\n</body></html>\n")
    try:
        with open(a.out, "w") as f:
            f.write(page)
    except OSError as e:
        cp.fail(f"-o {a.out}: cannot write: {e.strerror}")


if __name__ == "__main__":
    main()
