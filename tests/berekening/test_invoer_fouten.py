"""Bad input gives a clear Dutch error that names the field; nothing crashes."""

import json

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from helpers import huishouden, kind, ouder, sit
from kotwijzer.cli import app
from kotwijzer.compute import bereken
from kotwijzer.invoer import OntbrekendeInvoer
from kotwijzer.params import OntbrekendeWetgeving

runner = CliRunner()


def _fout_velden(exc: ValidationError) -> list[str]:
    return [".".join(str(x) for x in e["loc"]) for e in exc.errors()]


def test_negatieve_uren():
    with pytest.raises(ValidationError) as e:
        bereken(huishouden(2026, ouder(sit("arbeid")), kinderen=[kind(uren=-5)]))
    assert "kinderen.0.opvang.0.uren_per_maand" in _fout_velden(e.value)


def test_onbekende_opvangsoort():
    with pytest.raises(ValidationError) as e:
        bereken(huishouden(2026, ouder(sit("arbeid")), kinderen=[kind(soort="oppas")]))
    assert "kinderen.0.opvang.0.soort" in _fout_velden(e.value)


def test_maand_13():
    with pytest.raises(ValidationError) as e:
        bereken(huishouden(2026, ouder(sit("arbeid", [1, 13]))))
    assert "aanvrager.situaties.0.maanden.1" in _fout_velden(e.value)


def test_jaar_buiten_bereik():
    with pytest.raises(OntbrekendeWetgeving, match="2019"):
        bereken(huishouden(2019, ouder(sit("arbeid"))))


def test_gewerkte_uren_nodig_in_kgu_jaren():
    with pytest.raises(OntbrekendeInvoer) as e:
        bereken(huishouden(2022, ouder(sit("arbeid")), inkomen=30_000))
    assert e.value.veld == "aanvrager.situaties[0].uren_per_maand"
    assert "koppeling gewerkte uren" in e.value.bericht


def test_inkomen_ontbreekt_geeft_beslissing_zonder_bedrag():
    data = huishouden(2026, ouder(sit("arbeid")))
    del data["toetsingsinkomen"]
    r = bereken(data)
    assert r.bedragen == "ontbreekt" and r.ontbrekend[0].code == "toetsingsinkomen"
    assert all(m.aanspraak for m in r.maanden) and all(m.toeslag is None for m in r.maanden)


def test_dubbele_maand_in_opvang():
    k = kind()
    k["opvang"].append(dict(k["opvang"][0]))
    with pytest.raises(ValidationError, match="twee keer"):
        bereken(huishouden(2026, ouder(sit("arbeid")), kinderen=[k]))


def test_cli_geeft_nederlandse_fout_zonder_traceback(tmp_path):
    f = tmp_path / "h.json"
    f.write_text(json.dumps(huishouden(2026, ouder(sit("arbeid")), kinderen=[kind(uren=-5)])))
    r = runner.invoke(app, ["bereken", str(f)])
    assert r.exit_code == 2
    assert "uren_per_maand" in r.output and "Traceback" not in r.output
    f.write_text("{niet json")
    r = runner.invoke(app, ["bereken", str(f)])
    assert r.exit_code == 2 and "geen geldige JSON" in r.output
    f.write_text(json.dumps(huishouden(2021, ouder(sit("arbeid")), kinderen=[kind(geboren="2019-01-01")])))
    r = runner.invoke(app, ["bereken", str(f)])
    assert r.exit_code == 0 and "nog niet te berekenen" in r.output and "2021" in r.output
    f.write_text(json.dumps(huishouden(2026, ouder(sit("arbeid")), inkomen=True)))
    r = runner.invoke(app, ["bereken", str(f)])
    assert r.exit_code == 2 and "toetsingsinkomen" in r.output and "Traceback" not in r.output


def test_cli_bereken_uitleg_parameters_schema(tmp_path):
    f = tmp_path / "h.json"
    f.write_text(json.dumps(huishouden(2026, ouder(sit("arbeid")), ouder(sit("wlz_permanent")))))
    r = runner.invoke(app, ["bereken", str(f), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["maanden"][0]["reden"] == "partner_wlz"
    r = runner.invoke(app, ["uitleg", str(f)])
    assert r.exit_code == 0, r.output
    assert "Wlz-indicatie" in r.output and "art. 1.6 lid 8 Wko" in r.output and "BelastingTelefoon" in r.output
    r = runner.invoke(app, ["parameters", "2022", "--json"])
    assert r.exit_code == 0
    p = json.loads(r.output)
    assert p["tabel"]["status"] == "onvolledig" and p["tabel"]["dekt_tot_en_met"] == 37_546
    assert {x["naam"]: x["waarde"] for x in p["regels"]}["kgu_percentage_bso"] == 140
    r = runner.invoke(app, ["schema", "--uitvoer", str(tmp_path / "s")])
    assert r.exit_code == 0
    schema = json.loads((tmp_path / "s" / "invoer.schema.json").read_text())
    assert "berekeningsjaar" in schema["required"]


def test_voorwaardencheck_weigert_aanvrager_die_geen_object_is():
    from kotwijzer.compute import voorwaardencheck

    for fout in ("x", [1, 2]):
        with pytest.raises(ValidationError) as e:
            voorwaardencheck({"berekeningsjaar": 2026, "aanvrager": fout})
        assert "aanvrager" in _fout_velden(e.value)
