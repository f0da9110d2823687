"""Database layer on SQLite and PostgreSQL: migrations, organisation isolation, versions that survive failed saves,
the BSN check and the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, select

from conftest import voorbeeld
from kotwijzer.store import Database, NietGevonden, OngeldigeWaarde, VersieConflict, elfproef, lijkt_op_bsn, repo
from kotwijzer.store.models import AuditRegel, Gebruiker, Sessie


@pytest.fixture
def db(db_url):
    d = Database(db_url)
    d.migreer()
    yield d
    d.sluit()


def _org(db, naam, rol="beheerder"):
    with db.sessie() as s:
        o = repo.organisatie_maken(s, naam)
        g = repo.gebruiker_maken(
            s, o.id, f"{naam.lower().replace(' ', '')}@voorbeeld.nl", "wolken-boven-de-duinen", rol
        )
        return repo.Actor.van(g)


def test_migraties_maken_alle_tabellen_en_kloppen_met_de_modellen(db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kotwijzer.store.models import Base

    tabellen = set(inspect(db.engine).get_table_names())
    assert {
        "organisatie",
        "gebruiker",
        "sessie",
        "dossier",
        "scenario",
        "scenario_versie",
        "audit",
        "alembic_version",
    } <= tabellen
    with db.engine.connect() as c:
        verschil = compare_metadata(MigrationContext.configure(c), Base.metadata)
    assert verschil == [], verschil
    db.migreer()  # idempotent


def test_organisaties_zien_elkaars_dossiers_niet(db):
    a, b = _org(db, "Bewind A"), _org(db, "Bewind B")
    with db.sessie() as s:
        da = repo.dossier_maken(s, a, "gezin 1")
        sa = repo.scenario_maken(s, a, da.id, "basis", voorbeeld("paar_werkt_2026"), {"status": "berekend"})
        ids = (da.id, sa.id)
    with db.sessie() as s:
        assert [d.id for d, _ in repo.dossiers(s, b)] == []
        assert [d.id for d, _ in repo.dossiers(s, a)] == [ids[0]]
        for fn in (
            lambda: repo.dossier(s, b, ids[0]),
            lambda: repo.scenario(s, b, ids[1]),
            lambda: repo.dossier_wijzigen(s, b, ids[0], "overgenomen"),
            lambda: repo.scenarios(s, b, ids[0]),
            lambda: repo.scenario_opslaan(s, b, ids[1], {}, {}),
            lambda: repo.scenario_versies(s, b, ids[1]),
            lambda: repo.scenario_maken(s, b, ids[0], "x", {}, {}),
            lambda: repo.dossier_verwijderen(s, b, ids[0]),
        ):
            with pytest.raises(NietGevonden):
                fn()
    with db.sessie() as s:
        assert repo.dossier(s, a, ids[0]).label == "gezin 1"


def test_versies_en_geschiedenis(db):
    a = _org(db, "Bewind A")
    d1, d2 = voorbeeld("paar_werkt_2026"), voorbeeld("wlz_partner_2023")
    with db.sessie() as s:
        d = repo.dossier_maken(s, a, "gezin 1")
        sc = repo.scenario_maken(s, a, d.id, "basis", d1, {"v": 1})
        sid = sc.id
    with db.sessie() as s:
        repo.scenario_opslaan(s, a, sid, d2, {"v": 2}, "tweede", verwachte_versie=1)
    with db.sessie() as s:
        versies = repo.scenario_versies(s, a, sid)
        assert [v.versie for v in versies] == [1, 2]
        assert versies[0].invoer == d1 and versies[1].invoer == d2
        assert repo.scenario(s, a, sid).huidige_versie == 2
        with pytest.raises(VersieConflict):
            repo.scenario_opslaan(s, a, sid, d1, {}, verwachte_versie=1)


def test_mislukte_opslag_laat_vorige_versie_intact(db, monkeypatch):
    a = _org(db, "Bewind A")
    with db.sessie() as s:
        d = repo.dossier_maken(s, a, "gezin 1")
        sid = repo.scenario_maken(s, a, d.id, "basis", voorbeeld("paar_werkt_2026"), {"v": 1}).id

    # 1. refused input (a BSN in a label): nothing written
    slecht = voorbeeld("paar_werkt_2026")
    slecht["kinderen"][0]["label"] = "123456782"
    with pytest.raises(OngeldigeWaarde) as e, db.sessie() as s:
        repo.scenario_opslaan(s, a, sid, slecht, {"v": 2})
    assert e.value.veld == "invoer.kinderen[0].label"

    # 2. a failure after the new version row was written (here: the audit log): the whole save is rolled back
    def kapot(*args, **kwargs):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(repo, "log", kapot)
    with pytest.raises(RuntimeError), db.sessie() as s:
        repo.scenario_opslaan(s, a, sid, voorbeeld("wlz_partner_2023"), {"v": 2})
    monkeypatch.undo()

    with db.sessie() as s:
        sc = repo.scenario(s, a, sid)
        assert sc.huidige_versie == 1
        assert [v.versie for v in repo.scenario_versies(s, a, sid)] == [1]
        assert repo.scenario_versie(s, a, sid).invoer == voorbeeld("paar_werkt_2026")


@pytest.mark.parametrize(
    "tekst,bsn",
    [
        ("123456782", True),
        ("1234 56 782", True),
        ("1234.56.782", True),
        ("gezin 123456782", True),
        ("123456789", False),
        ("gezin 12", False),
        ("000000000", False),
        ("12345678", False),
        ("1234567820", False),
        ("111222333", True),
        ("2026-01-01", False),
    ],
)
def test_bsn_herkenning(tekst, bsn):
    assert lijkt_op_bsn(tekst) is bsn


def test_elfproef():
    assert elfproef("123456782")
    assert not elfproef("123456781")
    assert not elfproef("12345678")


def test_label_met_bsn_geweigerd(db):
    a = _org(db, "Bewind A")
    with db.sessie() as s:
        with pytest.raises(OngeldigeWaarde) as e:
            repo.dossier_maken(s, a, "klant 111222333")
        assert "burgerservicenummer" in e.value.melding
        for slecht in ("", "   ", "x" * 61, "a\x00b"):
            with pytest.raises(OngeldigeWaarde):
                repo.dossier_maken(s, a, slecht)
        assert repo.dossier_maken(s, a, "  gezin   7 ").label == "gezin 7"


def test_auditlog_zonder_persoonsgegevens(db):
    a = _org(db, "Bewind A")
    with db.sessie() as s:
        d = repo.dossier_maken(s, a, "geheim label")
        sc = repo.scenario_maken(s, a, d.id, "scenario naam", voorbeeld("paar_werkt_2026"), {})
        repo.scenario_opslaan(s, a, sc.id, voorbeeld("paar_werkt_2026"), {})
        repo.dossier_wijzigen(s, a, d.id, "ander label")
    with db.sessie() as s:
        regels = repo.audit(s, a)
        acties = [r.actie for r in reversed(regels)]
        assert acties[-4:] == ["dossier_aangemaakt", "scenario_aangemaakt", "scenario_opgeslagen", "dossier_gewijzigd"]
        for r in s.scalars(select(AuditRegel)):
            waarden = " ".join(str(getattr(r, k)) for k in ("actie", "object_soort", "object_id", "versie"))
            assert "label" not in waarden and "@" not in waarden and "naam" not in waarden


def test_rollen(db):
    beheerder = _org(db, "Bewind A")
    with db.sessie() as s:
        g = repo.gebruiker_maken(s, 0, "mw@voorbeeld.nl", "wolken-boven-de-duinen", "medewerker", beheerder)
        mw = repo.Actor.van(g)
        d = repo.dossier_maken(s, mw, "gezin 1")
        with pytest.raises(repo.GeenToegang):
            repo.dossier_verwijderen(s, mw, d.id)
        with pytest.raises(repo.GeenToegang):
            repo.audit(s, mw)
        with pytest.raises(repo.GeenToegang):
            repo.gebruiker_maken(s, 0, "x@voorbeeld.nl", "wolken-boven-de-duinen", "beheerder", mw)
        repo.dossier_verwijderen(s, beheerder, d.id)


def test_inloggen_en_sessies(db):
    a = _org(db, "Bewind A")
    with db.sessie() as s:
        assert repo.inloggen(s, "bewinda@voorbeeld.nl", "fout-wachtwoord") is None
        assert repo.inloggen(s, "onbekend@voorbeeld.nl", "wolken-boven-de-duinen") is None
        g = repo.inloggen(s, " BewindA@Voorbeeld.nl ", "wolken-boven-de-duinen")
        assert g is not None
        token, _ = repo.sessie_maken(s, g, "web")
    with db.sessie() as s:
        assert repo.sessie_gebruiker(s, token, "web").id == a.gebruiker_id
        assert repo.sessie_gebruiker(s, token, "api") is None  # a web cookie is no API token
        assert repo.sessie_gebruiker(s, token + "x", "web") is None
        rij = s.scalar(select(Sessie))
        assert token not in rij.token_hash  # only the hash is stored
        rij.verloopt = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    with db.sessie() as s:
        assert repo.sessie_gebruiker(s, token, "web") is None


def test_een_blik_per_sessie_ook_binnen_dezelfde_seconde(db, monkeypatch):
    """A look at a dossier is recorded once per user per dossier per login session, and the session is the session
    itself, not its start time: with the clock standing still (everything in one second, as a quick test or a quick
    user can do) a look in a new login session is still recorded, also in a session that got the number of one that
    just ended (SQLite hands out the highest number again)."""
    a = _org(db, "Bewind A")
    vast = dt.datetime(2026, 12, 6, 9, 0, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(repo, "nu", lambda: vast)
    with db.sessie() as s:
        g = s.get(Gebruiker, a.gebruiker_id)
        d = repo.dossier_maken(s, a, "gezin 1")
        t1, _ = repo.sessie_maken(s, g, "web")

    def kijk(token: str) -> bool:
        with db.sessie() as s:
            return repo.log_lezen(s, a, "dossier_geopend", "dossier", d.id, sessie_id=repo.sessie_id(s, token))

    def nieuwe_sessie() -> str:
        with db.sessie() as s:
            return repo.sessie_maken(s, s.get(Gebruiker, a.gebruiker_id), "web")[0]

    assert [kijk(t1), kijk(t1), kijk(t1)] == [True, False, False]
    t2 = nieuwe_sessie()
    assert [kijk(t2), kijk(t2), kijk(t1)] == [True, False, False]
    with db.sessie() as s:
        repo.sessie_beeindigen(s, t2, a)
    t3 = nieuwe_sessie()
    assert [kijk(t3), kijk(t3)] == [True, False]
    with db.sessie() as s:
        regels = s.scalars(select(AuditRegel).where(AuditRegel.actie == "dossier_geopend")).all()
        assert len(regels) == 3 and {r.tijd.replace(tzinfo=dt.UTC) for r in regels} == {vast}


def test_migratie_0003_vult_het_dossier_van_oude_logregels(db_url):
    """Lines written before migration 0003 (the logbook's dossier column) get their dossier: a dossier line its own
    id, a scenario line the scenario's dossier; user names start empty. On SQLite and PostgreSQL."""
    from alembic import command
    from sqlalchemy import text

    from kotwijzer.store.db import alembic_config

    d = Database(db_url)
    try:
        cfg = alembic_config()
        with d.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0002")
        with d.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO organisatie (id, naam, aangemaakt) VALUES (1, 'Bewind A', CURRENT_TIMESTAMP)")
            )
            conn.execute(
                text(
                    "INSERT INTO gebruiker (id, organisatie_id, email, wachtwoord_hash, rol, actief, aangemaakt) "
                    "VALUES (1, 1, 'a@voorbeeld.nl', 'x', 'beheerder', true, CURRENT_TIMESTAMP)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO dossier (id, organisatie_id, label, aangemaakt, gewijzigd) "
                    "VALUES (7, 1, 'gezin 7', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO scenario (id, dossier_id, naam, huidige_versie, aangemaakt, gewijzigd) "
                    "VALUES (9, 7, 'basis', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                )
            )
            for i, (actie, soort, obj) in enumerate(
                [
                    ("dossier_aangemaakt", "dossier", 7),
                    ("scenario_aangemaakt", "scenario", 9),
                    ("ingelogd", "gebruiker", 1),
                ],
                1,
            ):
                conn.execute(
                    text(
                        "INSERT INTO audit (id, tijd, organisatie_id, gebruiker_id, actie, object_soort, object_id) "
                        "VALUES (:i, CURRENT_TIMESTAMP, 1, 1, :a, :s, :o)"
                    ),
                    {"i": i, "a": actie, "s": soort, "o": obj},
                )
        d.migreer()
        with d.sessie() as s:
            regels = {r.actie: r.dossier_id for r in s.scalars(select(AuditRegel))}
            assert regels == {"dossier_aangemaakt": 7, "scenario_aangemaakt": 7, "ingelogd": None}
            log = repo.logboek(s, repo.Actor(1, 1, "beheerder"))
            assert {r.actie: (r.gebruiker, r.dossier_label) for r in log}["scenario_aangemaakt"] == (
                "a@voorbeeld.nl",
                "gezin 7",
            )
    finally:
        d.sluit()
