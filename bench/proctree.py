"""Memory of a process tree, read from /proc: for the benchmarks that start servers and workers."""

import os
import threading


def _pss_kb(pid, rss_kb):
    """Proportional set size: shared pages split between their sharers, so that a tree's sum is real.

    (A child forked but not yet exec'd has its parent's whole RSS: summing RSS would count it twice.)
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return rss_kb


def tree_rss_kb(root_pid):
    """Memory of ``root_pid`` and its descendants, in kB: (their PSS summed, the largest RSS)."""
    children, rss = {}, {}
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as statm:
                pages = int(statm.read().split()[1])
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = pages * page_kb
    total, largest, stack = 0, 0, [root_pid]
    while stack:
        pid = stack.pop()
        if pid in rss:
            total += _pss_kb(pid, rss[pid])
            largest = max(largest, rss[pid])
        stack.extend(children.get(pid, []))
    return total, largest


class PeakSampler(threading.Thread):
    """Samples a process tree's RSS every ``interval`` seconds until ``stop()``: peaks in MB."""

    def __init__(self, pid, interval=0.05):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.tree_mb = self.largest_mb = 0.0
        self._done = threading.Event()

    def run(self):
        while not self._done.is_set():
            total, largest = tree_rss_kb(self.pid)
            self.tree_mb = max(self.tree_mb, total / 1024)
            self.largest_mb = max(self.largest_mb, largest / 1024)
            self._done.wait(self.interval)

    def reset(self):
        self.tree_mb = self.largest_mb = 0.0

    def stop(self):
        self._done.set()
        self.join()
        return self
