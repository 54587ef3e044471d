"""Build /work/blind/search/archive/ and archive_manifest.json from the data modules."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from render import render  # noqa: E402
import minutes_a, minutes_b, indstillinger  # noqa: E402

ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "archive")

FORMAT_NAMES = {"md": "minutes-markdown", "plain": "minutes-plain", "html": "indstilling-html-table",
                "tab": "indstilling-tab-checkbox"}


def manifest_entry(doc):
    e = {"file": doc["file"], "kind": doc["kind"], "date": doc["date"], "agenda": bool(doc.get("agenda", False)),
         "format": FORMAT_NAMES[doc["fmt"]]}
    if doc["fmt"] in ("md", "plain"):
        e["items"] = []
        for it in doc["items"]:
            row = {"number": str(it["n"]), "title": it["title"], "presenters": it["presenters"],
                   "outcome": "none" if doc.get("agenda") else it["outcome"],
                   "confidential": bool(it["closed"]), "summary": it["summary"], "topics": it["topics"]}
            if it["closed"]:
                row["in_text"] = False
            e["items"].append(row)
    else:
        e["meeting"] = doc["meeting"]
        e["items"] = [{"number": None, "title": doc["title"], "presenters": doc["presenters"],
                       "outcome": doc["outcome"], "confidential": bool(doc.get("closed", False)),
                       "summary": doc["summary"], "topics": doc["topics"]}]
    return e


def main():
    docs = minutes_a.DOCS + minutes_b.DOCS + indstillinger.DOCS
    docs.sort(key=lambda d: (d["date"], d["file"]))
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))
    names = set()
    manifest = []
    for d in docs:
        assert d["file"] not in names, d["file"]
        names.add(d["file"])
        text = render(d)
        with open(os.path.join(OUT, d["file"]), "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        manifest.append(manifest_entry(d))
    with open(os.path.join(ROOT, "archive_manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(len(docs), "documents")


if __name__ == "__main__":
    main()
