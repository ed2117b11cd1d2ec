#!/usr/bin/env python3
"""Measures the real binary from exec to its first frame (the region list) with
a warm catalog cache, through a pseudo-terminal, as BENCHMARKS.md reports it.

    go build -o /tmp/ecsl . && python3 docs/first-frame.py
"""
import os, pty, time, sys, select, tempfile, statistics
home = tempfile.mkdtemp()
env = dict(os.environ, HOME=home, XDG_CACHE_HOME=home+"/c", XDG_STATE_HOME=home+"/s", TERM="xterm-256color")
def once():
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve("/tmp/ecsl", ["/tmp/ecsl", "--sandbox"], env)
    buf = b""
    while True:
        r, _, _ = select.select([fd], [], [], 10)
        if not r: break
        try: data = os.read(fd, 65536)
        except OSError: break
        buf += data
        # answer the terminal queries a real terminal answers (cursor position)
        if b"\x1b[6n" in data:
            os.write(fd, b"\x1b[1;1R")
        if b"cn-hangzhou" in buf and b"Region" in buf:
            dt = time.perf_counter() - t0
            break
    os.kill(pid, 9); os.waitpid(pid, 0); os.close(fd)
    return dt
once()  # warms the cache
ts = [once()*1000 for _ in range(10)]
print("first frame ms: median %.1f min %.1f max %.1f" % (statistics.median(ts), min(ts), max(ts)))
