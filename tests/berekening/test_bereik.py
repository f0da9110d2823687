"""The amount as a range where a table cell is missing (2025) and the indication for 2027. Every expectation is worked
out by hand from the shared table file (shared/law/tables/2025.partial.csv), the maximum uurprijzen and the
announcement (shared law README, December 2026, items 4, 5, 7 and 8); none is taken from the code's output."""

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from kotwijzer.compute import bereken

VOORBEELD = Path(__file__).resolve().parents[2] / "examples" / "paar_werkt_2025.json"


def _c(x) -> Decimal:
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _invoer(**kw):
    d = json.loads(VOORBEELD.read_text())
    d.update(kw)
    return d


# The 2025 example household at EUR 70.000: kind 1 dagopvang 80 h at 11,50 (max 2025 10,71), kind 2 BSO 40 h at 9,50
# (max 9,52, so 9,50). Kind 1 has the most hours: the first child (Bkot art. 3 lid 2). Row 66.795-70.446: first child
# 87,3 %; next children not_found, between 87,3 % (first child, same row) and 95,2 % (row 49.109-50.811).
KIND1 = _c(Decimal("80") * Decimal("10.71") * Decimal("0.873"))  # 856,80 x 0,873 = 747,9864 -> 747,99
KIND2_ONDER = _c(Decimal("40") * Decimal("9.50") * Decimal("0.873"))  # 380,00 x 0,873 = 331,74
KIND2_BOVEN = _c(Decimal("40") * Decimal("9.50") * Decimal("0.952"))  # 380,00 x 0,952 = 361,76


def test_2025_bij_70000_eerste_kind_exact_en_bereik_voor_maand_en_jaar():
    r = bereken(_invoer())
    assert Decimal("747.99") == KIND1 and Decimal("331.74") == KIND2_ONDER and Decimal("361.76") == KIND2_BOVEN
    jan = r.maanden[0]
    assert jan.kinderen[0].eerste_kind and jan.kinderen[0].toeslag == KIND1
    assert jan.kinderen[1].toeslag is None and jan.toeslag is None  # the law's own amount stays unknown
    b = r.bereik
    assert b.soort == "bereik"
    assert (b.maanden[0].toeslag_onder, b.maanden[0].toeslag_boven) == (KIND1 + KIND2_ONDER, KIND1 + KIND2_BOVEN)
    assert (b.jaar_onder, b.jaar_boven) == (12 * (KIND1 + KIND2_ONDER), 12 * (KIND1 + KIND2_BOVEN))
    (cel,) = b.cellen
    assert not cel.eerste_kind
    assert (cel.onder.percentage, cel.onder.status) == (Decimal("87.3"), "derived")
    assert (cel.boven.percentage, cel.boven.status) == (Decimal("95.2"), "single_source")
    assert "€ 12.956,76" in b.uitleg and "€ 13.317,00" in b.uitleg


def test_2025_onder_50812_geen_bereik():
    assert bereken(_invoer(toetsingsinkomen=50_000)).bereik is None  # both cells known


def test_2026_geen_bereik():
    assert bereken(_invoer(berekeningsjaar=2026, aanvraagdatum="2026-01-05")).bereik is None


# 2027 (announced, not fixed): first child 96 % up to 71.903; 2026 first-child percentage + 5,1 points up to 175.430;
# maximum uurprijzen 11,60 / 10,31 / 8,77. Next children: nothing announced -> between the first child's percentage
# and 96 %.
def test_2027_indicatie_bij_60000_vast_op_96():
    r = bereken(_invoer(berekeningsjaar=2027, aanvraagdatum="2026-12-06", toetsingsinkomen=60_000))
    assert r.jaar.toeslag is None and any(o.code in ("tabel", "maximum_uurprijs") for o in r.ontbrekend)
    b = r.bereik
    assert b.soort == "indicatie" and "Indicatie, niet de wet" in b.uitleg
    k1 = _c(Decimal("80") * Decimal("11.50") * Decimal("0.96"))  # 11,50 < 11,60: 920,00 x 0,96 = 883,20
    k2 = _c(Decimal("40") * Decimal("9.50") * Decimal("0.96"))  # 380,00 x 0,96 = 364,80
    assert b.maanden[0].toeslag_onder == b.maanden[0].toeslag_boven == k1 + k2
    assert b.jaar_onder == b.jaar_boven == 12 * (k1 + k2)
    assert "SZW-begroting 2027" in b.basis[0]


def test_2027_indicatie_bij_100000_bereik_voor_andere_kinderen():
    # 2026 row 99.890-103.694: first child 72,1 % (shared/law/tables/2026.csv) -> 2027 indication 77,2 %
    r = bereken(_invoer(berekeningsjaar=2027, aanvraagdatum="2026-12-06", toetsingsinkomen=100_000))
    b = r.bereik
    k1 = _c(Decimal("920.00") * Decimal("0.772"))
    k2_onder, k2_boven = _c(Decimal("380.00") * Decimal("0.772")), _c(Decimal("380.00") * Decimal("0.96"))
    assert (b.maanden[0].toeslag_onder, b.maanden[0].toeslag_boven) == (k1 + k2_onder, k1 + k2_boven)
    (cel,) = b.cellen
    assert (cel.onder.percentage, cel.boven.percentage) == (Decimal("77.2"), Decimal("96.0"))


def test_officiele_tabel_2027_vervangt_de_indicatie(monkeypatch):
    """Adding the official 2027 table and prices as data (docs/nieuw-jaar.md) replaces the indication, no code change:
    a test-only table (one row, 90 / 95 %) and definitive prices."""
    from kotwijzer.params import indicatie, loader

    echt = loader.data_tekst

    def _data(naam):
        if naam == "tabellen.yaml":
            return echt(naam) + "\n2027:\n  bestand: tabellen/2027.csv\n  status: definitief\n  bron: testtabel\n"
        if naam == "tabellen/2027.csv":
            return "income_from,income_to_incl,pct_first_child,pct_next_children\n0,,90.0,95.0\n"
        if naam == "maximum_uurprijs.yaml":
            return echt(naam).replace("status: aangekondigd", "status: definitief")
        return echt(naam)

    for f in (loader._tabellen_meta, loader.tabel, loader.max_meta, loader.maximum_uurprijs_van, indicatie._indicatie):
        f.cache_clear()
    monkeypatch.setattr(loader, "data_tekst", _data)
    try:
        r = bereken(_invoer(berekeningsjaar=2027, aanvraagdatum="2026-12-06", toetsingsinkomen=60_000))
        assert r.bereik is None and r.bedragen == "volledig"
        k1 = _c(Decimal("920.00") * Decimal("0.90"))
        k2 = _c(Decimal("380.00") * Decimal("0.95"))
        assert r.maanden[0].toeslag == k1 + k2
    finally:
        monkeypatch.undo()
        for f in (
            loader._tabellen_meta,
            loader.tabel,
            loader.max_meta,
            loader.maximum_uurprijs_van,
            indicatie._indicatie,
        ):
            f.cache_clear()
