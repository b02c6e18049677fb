#!/usr/bin/env python3
"""Checks data/claims/claims.csv and pairs.csv. Run: python3 data/claims/check.py (exit 1 on any problem)."""
import csv, io, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
VERDICTS = {"SALAH", "HOAKS", "MENYESATKAN", "BENAR", "BELUM TERBUKTI"}
errors = []

def load(name, header):
    raw = open(os.path.join(HERE, name), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"): errors.append(f"{name}: has a BOM")
    if b"\r" in raw: errors.append(f"{name}: has CR characters (line ends must be LF)")
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if rows[0] != header: errors.append(f"{name}: header {rows[0]} != {header}")
    for i, r in enumerate(rows[1:], 2):
        if len(r) != len(header): errors.append(f"{name}:{i}: {len(r)} fields")
    # re-writing with the csv module must give the same bytes (canonical RFC 4180 quoting)
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    if out.getvalue() != text: errors.append(f"{name}: quoting is not canonical")
    return [dict(zip(header, r)) for r in rows[1:]]

claims = load("claims.csv", ["id", "claim", "verdict", "url", "publisher", "published", "text"])
pairs = load("pairs.csv", ["post", "claim_id", "kind"])

ids = set()
for n, c in enumerate(claims, 1):
    if c["id"] != f"tc-{n:04d}": errors.append(f"claims: row {n} id {c['id']} out of sequence")
    ids.add(c["id"])
    if not c["claim"].strip() or not c["text"].strip(): errors.append(f"{c['id']}: empty claim or text")
    if c["verdict"] not in VERDICTS: errors.append(f"{c['id']}: verdict {c['verdict']}")
    if c["url"] != f"https://example.org/cek-fakta/{c['id']}": errors.append(f"{c['id']}: url {c['url']}")
    if c["publisher"] != "Tim HoaxScreen (contoh)": errors.append(f"{c['id']}: publisher")
    if not re.fullmatch(r"202[3-6]-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", c["published"]): errors.append(f"{c['id']}: date {c['published']}")
if len({c["claim"].lower() for c in claims}) != len(claims): errors.append("claims: duplicate claim headline")

seen, repeats, related = set(), Counter(), Counter()
texts = {c["text"].strip().lower() for c in claims}
for i, p in enumerate(pairs, 2):
    post = p["post"].strip()
    if not post or post != p["post"]: errors.append(f"pairs:{i}: empty post or surrounding spaces")
    if post.lower() in seen: errors.append(f"pairs:{i}: duplicate post {post[:50]!r}")
    seen.add(post.lower())
    if post.lower() in texts: errors.append(f"pairs:{i}: post equals a claim's text")
    if p["kind"] == "unrelated":
        if p["claim_id"]: errors.append(f"pairs:{i}: unrelated post has a claim_id")
    elif p["kind"] in ("repeat", "related"):
        if p["claim_id"] not in ids: errors.append(f"pairs:{i}: unknown claim_id {p['claim_id']!r}")
        (repeats if p["kind"] == "repeat" else related)[p["claim_id"]] += 1
    else:
        errors.append(f"pairs:{i}: kind {p['kind']!r}")
for cid in ids:
    if not 2 <= repeats[cid] <= 4: errors.append(f"{cid}: {repeats[cid]} repeat posts (want 2 to 4)")
    if not 1 <= related[cid] <= 2: errors.append(f"{cid}: {related[cid]} related posts (want 1 or 2)")

# scam messages quote links and phone numbers: only reserved domains (RFC 2606), government sites (.go.id, for the
# genuine notices), the bare shortener name bit.ly, and numbers with a 0000 block, so no real scam site or subscriber is published
DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:com|id|net|org|co|xyz|info|site|online|ly|me|link|io|app|apk|example|test)\b(?:/\S*)?", re.I)
PHONE = re.compile(r"(?<!\d)(?:\+?62[ -]?|0)8\d{1,2}[ -]?\d{3,4}[ -]?\d{3,5}(?!\d)")
for where, text in [(f"claims {c['id']}", c["text"] + " " + c["claim"]) for c in claims] + [(f"pairs:{i}", p["post"]) for i, p in enumerate(pairs, 2)]:
    for m in DOMAIN.finditer(text):
        host = m.group(0).split("/")[0].lower()
        if not (host.endswith(".example") or host.endswith(".test") or host.endswith(".go.id") or host in ("example.org", "example.com", "wa.me", "bit.ly")) and not host.endswith(".apk"):
            errors.append(f"{where}: domain {host!r} is not a reserved one (.example, .test, example.org)")
    for m in PHONE.finditer(text):
        if "0000" not in m.group(0).replace("-", "").replace(" ", ""):
            errors.append(f"{where}: phone number {m.group(0)!r} lacks the 0000 block")

kinds = Counter(p["kind"] for p in pairs)
words = [len(p["post"].split()) for p in pairs]
print(f"claims.csv: {len(claims)} claims; verdicts {dict(Counter(c['verdict'] for c in claims))}")
print(f"pairs.csv: {len(pairs)} posts; kinds {dict(kinds)}; claims with related posts: {len(related)}")
print(f"post length: {sum(w < 8 for w in words)} under 8 words, {sum(10 <= w <= 60 for w in words)} of 10-60 words, max {max(words)}")
if errors:
    print("\n".join(errors[:50]), file=sys.stderr); print(f"{len(errors)} problem(s)", file=sys.stderr); sys.exit(1)
print("OK")
