"""Ingest throughput: a synthetic archive of N documents in the sample formats, parsed and stored.

    python bench/ingest.py [--docs 10000] [--db sqlite:///tmp/x.db] [--keep DIR]

Prints documents/second for the whole ``referatbot ingest`` path (read file, parse, store, index),
and for parsing alone. The mix: MSO minutes exports and indstillinger, and a quarter published
committee minutes in the public shapes (text web-page copies, portal HTML, publication XML). Target: >= 300 docs/s on SQLite on a 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.ingest import ingest_paths  # noqa: E402
from minutes.readers import read_document  # noqa: E402
from storage.database import Database  # noqa: E402
from storage.repository import Repository  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "minutes"
PUBLIC = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "public"
COMMITTEES = ("Social- og Sundhedsudvalget", "Seniorudvalget", "Økonomiudvalget", "Kommunalbestyrelsen")
COMMITTEE_WORDS = [
    "Sundheds", "Omsorgs", "Ældre", "Social", "Kultur", "Fritids", "Teknik", "Miljø", "Klima", "Børne", "Unge",
    "Beskæftigelses", "Erhvervs", "Plan", "Bolig", "Trafik", "Skole", "Integrations", "Handicap", "Forebyggelses",
    "Idræts", "Natur", "Landdistrikts", "Digitaliserings", "Velfærds", "Sundhedsfremme", "Rehabiliterings",
    "Borger", "Demokrati", "Frivilligheds", "Psykiatri", "Misbrugs", "Familie", "Udsatte", "Senior", "Land",
    "By", "Vand", "Energi", "Uddannelses",
]

TOPICS = [
    "Interne budgetforslag – proces", "Miniinnovationsmotor i MSO", "Klippekortsordningen", "Rekruttering og fastholdelse",
    "Frisættelse", "Åbenhedstræning", "Status på Udvalgets studietur", "Evaluering af Børneterapien",
    "Demensindsatsen", "Prøvehandlinger i Sundhed", "Velfærdsteknologi i hjemmeplejen", "Budgetopfølgning",
    "Sygefravær i plejen", "Digitalt dagcenter", "Pårørendesamarbejde", "Værdighedspolitik", "Madservice",
    "Arbejdsmiljø og trivsel", "Kompetenceudvikling", "Plejehjemsbyggeri", "Akutfunktion", "Elevoptag",
]
VERBS = [
    ("Rådmanden godkendte", "decided"), ("Chefteamet besluttede", "decided"), ("Rådmandsmødekredsen drøftede", "discussed"),
    ("Rådmanden tog orienteringen til efterretning", "noted"), ("Punktet blev udsat", "postponed"),
    ("Chefteamet tiltrådte indstillingen", "decided"),
]
NAMES = ["Hanne Linnemann", "Jakob Søgaard", "Ivan Kjær", "Mette Soelberg", "Mie Kjer", "Mathias Breer",
         "Helle Rasmussen", "Kristian Mikkelsen", "Dorthe Høgh", "Maj Morgenstjerne", "Otto Junge Ohrt"]
FILLER = [
    "Der arbejdes videre med en model for implementering.", "Økonomi fremsender materiale til næste møde.",
    "Deadline: Uge 43", "Udvikling vender tilbage med en tidsplan.", "Tidsplanen justeres.",
    "Sagen forelægges udvalget senest 1. april.", "Det er vigtigt at kommunikere tydeligt til medarbejderne.",
]


def minutes_doc(rng: random.Random, n: int, markdown: bool) -> str:
    """One minutes export (markdown or plain) with 2–6 items."""
    kind = rng.choice(["Rådmandsmøde", "Chefteammøde"])
    day = date(1990, 1, 1) + timedelta(days=n)  # one document per day: none replaces another
    items = rng.sample(TOPICS, rng.randint(2, 6))
    hour, minute = 8, 30
    info, toc, body = [], [], []
    for i, title in enumerate(items, start=1):
        title = f"{title} {n}" if rng.random() < 0.5 else title
        start = f"{hour}.{minute:02d}"
        minute += 15
        if minute >= 60:
            hour, minute = hour + 1, minute - 60
        info.append(f"Pkt. {i} kl. {start}-{hour}.{minute:02d} {' og '.join(rng.sample(NAMES, rng.randint(1, 2)))}")
        toc += [f"Punkt {i}: {title}.....\t1", f"Beslutning for Punkt {i}: {title}.....\t1"]
        verb, _ = rng.choice(VERBS)
        lines = [f"{verb} {title.lower()}.", *rng.sample(FILLER, 2)]
        if markdown:
            body += [f"## **Punkt {i}: {title}**", "", f"### **Beslutning for Punkt {i}: {title}**", "", *lines, ""]
        else:
            body += [f"Punkt {i}: {title}", "", f"Beslutning for Punkt {i}: {title}", "", *lines, ""]
    head = f"# {kind} ({kind})" if markdown else f"{kind} ({kind})"
    return "\n".join(
        ["", "", head, "", f"{day:%d-%m-%Y} 08:30 - {hour:02d}:{minute:02d}", "", "Rådhuset, vær. 489", "",
         "---" if markdown else "", "", "**Information:** " if markdown else "Information: " + info[0], *info[1:], "",
         "Mødedeltagere : " + ", ".join(rng.sample(NAMES, 5)), "", "## Indhold" if markdown else "Indhold", "", *toc, "",
         *body]
    )


def indstilling_doc(template: str, rng: random.Random, n: int) -> str:
    """A sample indstilling with another title and date."""
    day = date(1990, 1, 1) + timedelta(days=n)
    out = template.replace("MSOs effektmål i Budget 2019", f"{rng.choice(TOPICS)} – indstilling {n}")
    out = out.replace("Den 22/2 2018", f"Den {day.day}/{day.month} {day.year}")
    out = out.replace("Sparring ift. indsatser", f"Sparring ift. {rng.choice(TOPICS).lower()} {n} og indsatser")
    months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
              "november", "december"]
    return out.replace("fredag den 11. september 2020", f"fredag den {day.day}. {months[day.month - 1]} {day.year}")


def public_doc(templates: list[tuple[str, str]], rng: random.Random, n: int) -> tuple[str, str]:
    """(suffix, text): a published committee document (one of the 14 public shapes: text, portal
    HTML, publication XML) for a committee of its own, so no two documents are the same meeting."""
    suffix, text = templates[n % len(templates)]
    a, b = COMMITTEE_WORDS[n % len(COMMITTEE_WORDS)], COMMITTEE_WORDS[(n // len(COMMITTEE_WORDS)) % len(COMMITTEE_WORDS)]
    name = f"{a}- og {b.lower()}udvalget" if a != b else f"{a}udvalget"
    for committee in COMMITTEES:
        text = text.replace(committee, name)
    return suffix, text.replace("Akutcentret", f"Akutcentret {rng.choice(TOPICS).lower()}")


def generate(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` documents: 60 % MSO minutes exports (a third of them markdown), 15 % MSO
    indstillinger of both kinds, 25 % published committee minutes in the public shapes."""
    rng = random.Random(seed)
    templates = [(SAMPLES / name).read_text(encoding="utf-8") for name in
                 ("002_613d28e29428536f.txt", "003_dee364413f1b8400.txt")]
    public = [(p.suffix, p.read_text(encoding="utf-8-sig")) for p in sorted(PUBLIC.glob("d*.*"))]
    paths = []
    for n in range(count):
        r = rng.random()
        suffix = ".txt"
        if r < 0.6:
            text = minutes_doc(rng, n, markdown=r < 0.2)
        elif r < 0.75:
            text = indstilling_doc(templates[n % 2], rng, n)
        else:
            suffix, text = public_doc(public, rng, n)
        path = folder / f"doc_{n:05d}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


