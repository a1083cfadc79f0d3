#!/usr/bin/python3
"""Runs a sharded build-dataset on Dask: for each stage of `--stages`, one
client.map over its task indexes (each calls the CLI with --stage/--task),
waits for all, goes on. Without --scheduler it starts a LocalCluster on
127.0.0.1 (no dashboard). The work folder must be on storage every worker sees.

  /usr/bin/python3 scripts/dask-chain.py [--scheduler tcp://HOST:8786] [--workers N] -- \
      node dist/cli/claimstance.js build-dataset FLAGS --work DIR --shards N
"""
import json
import subprocess
import sys


def run_task(cmd, stage, task):
    subprocess.run(cmd + ["--stage", stage, "--task", str(task)], check=True, stdout=subprocess.DEVNULL)
    return task


def main():
    args = sys.argv[1:]
    cut = args.index("--")
    opts, cmd = args[:cut], args[cut + 1:]
    scheduler = opts[opts.index("--scheduler") + 1] if "--scheduler" in opts else None
    workers = int(opts[opts.index("--workers") + 1]) if "--workers" in opts else 2
    from distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, processes=True)
    client = Client(scheduler or cluster)
    try:
        chain = json.loads(subprocess.run(cmd + ["--stages"], check=True, capture_output=True, text=True).stdout)
        for step in chain:
            futures = client.map(run_task, [cmd] * step["tasks"], [step["stage"]] * step["tasks"], range(step["tasks"]), pure=False)
            client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    main()
