#!/usr/bin/env python3
"""Regenerates directory-service/src/main/resources/territories/*.csv from the official
@etalab/decoupage-administratif data (pinned version) and the académie map beside this file.

usage: deploy/tools/territories/generate.py            (needs npm and python3; run from the repo root)
"""
import csv, json, os, subprocess, sys, tarfile, tempfile

VERSION = "6.0.0"  # @etalab/decoupage-administratif, pinned: bump deliberately and review the diff
OUTSIDE_ACADEMIES = {"984", "986", "987", "988", "989"}
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "..", "directory-service", "src", "main", "resources", "territories")

def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"@etalab/decoupage-administratif@{VERSION}", "--silent"],
                       cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tgz = next(f for f in os.listdir(tmp) if f.endswith(".tgz"))
        with tarfile.open(os.path.join(tmp, tgz)) as t:
            t.extractall(tmp)
        data = os.path.join(tmp, "package", "data")
        communes = json.load(open(os.path.join(data, "communes.json"), encoding="utf-8"))
        departements = json.load(open(os.path.join(data, "departements.json"), encoding="utf-8"))

    academie_of = {}
    academies = []
    with open(os.path.join(HERE, "academies.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter=";"):
            academies.append((row["code"], row["name"]))
            for d in row["departements"].split(","):
                academie_of[d] = row["code"]

    # Collectivities under a vice-rectorate (TAAF, Wallis-et-Futuna, Polynésie, Nouvelle-Calédonie,
    # Clipperton) belong to no académie: they are left out, with their communes.
    departements = [d for d in departements if d["code"] not in OUTSIDE_ACADEMIES]
    communes = [c for c in communes if c.get("departement") not in OUTSIDE_ACADEMIES]
    missing = [d["code"] for d in departements if d["code"] not in academie_of]
    if missing:
        sys.exit(f"départements without an académie: {missing}")

    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "academies.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["code", "name"])
        w.writerows(academies)
    with open(os.path.join(OUT, "departements.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["code", "name", "region", "academie"])
        for d in sorted(departements, key=lambda d: d["code"]):
            w.writerow([d["code"], d["nom"], d["region"], academie_of[d["code"]]])
    # Current communes plus the municipal arrondissements of Paris, Lyon and Marseille,
    # which partners and schools use as home addresses.
    kept = [c for c in communes if c["type"] in ("commune-actuelle", "arrondissement-municipal")]
    with open(os.path.join(OUT, "communes.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["code", "name", "departement"])
        for c in sorted(kept, key=lambda c: c["code"]):
            w.writerow([c["code"], c["nom"], c["departement"]])
    print(f"{len(kept)} communes, {len(departements)} départements, {len(academies)} académies "
          f"from @etalab/decoupage-administratif@{VERSION}")

if __name__ == "__main__":
    main()
