"""Naive parser written only from the five samples; run over samples and archive, compare with manifest."""
import json, os, re, sys, glob
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def parse(text):
    d = {}
    lines = text.split("\n")
    if re.search(r"^Rådmandsindstilling: ", text, re.M):
        d["type"] = "ind-html"
        d["title"] = re.search(r"^Rådmandsindstilling: (.*)$", text, re.M).group(1)
        d["date"] = re.search(r"^Den (\d+)/(\d+) (\d{4}), (.*)$", text, re.M).groups()
        m = re.search(r"^Åben indstilling\t(x?)\t?Lukket indstilling\t?(x?)", text, re.M)
        d["closed"] = m.group(2) == "x"
        d["referat"] = text.split("\nReferat:\n", 1)[1].strip()
        return d
    if '<input' in lines[2]:
        d["type"] = "ind-tab"
        d["title"] = lines[2].split("\t")[0]
        d["closed"] = lines[3].startswith('\t<input checked=""')
        d["date"] = re.search(r" – \w+ den (\d+)\. (\w+) (\d{4})\.", text).groups()
        for s in ["Baggrund", "Opfølgning", "Kommunikation", "Beslutninger", "Koordinering", "Effekt"]:
            assert re.search(rf"^{s}$", text, re.M), s
        d["referat"] = text.split("\n\n\n\nReferat\n\n", 1)[1].strip()
        return d
    d["type"] = "minutes"
    m = re.search(r"^(?:# )?(\w+møde) \((\w+møde)\)$", text, re.M)
    d["kind"] = m.group(1)
    d["date"] = re.search(r"^(\d\d-\d\d-\d{4}) (\d\d:\d\d) - (\d\d:\d\d)$", text, re.M).groups()
    d["info"] = re.findall(r"Pkt\. (\d+)\.? kl\. ([\d.]+-[\d.]+) ?(.*?) *$", text, re.M)
    toc = re.findall(r"^Punkt (\d+): (.*)\.\.\.\.\.\t\d+$", text, re.M)
    heads = re.findall(r"^(?:## \*\*)?Punkt (\d+): (.*?)(?:\*\*)?$", text, re.M)
    dec = re.findall(r"^(?:### \*\*)?Beslutning for Punkt (\d+): (.*?)(?:\*\*)?$", text, re.M)
    heads = [h for h in heads if not h[1].endswith(".....\t1") and "....." not in h[1]]
    dec = [h for h in dec if "....." not in h[1]]
    d["toc"] = toc; d["heads"] = heads; d["dec"] = dec
    # decision texts
    parts = re.split(r"^(?:### \*\*)?Beslutning for Punkt \d+: (?:(?!\.\.\.\.\.).)*$", text, flags=re.M)[1:]
    d["dec_text"] = [re.split(r"^(?:## \*\*)?Punkt \d+: (?:(?!\.\.\.\.\.).)*$", p, flags=re.M)[0].strip() for p in parts]
    return d

samples = sorted(glob.glob("/work/shared/minutes/*.txt"))
for f in samples:
    d = parse(open(f, encoding="utf-8").read())
    print(os.path.basename(f), d["type"], d.get("kind"), d.get("date"), d.get("closed"),
          [h[0] for h in d.get("heads", [])], [len(t) for t in d.get("dec_text", [])])

man = {e["file"]: e for e in json.load(open(os.path.join(ROOT, "archive_manifest.json"), encoding="utf-8"))}
errors = 0
lens = []
for f in sorted(glob.glob(os.path.join(ROOT, "archive", "*"))):
    name = os.path.basename(f)
    t = open(f, encoding="utf-8").read()
    d = parse(t); e = man[name]
    if d["type"] == "minutes":
        assert d["kind"] == e["kind"], name
        dd = d["date"][0]; assert f"{dd[6:]}-{dd[3:5]}-{dd[:2]}" == e["date"], name
        open_items = [i for i in e["items"] if not i["confidential"]]
        assert [h[0] for h in d["heads"]] == [i["number"] for i in open_items], (name, d["heads"])
        assert [h[1] for h in d["heads"]] == [i["title"] for i in open_items], name
        assert [x[0] for x in d["info"]] == [i["number"] for i in e["items"]], (name, d["info"])
        if e["agenda"]:
            assert not d["dec"], name
        else:
            assert [h[0] for h in d["dec"]] == [i["number"] for i in open_items], name
            lens += [len(x) for x, i in zip(d["dec_text"], open_items) if i["title"] != "Eventuelt"]
        for i in e["items"]:
            if i["confidential"]:
                assert i["title"] not in t, name
    else:
        assert d["title"] == e["items"][0]["title"], name
        assert d["closed"] == e["items"][0]["confidential"], name
        lens.append(len(d["referat"]))
print("archive OK; decision texts:", len(lens), "avg chars", sum(lens) // len(lens), "min", min(lens), "max", max(lens))

if "--short" in sys.argv:
    for f in sorted(glob.glob(os.path.join(ROOT, "archive", "*"))):
        t = open(f, encoding="utf-8").read(); d = parse(t)
        if d["type"] == "minutes":
            for h, x in zip(d["dec"], d["dec_text"]):
                if len(x) < 470 and h[1] != "Eventuelt": print(len(x), os.path.basename(f), h[1])
        else:
            if len(d["referat"]) < 470: print(len(d["referat"]), os.path.basename(f), "REFERAT")