async def run(args: argparse.Namespace) -> None:
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="referatbot-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    paths = generate(folder, args.docs)
    print(f"generated {len(paths)} documents in {time.perf_counter() - t0:.1f} s ({folder})")

    t0 = time.perf_counter()
    for p in paths:
        read_document(p)
    parse_s = time.perf_counter() - t0
    print(f"parse only:  {len(paths) / parse_s:8.0f} docs/s  ({parse_s * 1e6 / len(paths):.0f} µs/doc)")

    db_dir = Path(tempfile.mkdtemp(prefix="referatbot-bench-db-"))
    url = args.db or f"sqlite:///{db_dir / 'bench.db'}"
    db = await Database.open(url)
    try:
        repo = Repository(db)
        t0 = time.perf_counter()
        report = await ingest_paths(repo, [str(folder)])
        total_s = time.perf_counter() - t0
        print(f"ingest:      {len(paths) / total_s:8.0f} docs/s  ({total_s:.1f} s for {len(paths)}; "
              f"ingested {report['ingested']}, replaced {report['replaced']}, unchanged {report['unchanged']}, "
              f"failed {len(report['failed'])})")
        for failure in report["failed"][:5]:
            print("  failed:", failure["error"])
        t0 = time.perf_counter()
        again = await ingest_paths(repo, [str(folder)])
        print(f"re-ingest:   {len(paths) / (time.perf_counter() - t0):8.0f} docs/s  (unchanged {again['unchanged']})")
        target = "MET" if len(paths) / total_s >= 300 else "MISSED"
        print(f"target >= 300 docs/s on {db.dialect}: {target}")
    finally:
        await db.close()
        shutil.rmtree(db_dir, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--keep", help="write the generated documents here and keep them")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
