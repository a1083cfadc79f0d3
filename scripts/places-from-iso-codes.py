#!/usr/bin/env python3
"""Writes data/lexicons/places.csv from Debian's iso-codes package (apt-get install iso-codes):
ISO 3166-1 country names (the common name where one is given) and the ISO 3166-2 subdivisions of
the United States, plus the short list of regions below. Rerun: python3 scripts/places-from-iso-codes.py"""
import json, sys

ISO = "/usr/share/iso-codes/json"
# Regions that US political news names like places (never a person, never a body of its own).
REGIONS = ["Bay Area", "Silicon Valley", "Middle East", "West Bank", "Gaza Strip", "Midwest", "Rust Belt", "Sun Belt", "Gulf Coast", "Deep South"]

def main(out):
    rows = []
    for c in json.load(open(f"{ISO}/iso_3166-1.json"))["3166-1"]:
        name = c.get("common_name", c["name"])
        if "," in name or "(" in name:
            continue
        rows.append((name, "country"))
    for s in json.load(open(f"{ISO}/iso_3166-2.json"))["3166-2"]:
        if s["code"].startswith("US-") and "," not in s["name"]:
            rows.append((s["name"], "state"))
    rows += [(r, "region") for r in REGIONS]
    seen = set()
    with open(out, "w", encoding="utf-8") as f:
        f.write("name,kind\n")
        f.write("# Written by scripts/places-from-iso-codes.py from Debian's iso-codes (ISO 3166-1 countries, ISO 3166-2 US\n")
        f.write("# states and territories) and a few regions. A name chain that is a place is typed by it, not by its shape:\n")
        f.write("# a country is a country; a state or region is no person (typed organization: its government speaks).\n")
        for name, kind in sorted(rows, key=lambda r: (r[1], r[0])):
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            f.write(f"{name},{kind}\n")

main(sys.argv[1] if len(sys.argv) > 1 else "data/lexicons/places.csv")
