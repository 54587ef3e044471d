"""Renderers that lay out archive documents in the shapes of the five sample exports.

minutes_md     -> like 000/001 (markdown headings)
minutes_plain  -> like 004 (same export without markdown)
ind_html       -> like 002 (Rådmandsindstilling, sections from an HTML table, 'Referat:' at the end)
ind_tab        -> like 003 (tab-separated header, checkbox markup, Baggrund/Opfølgning/... and 'Referat')
"""
import datetime
import re

WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december"]
PAGE = 2600  # characters per page, for the table of contents


def split_names(who):
    if not who:
        return []
    parts = re.split(r",\s*|\s+og\s+|/", who)
    return [p.strip() for p in parts if p.strip()]


def _date(d):
    return datetime.date.fromisoformat(d)


def _plain_text(text):
    """Sub-bullets in the plain export are indented by one space (sample 004)."""
    return re.sub(r"(?m)^  - ", " - ", text)


def _info_lines(doc, style):
    out = []
    for i, it in enumerate(doc["items"]):
        n = it["n"]
        lab = f"Pkt. {n}." if (i == 0 and doc.get("pkt_dot")) else f"Pkt. {n}"
        line = f"{lab} kl. {it['slot'][0]}-{it['slot'][1]}"
        if it.get("who"):
            line += " " + it["who"]
        out.append(line)
    return out


def render_minutes(doc):
    md = doc["fmt"] == "md"
    kind = doc["kind"]
    d = _date(doc["date"])
    head = ["", ""]
    head.append(f"# {kind} ({kind})" if md else f"{kind} ({kind})")
    head += ["", f"{d:%d-%m-%Y} {doc['start']} - {doc['end']}", "", doc["place"], ""]
    info = _info_lines(doc, doc.get("info_style", "inline"))
    if md:
        head += ["---", ""]
        if doc.get("info_style") == "blocks":
            head += ["**Information:**", ""]
            for l in info:
                head += [l, ""]
        else:
            lines = [l + "  " for l in info[:-1]] + [info[-1]]
            lines[0] = "**Information:** " + lines[0]
            head += lines + [""]
        if doc.get("participants"):
            head += ["**Mødedeltagere :** " + ", ".join(doc["participants"]), ""]
        head += ["## Indhold", ""]
    else:
        info[0] = "Information: " + info[0]
        head += info + [""]
        if doc.get("participants"):
            head += ["Mødedeltagere : " + ", ".join(doc["participants"]), ""]
        head += ["Indhold", ""]

    # body, item by item (closed items are left out of the published text, as in sample 004)
    body_blocks = []
    toc = []
    offset = 0
    agenda = doc.get("agenda", False)
    for it in doc["items"]:
        if it.get("closed"):
            continue
        n, t = it["n"], it["title"]
        h = f"## **Punkt {n}: {t}**" if md else f"Punkt {n}: {t}"
        hb = f"### **Beslutning for Punkt {n}: {t}**" if md else f"Beslutning for Punkt {n}: {t}"
        page1 = 1 + offset // PAGE
        block = [h, ""]
        pre = it.get("pre")
        if pre:
            block += [pre if md else _plain_text(pre), ""]
        mid = offset + len("\n".join(block))
        toc.append(f"Punkt {n}: {t}.....\t{page1}")
        if not agenda:
            toc.append(f"Beslutning for Punkt {n}: {t}.....\t{1 + mid // PAGE}")
            dec = it["decision"] if md else _plain_text(it["decision"])
            block += [hb, "", dec]
        else:
            if block[-1] == "":
                block = block[:-1]
        body_blocks.append("\n".join(block))
        offset += len(body_blocks[-1]) + 2
    text = "\n".join(head + toc + [""]) + "\n" + "\n\n".join(body_blocks)
    return text


# ---------------------------------------------------------------- indstilling, HTML-table export (002)

UL = '<ul style="list-style-type: none">'
OL = '<ol style="list-style-type: none">'


def _html_section(label, blocks):
    parts = []
    first = True
    for b in blocks:
        if isinstance(b, tuple):
            tag = OL if b[0] == "ol" else UL
            parts.append(tag + " " + " ".join(b[1]))
        else:
            parts.append(f"<p>{label}: {b}</p>" if first else f"<p>{b}</p>")
        first = False
    s = " ".join(parts)
    if isinstance(blocks[-1], tuple):
        s += " "
    return s


def _pad(cells, width=14):
    return "\t".join(cells + [""] * (width - len(cells)))


