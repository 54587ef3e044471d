"""Shared cast and helpers for the fictional archive."""
from render import split_names

CT_2019 = ["Birgitte Holm Kjeldsen", "Henrik Dalsgaard", "Susanne Mørk Thomsen", "Peter Hvidtfeldt",
           "Anette Brøndum", "Jens Ole Kirkegaard", "Mette Friis Lauridsen"]
CT_2023 = ["Anders Vestergaard Lund", "Henrik Dalsgaard", "Susanne Mørk Thomsen", "Peter Hvidtfeldt",
           "Line Bak Sørensen", "Jens Ole Kirkegaard", "Mette Friis Lauridsen"]
CT_2024 = ["Anders Vestergaard Lund", "Henrik Dalsgaard", "Susanne Mørk Thomsen", "Peter Hvidtfeldt",
           "Line Bak Sørensen", "Jens Ole Kirkegaard", "Sofie Brandt Iversen"]
CT_2025 = ["Anders Vestergaard Lund", "Henrik Dalsgaard", "Line Bak Sørensen", "Peter Hvidtfeldt",
           "Rasmus Kjærgaard Holt", "Jens Ole Kirkegaard", "Sofie Brandt Iversen", "Susanne Mørk Thomsen"]


def I(n, title, who, slot, decision=None, outcome="none", summary="", pre=None, closed=False, topics=()):
    return {"n": n, "title": title, "who": who, "slot": slot, "decision": decision, "pre": pre,
            "outcome": outcome, "summary": summary, "closed": closed, "presenters": split_names(who),
            "topics": list(topics)}


def T(s):
    """Multi-line literal: drop the first and last newline."""
    return s.strip("\n")
