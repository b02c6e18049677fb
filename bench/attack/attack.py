#!/usr/bin/env python3
"""Attack benchmark for a running HoaxScreen API (loopback only, bounded in time).

Crafts the costliest requests the default limits accept, measures each one's CPU alone, then runs ATTACKERS loops of
them beside a normal client that sends one short post every 50 ms, and compares the normal client with a run where it
is alone (the peer in the same run). Also disconnects from costly requests and times how long the server keeps
working after. Prints a Markdown report. Usage: attack.py BASE_URL SERVER_PID SLANG_CSV [DURATION_S] [ATTACKERS]
"""
import http.client
import json
import os
import random
import socket
import statistics
import sys
import threading
import time

base, pid, slang_csv = sys.argv[1], int(sys.argv[2]), sys.argv[3]
attacker_key = os.environ.get("ATTACKER_KEY")  # the attackers and the normal client call with different API keys
normal_key = os.environ.get("NORMAL_KEY")
duration = float(sys.argv[4]) if len(sys.argv) > 4 else 30
attackers = int(sys.argv[5]) if len(sys.argv) > 5 else 4
host, port = base.replace("http://", "").split(":")
port = int(port)
ticks = os.sysconf("SC_CLK_TCK")


def cpu_seconds():
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks


# Slang that expands most (mpr -> "majelis permusyawaratan rakyat"), written reduplicated (mpr2) and with a circled
# letter in front, which once sent a post to the slow path.
expanding = []
with open(slang_csv, encoding="utf-8") as f:
    next(f)
    for line in f:
        informal, _, formal = line.rstrip("\n").partition(",")
        if informal.isalpha() and " " not in informal and formal:
            expanding.append((len(formal) / len(informal), informal))
expanding = [w for _, w in sorted(expanding, reverse=True)]


def costly_text(raw_limit, seed=0):
    """Distinct expanding words, reduplicated (so more words than an explanation can occlude), up to raw_limit characters."""
    rnd = random.Random(seed)
    words, raw = ["\u24b6"], 2
    pool = expanding[:400]
    i = 0
    while True:
        w = pool[i % len(pool)] + "2" + ("" if i < len(pool) else "".join(rnd.choice("aeiou") for _ in range(2)))
        i += 1
        if raw + len(w) + 1 > raw_limit:
            break
        words.append(w)
        raw += len(w) + 1
    return " ".join(words)


def distinct_words_text(raw_limit, seed=0):
    """About a thousand distinct made-up words with insults among them: many words, no expansion."""
    rnd = random.Random(seed)
    words, raw = [], 0
    while True:
        w = rnd.choice(["anjing", "kafir", "sebarkan", "hoaks"]) if rnd.random() < 0.05 else "".join(rnd.choice("bcdfgklmnprst") + rnd.choice("aeiou") for _ in range(4))
        if raw + len(w) + 1 > raw_limit:
            break
        words.append(w)
        raw += len(w) + 1
    return " ".join(words)


explain = {"explain": True, "explainAllLabels": True, "topWords": 20}
worst = {
    "explain a 7,000-character post of expanding slang (about 26,000 after normalisation)": ("/v1/screen", {"text": costly_text(7_000), **explain}),
    "explain a 9,990-character post of 1,000+ distinct words": ("/v1/screen", {"text": distinct_words_text(9_990), **explain}),
    "batch of 16 explained posts of 3,000 characters of expanding slang": ("/v1/screen/batch", {"items": [{"text": costly_text(3_000, seed=s), **explain} for s in range(16)]}),
    "batch of 128 plain posts of 390 characters of expanding slang": ("/v1/screen/batch", {"items": [{"text": costly_text(390, seed=s)} for s in range(128)]}),
    "batch of 7 plain 7,000-character posts of expanding slang": ("/v1/screen/batch", {"items": [{"text": costly_text(7_000, seed=s)} for s in range(7)]}),
}
bodies = {name: (path, json.dumps(body).encode()) for name, (path, body) in worst.items()}
normal_body = json.dumps({"text": "Info dari grup sebelah, benarkah vaksin mengandung chip? mohon dicek dulu"}).encode()


