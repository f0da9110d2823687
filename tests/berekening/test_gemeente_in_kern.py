"""Issue 4 in the rules core: a bijstand parent's situation names (gemeente, activiteit); the verdict follows from the
municipality's classification (Wko 1.6 lid 1 onder c: only a voorziening gericht op arbeidsinschakeling, categories
A and B). Seed 000 ch. 4.1: Wmo-dagbesteding in C gives no right; the same activity written into an individual plan
as a first re-integration step (B) gives a right. The example municipalities are labelled as examples."""

import pytest

from helpers import huishouden, ouder, sit
from kotwijzer.compute import bereken
from kotwijzer.explain import stappen
from kotwijzer.invoer import OntbrekendeInvoer
from kotwijzer.model import Huishouden


def _bijstand(activiteit, gemeente="GM9901"):
    return huishouden(
        2026,
        ouder(sit("bijstand_traject", uitkering="bijstand", gemeente_code=gemeente, activiteit=activiteit)),
        inkomen=20_000,
    )


def test_wmo_dagbesteding_categorie_c_geen_recht():
    r = bereken(_bijstand("wmo-dagbesteding"))
    assert r.jaar.toeslag == 0
    assert {m.reden for m in r.maanden} == {"bijstand_zonder_voorziening"}
    cnd = r.maanden[0].condities[0]
    assert "categorie C" in cnd.uitleg
    assert any(b.citaat == "art. 1.6 lid 1 onder c Wko" for b in cnd.bronnen)
    assert any(b.citaat == "art. 7 lid 1 onder a Pw" for b in cnd.bronnen)


def test_dagbesteding_als_eerste_stap_categorie_b_geeft_recht():
    data = _bijstand("dagbesteding-eerste-stap")
    r = bereken(data)
    assert all(m.aanspraak for m in r.maanden) and r.jaar.toeslag > 0
    assert "categorie B" in r.maanden[0].condities[0].uitleg
    st = stappen(Huishouden.model_validate(data), r)
    assert any("code 40" in s.tekst for s in st)


def test_onbekende_activiteit_noemt_veld():
    with pytest.raises(OntbrekendeInvoer) as e:
        bereken(_bijstand("bestaat-niet"))
    assert e.value.veld == "aanvrager.situaties[0].activiteit" and "bestaat-niet" in e.value.bericht


def test_aanvullende_tegemoetkoming_per_maand():
    # Wko 1.13: KOT + top-up never above kosten (hours x price capped at the maximum uurprijs); the part above the
    # maximum stays with the parent (GM9901 pays the whole remainder, example policy).
    from decimal import Decimal

    from kotwijzer.compute import gemeentelijke_tegemoetkoming

    data = _bijstand("dagbesteding-eerste-stap")
    data["kinderen"][0]["opvang"][0]["uurprijs"] = "12.00"  # above the 2026 maximum of 11,23
    t = gemeentelijke_tegemoetkoming(data)
    k = t["maanden"][0]["kinderen"][0]
    assert k["kosten"] == Decimal(100) * Decimal("11.23")
    assert k["toeslag"] + k["aanvullende_tegemoetkoming"] == k["kosten"]
    assert k["eigen_bijdrage"] == Decimal(100) * (Decimal("12.00") - Decimal("11.23"))
    # a category C activity: no KOT and no parent in c/e/j, so no top-up under art. 1.13
    t = gemeentelijke_tegemoetkoming(_bijstand("wmo-dagbesteding"))
    assert t["totaal_aanvullend"] == 0


def test_cli_ontheffing_9a_en_kot():
    # Pw art. 9a (2021-2025 text): ontheffing until the youngest child turns five, at most five years; the
    # ontheffing alone gives no KOT, education under Wko 1.6 lid 1 onder j does.
    from typer.testing import CliRunner

    from kotwijzer.cli import app

    r = CliRunner().invoke(app, ["gemeente", "ontheffing", "--verzoek", "2025-03-01", "--jongste-kind", "2023-06-10"])
    assert r.exit_code == 0, r.output
    tekst = " ".join(r.output.split())
    assert "tot en met 9 juni 2028" in tekst and "Kinderopvangtoeslag: nee" in tekst
    r = CliRunner().invoke(
        app, ["gemeente", "ontheffing", "--verzoek", "2025-03-01", "--jongste-kind", "2023-06-10", "--opleiding"]
    )
    assert "Kinderopvangtoeslag: ja" in " ".join(r.output.split())
    r = CliRunner().invoke(app, ["gemeente", "ontheffing", "--verzoek", "1-3-2025", "--jongste-kind", "2023-06-10"])
    assert r.exit_code == 2 and "JJJJ-MM-DD" in r.output
