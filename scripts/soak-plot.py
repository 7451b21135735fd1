#!/usr/bin/env python3
"""Plots the CSV of `w1 --soak` (docs/benchmarks.md, soak) as a PNG, one panel per series.

usage: python3 scripts/soak-plot.py SOAK.csv SOAK.png [--title TEXT]

Needs matplotlib (scripts/install-deps.sh installs it); renders without a display (Agg).
"""
import argparse
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

# (column, panel title, unit); a column missing from the CSV is skipped.
PANELS = [
    (["rss_mib", "rss_anon_mib", "rss_file_mib"], "gerbangd resident set", "MiB"),
    (["fds"], "gerbangd open file descriptors", "count"),
    (["queue_depth", "w1_outstanding"], "queue depth (broker: ready+inflight+waiting; w1: not yet received)", "deliveries"),
    (["accepted_per_s", "delivered_per_s"], "throughput per interval", "events/s"),
    (["publisher_lag_max_ms"], "publisher lag behind its schedule (max per interval)", "ms"),
    (["broker_cpu_pct"], "gerbangd CPU (% of one core)", "%"),
    (["load1"], "machine load average, 1 min (2 cores, shared with other builds)", "load"),
    (["store_mib"], "store files (grow with the events kept, by design)", "MiB"),
]


def read(path):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        sys.exit(f"soak-plot: {path} has no samples")
    columns = {name: [float(row[name]) for row in rows] for name in rows[0]}
    return columns


def main():
    parser = argparse.ArgumentParser(description="Plot a w1 --soak CSV, one panel per series.")
    parser.add_argument("csv", help="the CSV written by w1 --soak-csv")
    parser.add_argument("png", help="the PNG to write")
    parser.add_argument("--title", default=None, help="figure title (default: the CSV's name)")
    arguments = parser.parse_args()

    columns = read(arguments.csv)
    minutes = [seconds / 60 for seconds in columns["elapsed_s"]]
    panels = [(names, title, unit) for names, title, unit in PANELS if any(name in columns for name in names)]
    figure, axes = plt.subplots(len(panels), 1, figsize=(10, 2.3 * len(panels)), sharex=True)
    for axis, (names, title, unit) in zip(axes, panels):
        for name in names:
            if name not in columns:
                continue
            axis.plot(minutes, columns[name], label=name, linewidth=1)
        axis.set_title(title, fontsize=9, loc="left")
        axis.set_ylabel(unit, fontsize=8)
        axis.set_ylim(bottom=0)
        axis.grid(True, alpha=0.3)
        axis.tick_params(labelsize=8)
        if len([name for name in names if name in columns]) > 1:
            axis.legend(fontsize=7, loc="upper right")
    axes[-1].set_xlabel("minutes since the soak started", fontsize=8)
    figure.suptitle(arguments.title or f"w1 --soak: {arguments.csv}", fontsize=10)
    figure.tight_layout(rect=(0, 0, 1, 0.985))
    figure.savefig(arguments.png, dpi=100)
    print(f"soak-plot: wrote {arguments.png} ({len(minutes)} samples, {minutes[-1]:.1f} min)")


if __name__ == "__main__":
    main()