def post(conn, path, body, timeout=60, key=None):
    conn.timeout = timeout
    headers = {"Content-Type": "application/json"}
    if key:
        headers["X-Api-Key"] = key
    conn.request("POST", path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, data


def connection():
    return http.client.HTTPConnection(host, port, timeout=60)


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


# 1. Cost of each worst request alone (after a warm-up), CPU of the server process per request.
alone = {}
conn = connection()
for name, (path, body) in bodies.items():
    statuses = []
    started = time.perf_counter()
    post(conn, path, body, key=attacker_key)
    slow = time.perf_counter() - started > 1  # an old build: one timed run is enough (and all there is time for)
    if not slow:
        post(conn, path, body, key=attacker_key)
    before, started = cpu_seconds(), time.perf_counter()
    runs = 1 if slow else 5
    for _ in range(runs):
        status, data = post(conn, path, body, key=attacker_key)
        statuses.append(status)
    alone[name] = ((cpu_seconds() - before) / runs * 1000, (time.perf_counter() - started) / runs * 1000, statuses, len(body))
conn.close()


def normal_client(stop, latencies, counts):
    conn = connection()
    next_at = time.perf_counter()
    while not stop.is_set():
        next_at += 0.05
        counts["sent"] += 1
        started = time.perf_counter()
        try:
            status, data = post(conn, "/v1/screen", normal_body, timeout=10, key=normal_key)
            if status == 200 and data:
                latencies.append((time.perf_counter() - started) * 1000)
            else:
                counts[f"status {status}{' empty' if not data else ''}"] = counts.get(f"status {status}{' empty' if not data else ''}", 0) + 1
        except Exception as ex:  # a timeout or reset is a failed request
            counts["errors"] = counts.get("errors", 0) + 1
            conn.close()
            conn = connection()
        delay = next_at - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
    conn.close()


def attacker(stop, index, results):
    conn = connection()
    names = list(bodies)
    i = index
    while not stop.is_set():
        path, body = bodies[names[i % len(names)]]
        i += 1
        try:
            status, data = post(conn, path, body, key=attacker_key)
            key = f"{status}{' empty' if status == 200 and not data else ''}"
            results[key] = results.get(key, 0) + 1
        except Exception:
            results["errors"] = results.get("errors", 0) + 1
            conn.close()
            conn = connection()
    conn.close()


def phase(seconds, attack):
    stop = threading.Event()
    latencies, counts, results = [], {"sent": 0}, {}
    threads = [threading.Thread(target=normal_client, args=(stop, latencies, counts))]
    if attack:
        threads += [threading.Thread(target=attacker, args=(stop, i, results)) for i in range(attackers)]
    before, started = cpu_seconds(), time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return latencies, counts, results, (cpu_seconds() - before) / elapsed


baseline = phase(min(10.0, duration / 3), attack=False)
attack = phase(duration, attack=True)


# 3. Disconnect: send a costly request, close the socket after 20 ms, time until the server's CPU stops moving.
def idle_after_disconnect(path, body):
    s = socket.create_connection((host, port))
    key = f"X-Api-Key: {attacker_key}\r\n" if attacker_key else ""
    head = f"POST {path} HTTP/1.1\r\nHost: {host}\r\n{key}Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    s.sendall(head + body)
    time.sleep(0.02)
    s.close()
    closed = time.perf_counter()
    last, still = cpu_seconds(), closed
    while time.perf_counter() - closed < 10:
        time.sleep(0.02)
        now = cpu_seconds()
        if now - last > 0.005:
            still = time.perf_counter()
        elif time.perf_counter() - still > 0.3:
            break
        last = now
    return (still - closed) * 1000


time.sleep(1)
disconnects = [idle_after_disconnect(*bodies["batch of 16 explained posts of 3,000 characters of expanding slang"]) for _ in range(3)]


def summary(name, result):
    latencies, counts, results, cores = result
    completed = len(latencies) / max(1, counts["sent"]) * 100
    failures = {k: v for k, v in counts.items() if k != "sent"}
    return (f"| {name} | {counts['sent']} | {len(latencies)} ({completed:.1f} %) | {percentile(latencies, 50):.1f} | "
            f"{percentile(latencies, 99):.1f} | {max(latencies) if latencies else float('nan'):.1f} | {cores:.2f} | "
            f"{', '.join(f'{k}: {v}' for k, v in sorted(failures.items())) or 'none'} |")


print("### Worst requests within the default limits, each alone (5 runs after 2 warm-up; 1 after 1 when a request takes over a second)\n")
print("| request | body bytes | statuses | server CPU per request (ms) | wall per request (ms) |")
print("|---|---:|---|---:|---:|")
for name, (cpu, wall, statuses, size) in alone.items():
    print(f"| {name} | {size} | {', '.join(sorted(set(map(str, statuses))))} | {cpu:.1f} | {wall:.1f} |")
worst_cpu = max(v[0] for v in alone.values())
print(f"\nWorst single request: **{worst_cpu:.1f} ms** of server CPU (target ≤ 100).\n")
print(f"### A normal client (one short post every 50 ms) alone, then beside {attackers} attacker loops of those requests ({duration:.0f} s)\n")
print("| phase | normal posts sent | completed 200 | p50 ms | p99 ms | max ms | server cores busy | normal failures |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
print(summary("alone", baseline))
print(summary(f"beside {attackers} attackers", attack))
attack_results = attack[2]
attack_total = sum(attack_results.values())
five = sum(v for k, v in attack_results.items() if k.startswith("5") or "empty" in k or k == "errors")
print(f"\nAttacker requests answered: {attack_total} ({', '.join(f'{k}: {v}' for k, v in sorted(attack_results.items()))}); "
      f"5xx, empty 200 or errors among them: {five}. Server CPU per attacker request: "
      f"{attack[3] * duration / max(1, attack_total) * 1000:.1f} ms.\n")
print("### Work after a client disconnects\n")
print(f"A batch of 16 explained posts of 3,000 characters, socket closed 20 ms after sending: the server's CPU stopped moving "
      f"{', '.join(f'{d:.0f}' for d in disconnects)} ms after the disconnect (target ≤ 100 ms after; a sample every 20 ms).")
