# Validates questions.jsonl against archive_manifest.json and the archive text.
import json, re, collections, os

BASE = "/work/blind/search"
man = {e["file"]: e for e in json.load(open(f"{BASE}/archive_manifest.json"))}
qs = [json.loads(l) for l in open(f"{BASE}/questions.jsonl")]
err = []
ids = set()
for o in qs:
    for k in ["id", "question", "lang", "class", "expected", "scope", "now", "note"]:
        if k not in o:
            err.append((o.get("id"), "missing " + k))
    if o["id"] in ids:
        err.append((o["id"], "dup id"))
    ids.add(o["id"])
    if o["scope"] not in ("personal", "channel", "groupchat"):
        err.append((o["id"], "bad scope"))
    if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", o["now"]):
        err.append((o["id"], "bad now"))
    if o["class"] == 7 and o["expected"]:
        err.append((o["id"], "class 7 must expect []"))
    if o["class"] != 7 and not o["expected"]:
        err.append((o["id"], "empty expected outside class 7"))
    seen = set()
    for x in o["expected"]:
        f, n = x["source"], x["item_number"]
        if (f, n) in seen:
            err.append((o["id"], "dup expected"))
        seen.add((f, n))
        if f not in man:
            err.append((o["id"], "no file " + f)); continue
        if not os.path.exists(f"{BASE}/archive/{f}"):
            err.append((o["id"], "file missing on disk " + f))
        items = [it for it in man[f]["items"] if it["number"] == n]
        if len(items) != 1:
            err.append((o["id"], f"no item {n} in {f}")); continue
        it = items[0]
        if it["confidential"]:
            err.append((o["id"], f"CONFIDENTIAL expected {f} {n}"))
        if it.get("in_text") is False:
            err.append((o["id"], f"item not in text {f} {n}"))
        if it["title"] == "Eventuelt":
            err.append((o["id"], f"Eventuelt expected {f} {n}"))
        # the item must be findable in the document text
        txt = open(f"{BASE}/archive/{f}", encoding="utf-8").read()
        if n is not None:
            if f"Punkt {n}: {it['title']}" not in txt:
                err.append((o["id"], f"heading 'Punkt {n}: {it['title']}' not in text of {f}"))
        else:
            if it["title"] not in txt:
                err.append((o["id"], f"title not in text of {f}"))
    # verbatim-title check (question must not copy a title)
    for f, e in man.items():
        for it in e["items"]:
            if len(it["title"]) > 25 and it["title"].lower() in o["question"].lower():
                err.append((o["id"], "copies title " + it["title"]))

print("questions:", len(qs))
c = collections.Counter((o["class"]) for o in qs)
print("by class:", dict(sorted(c.items())))
print("by lang:", dict(collections.Counter(o["lang"] for o in qs)))
print("by class x lang:", dict(sorted(collections.Counter((o["class"], o["lang"]) for o in qs).items())))
print("scopes:", dict(collections.Counter(o["scope"] for o in qs)))
print("non-personal with expected (open items):", sum(1 for o in qs if o["scope"] != "personal" and o["expected"]))
print("no-answer:", sum(1 for o in qs if not o["expected"]), "=", round(100 * sum(1 for o in qs if not o["expected"]) / len(qs), 1), "%")
print("relative now:", sum(1 for o in qs if o["now"] != "2026-12-07T10:00:00+01:00"))
mins = {1: 35, 2: 35, 3: 35, 4: 30, 5: 30, 6: 45, 7: 42}
for k, v in mins.items():
    if c[k] < v:
        err.append(("-", f"class {k} has {c[k]} < {v}"))
if len(qs) < 260:
    err.append(("-", "fewer than 260"))
print("ERRORS:", len(err))
for e in err:
    print(" ", e)