def render_ind_html(doc):
    d = _date(doc["date"])
    closed = doc.get("closed", False)
    lines = [" ", "", "", f"Rådmandsindstilling: {doc['title']}", "", f"Den {d.day}/{d.month} {d.year}, {doc['dept']}", ""]
    lines.append(_html_section("Baggrund", doc["baggrund"]) + "\t" + _html_section("Kommunikation", doc["kommunikation"]) + "\t" * 12)
    if closed:
        oc_html = '<td>Åben indstilling</td> <td>Lukket indstilling</td> <td style="text-align: center;">x</td>'
        oc_tab = ["Åben indstilling", "Lukket indstilling", "x"]
    else:
        oc_html = '<td>Åben indstilling</td> <td style="text-align: center;">x</td> <td>Lukket indstilling</td>'
        oc_tab = ["Åben indstilling", "x", "Lukket indstilling"]
    koord = "Koordineret med andre afdelinger, hvilke:" + (" " + doc["koordineret"] if doc.get("koordineret") else "")
    l8 = (_html_section("Beslutninger", doc["beslutninger"]) + "\t"
          + '<p>Denne indstilling er (Sæt X):</p> <table border="1"> <tr> ' + oc_html + " </tr> </table> "
          + f"<p>{koord}</p> <p>Ansvarlig/Navn: {doc['ansvarlig']} Deltager på mødet: {doc['deltager']}</p>")
    l8 += "\t" + _pad(oc_tab, 12)
    lines.append(l8)
    lines.append(_pad(oc_tab))
    fin_opts = ["Afd. grundbudget", "Afd. opsparing", "MSO's fælles opsparing"]
    chosen = {"grundbudget": 0, "opsparing": 1, "faelles": 2}[doc.get("finans", "grundbudget")]
    fin_html, fin_tab = [], []
    for i, o in enumerate(fin_opts):
        fin_html.append(f"<td>{o}</td>")
        fin_tab.append(o)
        if i == chosen:
            fin_html.append('<td style="text-align: center;">x</td>')
            fin_tab.append("x")
    years = [str(y) for y in doc["years"]]
    amounts = doc["amounts"]
    l10 = (_html_section("Effekt og målopfølgning", doc["effekt"]) + "\t"
           + '<p>Udgiften afholdes inden for: (Sæt X)</p> <table border="1"> <tr> ' + " ".join(fin_html) + " </tr> </table> "
           + '<p>Direkte udgifter (Angiv kr.)</p> <table border="1"> <thead> <tr> '
           + " ".join(f"<th>{y}</th>" for y in years) + " </tr> </thead> <tbody> <tr> "
           + " ".join(f"<td>{a}</td>" for a in amounts) + " </tr> </tbody> </table>")
    l10 += "\t" + "\t".join(fin_tab + years + amounts)
    lines.append(l10)
    lines.append(_pad(fin_tab))
    lines.append(_pad(years))
    lines.append(_pad(amounts))
    lines.append(_html_section("Implementering", doc["implementering"]) + "\t" + f"<p>{doc['oekonomi']}</p>" + "\t" * 12)
    lines += ["", "", "", "Referat:", "", doc["referat"]]
    return "\n".join(lines)


# ---------------------------------------------------------------- indstilling, tab-separated export (003)

def render_ind_tab(doc):
    d = _date(doc["date"])
    closed = doc.get("closed", False)
    chk = '<input checked="" type="checkbox"/>'
    unchk = '<input type="checkbox"/>'
    lines = ["", ""]
    lines.append(f"{doc['title']}\t{unchk if closed else chk} Åben indstilling\tSagsbehandler:\tAfdeling/Ansvarlig leder:")
    lines.append(f"\t{chk if closed else unchk} Lukket indstilling\t{doc['sagsbehandler']}\t{doc['afdeling']}")
    lines.append("")
    lines.append(f"{doc['meeting']} – {WEEKDAYS[d.weekday()]} den {d.day}. {MONTHS[d.month - 1]} {d.year}.\tMødedeltagere:\t{doc['deltagere']}")
    lines.append("---\t----------------\t---")
    lines.append("")
    for label, key in [("Baggrund", "baggrund"), ("Opfølgning", "opfoelgning"), ("Kommunikation", "kommunikation"),
                       ("Beslutninger", "beslutninger"), ("Koordinering", "koordinering")]:
        lines += [label, "", doc[key], ""]
    lines += ["Direkte udgifter (tkr.)", ""]
    for y, a in doc["udgifter"]:
        lines.append(f"{y}\t{a}")
    lines += ["", "Udgiften finansieres inden for:", "", "- Afdelingens grundbudget", "- Afdelingens opsparing",
              "- MSO's fælles opsparing", "", "Indirekte udgifter", ""]
    tmpl = ("Er der andre bemærkninger til økonomien? (eks. skal der afsættes et større antal personaletimer til "
            "uddannelse, er der ønske om at trække nye data i cura, medfører beslutningen mere dokumentation)")
    lines.append(tmpl)
    if doc.get("indirekte"):
        lines += ["", doc["indirekte"]]
    lines += ["", "Effekt", "", doc["effekt"], "", "", "", "Referat", "", doc["referat"]]
    return "\n".join(lines)


def render(doc):
    f = doc["fmt"]
    if f in ("md", "plain"):
        return render_minutes(doc)
    if f == "html":
        return render_ind_html(doc)
    if f == "tab":
        return render_ind_tab(doc)
    raise ValueError(f)
