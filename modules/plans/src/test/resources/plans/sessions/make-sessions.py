#!/usr/bin/env python3
"""Records real psql 15 terminal sessions (psql under a pseudo-terminal, as a DBA sees them) running EXPLAIN in
the four formats, and writes what a person would copy: from the prompt before the command to the prompt after
the output. usage: PSQL="psql -h HOST -p PORT -U postgres -d shop" ./make-sessions.py  (database: see README.md)"""
import os, pty, re, select, shlex, sys, time

PSQL = shlex.split(os.environ["PSQL"]) + ["-X", "-n", "-P", "pager=off"]
Q = "select customer, count(*), sum(total) from orders where customer < 3 group by customer order by 2 desc"


def session(name, commands, shell=False, copy_from=0):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="dumb", COLUMNS="120", PS1="$ ")
        if shell:
            os.execvpe("bash", ["bash", "--norc", "--noprofile", "--noediting", "-i"], env)
        os.execvpe(PSQL[0], PSQL, env)
    out = b""

    def drain(quiet=0.6):
        nonlocal out
        while True:
            r, _, _ = select.select([fd], [], [], quiet)
            if not r:
                return
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            out += chunk

    drain(1.5)
    start = len(out)
    for c in commands:
        os.write(fd, (c + "\n").encode())
        drain()
    drain(1.0)
    os.write(fd, b"\\q\n" if not shell else b"exit\n")
    drain(0.3)
    os.waitpid(pid, 0)
    text = out.decode().replace("\r\n", "\n").replace("\r", "")
    # what a person copies: from the prompt line holding the first command to the prompt after the output
    body = text[text.rfind("\n", 0, text.find(commands[copy_from])) + 1:]
    last = body.rstrip("\n").split("\n")
    while last and last[-1].strip() in ("", "exit"):  # bash says "exit" as it leaves
        last.pop()
    for quit in ("\\q", "exit"):  # the prompt after the output stays, without the command that closed the session
        if last and last[-1].endswith(quit):
            last[-1] = last[-1][:-len(quit)]
    open(name, "w").write("\n".join(last) + "\n")


session("psql-xml.txt", [f"explain (analyze, format xml) {Q};"])
session("psql-yaml-multiline.txt", ["explain (analyze, buffers, format yaml)", "select * from orders",
                                    "where customer = 7 order by total desc limit 3;"])
session("psql-json.txt", [f"explain (format json) {Q};"])
session("psql-text.txt", [f"explain analyze {Q};"])
session("psql-dollar-prompt-xml.txt", ["\\set PROMPT1 '$ '", f"explain (analyze, format xml) {Q};"], copy_from=1)
session("shell-psql-c-yaml.txt", [" ".join(PSQL[:-4] + ["-X", "-P", "pager=off", "-c", shlex.quote(f"explain (analyze, format yaml) {Q}")])],
        shell=True)
