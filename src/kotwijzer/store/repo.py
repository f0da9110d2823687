"""What the web app and the API may do with the database. Every function takes the acting user (`Actor`) and only
ever touches that user's organisation: another organisation's dossier is reported as not found.

All writes of one request happen in one transaction (see `Database.sessie`): a failed save leaves the previous
version intact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kotwijzer.store.models import (
    ROLLEN,
    AuditRegel,
    Dossier,
    Gebruiker,
    Organisatie,
    Scenario,
    ScenarioVersie,
    Sessie,
    SessieBekeken,
    nu,
)
from kotwijzer.store.validatie import (
    BSN_MELDING,
    OngeldigeWaarde,
    controleer_invoer_teksten,
    controleer_samen,
    controleer_tekst,
    lijkt_op_bsn,
    schone_tekens,
)
from kotwijzer.store.wachtwoord import bezwaar as wachtwoord_bezwaar
from kotwijzer.store.wachtwoord import controleer_herbevestiging, controleer_wachtwoord, hash_wachtwoord, moet_opnieuw

# absolute lifetime of a login, and the time without any request after which it ends (inactivity)
SESSIE_DUUR = {"web": dt.timedelta(hours=10), "api": dt.timedelta(hours=8)}
INACTIEF = {"web": dt.timedelta(minutes=30), "api": dt.timedelta(minutes=30)}
_BIJWERKEN_NA = dt.timedelta(seconds=60)  # last use is written at most once a minute
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{2,}$")


class NietGevonden(LookupError):
    def __init__(self, soort: str):
        super().__init__(f"{soort} niet gevonden")
        self.soort = soort
        self.melding = {
            "dossier": "Dit dossier bestaat niet, of u heeft er geen toegang toe.",
            "scenario": "Dit scenario bestaat niet, of u heeft er geen toegang toe.",
            "versie": "Deze versie bestaat niet.",
            "gebruiker": "Deze gebruiker bestaat niet, of u heeft er geen toegang toe.",
        }.get(soort, "Niet gevonden.")


class GeenToegang(PermissionError):
    def __init__(self, melding: str = "Alleen een beheerder mag dit doen."):
        super().__init__(melding)
        self.melding = melding


class Conflict(RuntimeError):
    """The request clashes with what another request just saved or deleted (409)."""

    def __init__(
        self,
        melding: str = "Dit is intussen door iemand anders gewijzigd of verwijderd. Laad de pagina "
        "opnieuw en probeer het nog een keer. Er is niets overschreven.",
    ):
        super().__init__(melding)
        self.melding = melding


class VersieConflict(RuntimeError):
    def __init__(self, huidige: int):
        super().__init__(f"versie {huidige}")
        self.huidige = huidige
        self.melding = (
            f"Iemand anders heeft dit scenario intussen opgeslagen (nu versie {huidige}). Open het opnieuw en pas uw "
            "wijziging daarop aan. Er is niets overschreven."
        )


@dataclass(frozen=True)
class Actor:
    gebruiker_id: int
    organisatie_id: int
    rol: str

    @classmethod
    def van(cls, g: Gebruiker) -> Actor:
        return cls(g.id, g.organisatie_id, g.rol)

    @property
    def beheerder(self) -> bool:
        return self.rol == "beheerder"


def _utc(d: dt.datetime) -> dt.datetime:
    return d if d.tzinfo is not None else d.replace(tzinfo=dt.UTC)


def log(
    s: Session,
    actor: Actor | None,
    actie: str,
    soort: str | None = None,
    obj_id: int | None = None,
    versie: int | None = None,
    organisatie_id: int | None = None,
    dossier_id: int | None = None,
) -> None:
    if dossier_id is None and soort == "dossier":
        dossier_id = obj_id
    s.add(
        AuditRegel(
            tijd=nu(),
            organisatie_id=actor.organisatie_id if actor else organisatie_id,
            gebruiker_id=actor.gebruiker_id if actor else None,
            actie=actie,
            object_soort=soort,
            object_id=obj_id,
            versie=versie,
            dossier_id=dossier_id,
        )
    )


LEESACTIES = ("dossier_geopend", "scenario_geopend", "pdf_gedownload", "pakket_gedownload", "export_gedownload")
# Looking at a dossier or one of its scenarios is recorded once per user per dossier per login session, so that
# reloads and walking between scenarios do not push the changes out of the logbook; a download (a document that
# leaves the system) is recorded every time.
BEKIJKEN = ("dossier_geopend", "scenario_geopend")


def log_lezen(
    s: Session,
    actor: Actor,
    actie: str,
    soort: str,
    obj_id: int,
    versie: int | None = None,
    dossier_id: int | None = None,
    sessie_id: int | None = None,
) -> bool:
    """Record a read (opening a dossier or scenario, downloading a document): the logbook shows reads as well as
    changes. `sessie_id`: the user's login session (`sessie_id(s, token)`); a look at a dossier (or a scenario in it)
    that this session already looked at is not recorded again. Returns whether a line was written."""
    if actie not in LEESACTIES:
        raise ValueError(f"onbekende leesactie {actie}")
    if dossier_id is None and soort == "dossier":
        dossier_id = obj_id
    if (
        actie in BEKIJKEN
        and sessie_id is not None
        and dossier_id is not None
        and not _eerste_blik(s, sessie_id, dossier_id)
    ):
        return False
    log(s, actor, actie, soort, obj_id, versie, dossier_id=dossier_id)
    return True


def _eerste_blik(s: Session, sessie_id: int, dossier_id: int) -> bool:
    """Mark that this session looked at this dossier; False when it already had. One INSERT that skips an existing
    row, so two requests of one session at the same moment record one look (and neither fails)."""
    nieuw = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    rij = (
        nieuw(SessieBekeken)
        .values(sessie_id=sessie_id, dossier_id=dossier_id)
        .on_conflict_do_nothing()
        .returning(SessieBekeken.dossier_id)
    )
    return s.execute(rij).first() is not None  # a row back: it was inserted now (rowcount is not portable here)


def sessie_id(s: Session, token: str | None) -> int | None:
    """The login session of this (web) token; None for an unknown token."""
    if not token:
        return None
    return s.scalar(select(Sessie.id).where(Sessie.token_hash == _token_hash(token)))


# ------------------------------------------------------------------------------------ organisations and users
def organisatie_maken(s: Session, naam: str) -> Organisatie:
    naam = controleer_tekst(naam, "naam", 120)
    o = Organisatie(naam=naam, aangemaakt=nu())
    s.add(o)
    s.flush()
    return o


def organisatie(s: Session, naam: str) -> Organisatie | None:
    return s.scalar(select(Organisatie).where(Organisatie.naam == naam))


def _controleer_email(email: Any) -> str:
    if not isinstance(email, str) or not _EMAIL.match(email.strip()) or not schone_tekens(email):
        raise OngeldigeWaarde("email", "Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.")
    if lijkt_op_bsn(email.split("@")[0]):
        raise OngeldigeWaarde("email", BSN_MELDING)
    return email.strip().lower()


def _controleer_wachtwoord(wachtwoord: Any, context: list[str] | None = None, veld: str = "wachtwoord") -> str:
    """Long enough, not from a breach list, not easy to guess (kotwijzer.store.wachtwoord.bezwaar)."""
    reden = wachtwoord_bezwaar(wachtwoord, context)
    if reden:
        raise OngeldigeWaarde(veld, reden)
    return wachtwoord


DUBBEL_EMAIL = "Er is in uw organisatie al een gebruiker met dit e-mailadres."


def _bestaat_in_organisatie(s: Session, organisatie_id: int, email: str) -> bool:
    return (
        s.scalar(select(Gebruiker.id).where(Gebruiker.organisatie_id == organisatie_id, Gebruiker.email == email))
        is not None
    )


def gebruiker_maken(
    s: Session,
    organisatie_id: int,
    email: str,
    wachtwoord: str,
    rol: str,
    actor: Actor | None = None,
    naam: str = "",
    herbevestigd: bool = False,
) -> Gebruiker:
    """A new user. Made by a beheerder (`actor`): in the beheerder's own organisation, and a new beheerder only after
    the beheerder has confirmed their own password (`herbevestigd`). Without actor: the command line."""
    if actor is not None:
        if not actor.beheerder:
            raise GeenToegang()
        organisatie_id = actor.organisatie_id
    email = _controleer_email(email)
    org = s.get(Organisatie, organisatie_id)
    wachtwoord = _controleer_wachtwoord(wachtwoord, [email, org.naam if org else ""])
    if rol not in ROLLEN:
        raise OngeldigeWaarde("rol", "Kies de rol beheerder of medewerker.")
    naam = controleer_tekst(naam or "", "naam", 80, verplicht=False)
    if rol == "beheerder" and actor is not None and not herbevestigd:
        raise OngeldigeWaarde("huidig_wachtwoord", "Vul uw eigen wachtwoord in om een beheerder toe te voegen.")
    # unique within the organisation only: whether the address exists in another organisation is not revealed
    if _bestaat_in_organisatie(s, organisatie_id, email):
        raise Conflict(DUBBEL_EMAIL)
    g = Gebruiker(
        organisatie_id=organisatie_id,
        email=email,
        naam=naam,
        wachtwoord_hash=hash_wachtwoord(wachtwoord),
        rol=rol,
        actief=True,
        aangemaakt=nu(),
    )
    s.add(g)
    try:
        with s.begin_nested():
            s.flush()
    except IntegrityError:
        # the same user was created at the same moment by another request
        raise Conflict(DUBBEL_EMAIL) from None
    log(s, actor, "gebruiker_aangemaakt", "gebruiker", g.id, organisatie_id=organisatie_id)
    return g


def gebruikers(s: Session, actor: Actor) -> list[Gebruiker]:
    if not actor.beheerder:
        raise GeenToegang()
    return list(
        s.scalars(select(Gebruiker).where(Gebruiker.organisatie_id == actor.organisatie_id).order_by(Gebruiker.id))
    )


def gebruiker_wijzigen(
    s: Session,
    actor: Actor,
    gebruiker_id: int,
    rol: str | None = None,
    actief: bool | None = None,
    herbevestigd: bool = False,
) -> Gebruiker:
    if not actor.beheerder:
        raise GeenToegang()
    g = s.get(Gebruiker, gebruiker_id)
    if g is None or g.organisatie_id != actor.organisatie_id:
        raise NietGevonden("gebruiker")
    if rol == "beheerder" and g.rol != "beheerder" and not herbevestigd:
        raise OngeldigeWaarde("huidig_wachtwoord", "Vul uw eigen wachtwoord in om iemand beheerder te maken.")
    if g.id == actor.gebruiker_id and (rol not in (None, "beheerder") or actief is False):
        raise OngeldigeWaarde("rol", "U kunt uw eigen rol niet verlagen en uzelf niet uitschakelen.")
    if rol is not None:
        if rol not in ROLLEN:
            raise OngeldigeWaarde("rol", "Kies de rol beheerder of medewerker.")
        g.rol = rol
    if actief is not None:
        g.actief = bool(actief)
        if not g.actief:
            for sessie in s.scalars(select(Sessie).where(Sessie.gebruiker_id == g.id)):
                s.delete(sessie)
    log(s, actor, "gebruiker_gewijzigd", "gebruiker", g.id)
    return g


MAX_ACCOUNTS_PER_EMAIL = 5


def herbevestig(s: Session, actor: Actor, wachtwoord: Any) -> bool:
    """Re-authentication: is this the acting user's own current password?"""
    g = s.get(Gebruiker, actor.gebruiker_id)
    ok = controleer_herbevestiging(
        g.wachtwoord_hash if g else None, wachtwoord if isinstance(wachtwoord, str) else "", g.email if g else ""
    )
    return bool(ok and g is not None and g.actief)


def inloggen(s: Session, email: str, wachtwoord: str) -> Gebruiker | None:
    """The active user with this e-mail address and password, or None. Takes the same time when the user is unknown.

    An address may have an account in more than one organisation (unique per organisation): the password decides
    which one; with the same password in several organisations, the oldest active account."""
    email = (email or "").strip().lower()[:254]
    if not schone_tekens(email):
        email = ""  # control characters (a NUL byte cannot even be sent to PostgreSQL): no such account
    kandidaten = (
        list(
            s.scalars(
                select(Gebruiker).where(Gebruiker.email == email).order_by(Gebruiker.id).limit(MAX_ACCOUNTS_PER_EMAIL)
            )
        )
        if email
        else []
    )
    g = None
    proeven: list[Gebruiker | None] = list(kandidaten) or [None]  # no account: one check anyway (same time)
    for k in proeven:
        ok = controleer_wachtwoord(k.wachtwoord_hash if k else None, wachtwoord or "")
        if ok and k is not None and k.actief and g is None:
            g = k
    if g is None:
        for k in kandidaten:
            log(s, None, "inloggen_mislukt", "gebruiker", k.id, organisatie_id=k.organisatie_id)
        return None
    if moet_opnieuw(g.wachtwoord_hash):
        g.wachtwoord_hash = hash_wachtwoord(wachtwoord)
    log(s, Actor.van(g), "ingelogd", "gebruiker", g.id)
    return g


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def sessie_maken(s: Session, g: Gebruiker, soort: str) -> tuple[str, dt.datetime]:
    token = secrets.token_urlsafe(32)
    verloopt = nu() + SESSIE_DUUR[soort]
    s.add(
        Sessie(
            token_hash=_token_hash(token),
            gebruiker_id=g.id,
            soort=soort,
            aangemaakt=nu(),
            verloopt=verloopt,
            laatst_gebruikt=nu(),
        )
    )
    # tidy up: expired sessions of this user
    for oud in s.scalars(select(Sessie).where(Sessie.gebruiker_id == g.id)):
        if _utc(oud.verloopt) < nu():
            s.delete(oud)
    return token, verloopt


def sessie_gebruiker(s: Session, token: str | None, soort: str) -> Gebruiker | None:
    if not token or len(token) > 200:
        return None
    rij = s.scalar(select(Sessie).where(Sessie.token_hash == _token_hash(token), Sessie.soort == soort))
    if rij is None:
        return None
    t = nu()
    laatst = _utc(rij.laatst_gebruikt or rij.aangemaakt)
    if _utc(rij.verloopt) < t or laatst + INACTIEF.get(soort, INACTIEF["web"]) < t:
        s.delete(rij)
        return None
    if t - laatst >= _BIJWERKEN_NA:
        rij.laatst_gebruikt = t
    g = s.get(Gebruiker, rij.gebruiker_id)
    if g is None or not g.actief:
        return None
    return g


def overal_uitloggen(
    s: Session, gebruiker_id: int, actor: Actor | None = None, behalve_token: str | None = None
) -> int:
    """End every login of this user (web and API), except the one with `behalve_token`. Returns how many ended."""
    behalve = _token_hash(behalve_token) if behalve_token else None
    n = 0
    for rij in s.scalars(select(Sessie).where(Sessie.gebruiker_id == gebruiker_id)):
        if rij.token_hash != behalve:
            s.delete(rij)
            n += 1
    g = s.get(Gebruiker, gebruiker_id)
    if g is not None:
        log(s, actor, "overal_uitgelogd", "gebruiker", gebruiker_id, organisatie_id=g.organisatie_id)
    return n


def wachtwoord_wijzigen(s: Session, actor: Actor, huidig: Any, nieuw: Any, huidig_token: str | None = None) -> None:
    """The user changes their own password: the current one is checked; every other login of the user ends."""
    g = s.get(Gebruiker, actor.gebruiker_id)
    if g is None or not controleer_herbevestiging(
        g.wachtwoord_hash, huidig if isinstance(huidig, str) else "", g.email
    ):
        raise OngeldigeWaarde("huidig_wachtwoord", "Uw huidige wachtwoord klopt niet.")
    nieuw = _controleer_wachtwoord(nieuw, [g.email, g.organisatie.naam], veld="nieuw_wachtwoord")
    if controleer_wachtwoord(g.wachtwoord_hash, nieuw):
        raise OngeldigeWaarde("nieuw_wachtwoord", "Kies een ander wachtwoord dan uw huidige.")
    g.wachtwoord_hash = hash_wachtwoord(nieuw)
    log(s, actor, "wachtwoord_gewijzigd", "gebruiker", g.id)
    overal_uitloggen(s, g.id, actor, behalve_token=huidig_token)


def zoek_gebruiker(s: Session, email: str, organisatie_naam: str | None = None) -> Gebruiker:
    """For the command line: the one user with this address (in this organisation). Clear errors otherwise."""
    email = (email or "").strip().lower()
    q = select(Gebruiker).where(Gebruiker.email == email)
    if organisatie_naam:
        q = q.join(Organisatie, Organisatie.id == Gebruiker.organisatie_id).where(Organisatie.naam == organisatie_naam)
    rijen = list(s.scalars(q))
    if not rijen:
        raise NietGevonden("gebruiker")
    if len(rijen) > 1:
        raise OngeldigeWaarde(
            "organisatie", "Dit e-mailadres hoort bij meer dan één organisatie. Geef de organisatie op."
        )
    return rijen[0]


def wachtwoord_resetten(s: Session, g: Gebruiker, nieuw: str) -> None:
    """The operator (command line) sets a new password, e.g. when it was forgotten: every login of the user ends."""
    g.wachtwoord_hash = hash_wachtwoord(_controleer_wachtwoord(nieuw, [g.email, g.organisatie.naam]))
    log(s, None, "wachtwoord_gereset", "gebruiker", g.id, organisatie_id=g.organisatie_id)
    overal_uitloggen(s, g.id)


def sessie_beeindigen(s: Session, token: str | None, actor: Actor | None = None) -> None:
    if not token:
        return
    rij = s.scalar(select(Sessie).where(Sessie.token_hash == _token_hash(token)))
    if rij is not None:
        s.delete(rij)
        if actor:
            log(s, actor, "uitgelogd", "gebruiker", actor.gebruiker_id)


# ---------------------------------------------------------------------------------------------------- dossiers
DOSSIER_VOLGORDE = ("gewijzigd", "label", "aangemaakt")


def dossiers(s: Session, actor: Actor, zoek: str = "", volgorde: str = "gewijzigd") -> list[tuple[Dossier, int]]:
    """The organisation's dossiers with their number of scenarios. `zoek`: part of the label (case-insensitive);
    `volgorde`: last change first (standard), label A-Z, or newest first."""
    aantal = select(Scenario.dossier_id, func.count(Scenario.id).label("n")).group_by(Scenario.dossier_id).subquery()
    q = (
        select(Dossier, func.coalesce(aantal.c.n, 0))
        .outerjoin(aantal, aantal.c.dossier_id == Dossier.id)
        .where(Dossier.organisatie_id == actor.organisatie_id)
    )
    zoek = (zoek or "").strip()[:60]
    if zoek:
        patroon = "%" + zoek.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        q = q.where(func.lower(Dossier.label).like(patroon, escape="\\"))
    if volgorde == "label":
        q = q.order_by(func.lower(Dossier.label), Dossier.id)
    elif volgorde == "aangemaakt":
        q = q.order_by(Dossier.aangemaakt.desc(), Dossier.id.desc())
    else:
        q = q.order_by(Dossier.gewijzigd.desc(), Dossier.id.desc())
    return [(d, int(n)) for d, n in s.execute(q)]


def dossier(s: Session, actor: Actor, dossier_id: int) -> Dossier:
    d = s.get(Dossier, dossier_id) if isinstance(dossier_id, int) and 0 < dossier_id < 2**31 else None
    if d is None or d.organisatie_id != actor.organisatie_id:
        raise NietGevonden("dossier")
    return d


def dossier_maken(s: Session, actor: Actor, label: str) -> Dossier:
    label = controleer_tekst(label, "label", 60)
    d = Dossier(organisatie_id=actor.organisatie_id, label=label, aangemaakt=nu(), gewijzigd=nu())
    s.add(d)
    s.flush()
    log(s, actor, "dossier_aangemaakt", "dossier", d.id)
    return d


def dossier_wijzigen(s: Session, actor: Actor, dossier_id: int, label: str) -> Dossier:
    d = dossier(s, actor, dossier_id)
    label = controleer_tekst(label, "label", 60)
    for sc_naam in s.scalars(select(Scenario.naam).where(Scenario.dossier_id == d.id)):
        controleer_samen({"naam": sc_naam, "label": label})
    d.label = label
    d.gewijzigd = nu()
    log(s, actor, "dossier_gewijzigd", "dossier", d.id)
    return d


def dossier_verwijderen(s: Session, actor: Actor, dossier_id: int) -> None:
    d = dossier(s, actor, dossier_id)
    if not actor.beheerder:
        raise GeenToegang("Alleen een beheerder mag een dossier verwijderen.")
    s.delete(d)
    log(s, actor, "dossier_verwijderd", "dossier", dossier_id)


# --------------------------------------------------------------------------------------------------- scenarios
def scenario(s: Session, actor: Actor, scenario_id: int) -> Scenario:
    sc = s.get(Scenario, scenario_id) if isinstance(scenario_id, int) and 0 < scenario_id < 2**31 else None
    if sc is None:
        raise NietGevonden("scenario")
    d = s.get(Dossier, sc.dossier_id)
    if d is None or d.organisatie_id != actor.organisatie_id:
        raise NietGevonden("scenario")
    return sc


def scenario_maken(
    s: Session,
    actor: Actor,
    dossier_id: int,
    naam: str,
    invoer: dict[str, Any],
    samenvatting: dict[str, Any],
    toelichting: str = "",
) -> Scenario:
    d = dossier(s, actor, dossier_id)
    naam = controleer_tekst(naam, "naam", 80)
    toelichting = controleer_tekst(toelichting, "toelichting", 200, verplicht=False)
    controleer_samen({"dossier": d.label, "naam": naam, "toelichting": toelichting})
    controleer_invoer_teksten(invoer, "invoer", {"dossier": d.label, "naam": naam})
    sc = Scenario(dossier_id=d.id, naam=naam, huidige_versie=1, aangemaakt=nu(), gewijzigd=nu())
    s.add(sc)
    s.flush()
    s.add(
        ScenarioVersie(
            scenario_id=sc.id,
            versie=1,
            invoer=invoer,
            samenvatting=samenvatting,
            toelichting=toelichting,
            gebruiker_id=actor.gebruiker_id,
            aangemaakt=nu(),
        )
    )
    d.gewijzigd = nu()
    s.flush()
    log(s, actor, "scenario_aangemaakt", "scenario", sc.id, 1, dossier_id=d.id)
    return sc


VERWIJDERD = "Dit scenario is intussen verwijderd. Er is niets opgeslagen."


def scenario_opslaan(
    s: Session,
    actor: Actor,
    scenario_id: int,
    invoer: dict[str, Any],
    samenvatting: dict[str, Any],
    toelichting: str = "",
    verwachte_versie: int | None = None,
    naam: str | None = None,
) -> ScenarioVersie:
    """Add a new version. The previous versions are never changed; the whole save is one transaction."""
    sc = scenario(s, actor, scenario_id)
    # lock the row (PostgreSQL) so two saves cannot both become version n+1
    if s.execute(select(Scenario.id).where(Scenario.id == sc.id).with_for_update()).first() is None:
        raise Conflict(VERWIJDERD)
    s.refresh(sc)
    if verwachte_versie is not None and verwachte_versie != sc.huidige_versie:
        raise VersieConflict(sc.huidige_versie)
    toelichting = controleer_tekst(toelichting, "toelichting", 200, verplicht=False)
    if naam is not None:
        naam = controleer_tekst(naam, "naam", 80)
    d = s.get(Dossier, sc.dossier_id)
    samen = {"dossier": d.label if d else "", "naam": naam if naam is not None else sc.naam}
    controleer_samen({**samen, "toelichting": toelichting})
    controleer_invoer_teksten(invoer, "invoer", samen)
    nieuw = sc.huidige_versie + 1
    v = ScenarioVersie(
        scenario_id=sc.id,
        versie=nieuw,
        invoer=invoer,
        samenvatting=samenvatting,
        toelichting=toelichting,
        gebruiker_id=actor.gebruiker_id,
        aangemaakt=nu(),
    )
    s.add(v)
    sc.huidige_versie = nieuw
    sc.gewijzigd = nu()
    if naam is not None:
        sc.naam = naam
    d = s.get(Dossier, sc.dossier_id)
    if d is not None:
        d.gewijzigd = nu()
    s.flush()
    log(s, actor, "scenario_opgeslagen", "scenario", sc.id, nieuw, dossier_id=sc.dossier_id)
    return v


def scenario_versies(s: Session, actor: Actor, scenario_id: int) -> list[ScenarioVersie]:
    sc = scenario(s, actor, scenario_id)
    return list(
        s.scalars(select(ScenarioVersie).where(ScenarioVersie.scenario_id == sc.id).order_by(ScenarioVersie.versie))
    )


def scenario_versie(s: Session, actor: Actor, scenario_id: int, versie: int | None = None) -> ScenarioVersie:
    sc = scenario(s, actor, scenario_id)
    n = sc.huidige_versie if versie is None else versie
    v = s.scalar(select(ScenarioVersie).where(ScenarioVersie.scenario_id == sc.id, ScenarioVersie.versie == n))
    if v is None:
        raise NietGevonden("versie")
    return v


def scenario_verwijderen(s: Session, actor: Actor, scenario_id: int) -> None:
    sc = scenario(s, actor, scenario_id)
    did = sc.dossier_id
    s.delete(sc)
    log(s, actor, "scenario_verwijderd", "scenario", scenario_id, dossier_id=did)


def scenarios(s: Session, actor: Actor, dossier_id: int) -> list[Scenario]:
    d = dossier(s, actor, dossier_id)
    return list(s.scalars(select(Scenario).where(Scenario.dossier_id == d.id).order_by(Scenario.id)))


# ------------------------------------------------------------------------------------------------------ audit
def audit(s: Session, actor: Actor, limiet: int = 200) -> list[AuditRegel]:
    if not actor.beheerder:
        raise GeenToegang()
    q = (
        select(AuditRegel)
        .where(AuditRegel.organisatie_id == actor.organisatie_id)
        .order_by(AuditRegel.id.desc())
        .limit(max(1, min(limiet, 1000)))
    )
    return list(s.scalars(q))


@dataclass(frozen=True)
class Logregel:
    """One line of the logbook as a person reads it: who (name or e-mail address), what, which dossier."""

    id: int
    tijd: dt.datetime
    gebruiker: str
    actie: str
    object_soort: str | None
    object_id: int | None
    versie: int | None
    dossier_id: int | None
    dossier_label: str | None  # None: the dossier no longer exists
    scenario_naam: str | None
    gebruiker_naam: str | None = None  # when the line is about a user: that user's name or e-mail address


def logboek(s: Session, actor: Actor, limiet: int = 200, dossier_id: int | None = None) -> list[Logregel]:
    """The audit log of the actor's organisation with the current names and labels looked up (beheerder only).
    Labels are not copied into the log: a deleted dossier shows as deleted."""
    if not actor.beheerder:
        raise GeenToegang()
    q = select(AuditRegel).where(AuditRegel.organisatie_id == actor.organisatie_id)
    if dossier_id is not None:
        q = q.where(AuditRegel.dossier_id == dossier_id)
    regels = list(s.scalars(q.order_by(AuditRegel.id.desc()).limit(max(1, min(limiet, 1000)))))
    gids = {r.gebruiker_id for r in regels if r.gebruiker_id} | {
        r.object_id for r in regels if r.object_soort == "gebruiker" and r.object_id
    }
    dids = {r.dossier_id for r in regels if r.dossier_id}
    sids = {r.object_id for r in regels if r.object_soort == "scenario" and r.object_id}
    namen = (
        {
            g.id: (g.naam or g.email)
            for g in s.scalars(
                select(Gebruiker).where(Gebruiker.id.in_(gids), Gebruiker.organisatie_id == actor.organisatie_id)
            )
        }
        if gids
        else {}
    )
    labels = (
        {
            d.id: d.label
            for d in s.scalars(
                select(Dossier).where(Dossier.id.in_(dids), Dossier.organisatie_id == actor.organisatie_id)
            )
        }
        if dids
        else {}
    )
    scen = (
        {sc.id: sc.naam for sc in s.scalars(select(Scenario).where(Scenario.id.in_(sids))) if sc.dossier_id in labels}
        if sids
        else {}
    )
    uit = []
    for r in regels:
        uit.append(
            Logregel(
                id=r.id,
                tijd=r.tijd,
                gebruiker=(
                    namen.get(r.gebruiker_id, "onbekend")
                    if r.gebruiker_id
                    else "niet ingelogd"
                    if r.actie == "inloggen_mislukt"
                    else "het systeem (installatie of import)"
                ),
                actie=r.actie,
                object_soort=r.object_soort,
                object_id=r.object_id,
                versie=r.versie,
                dossier_id=r.dossier_id,
                dossier_label=labels.get(r.dossier_id) if r.dossier_id else None,
                scenario_naam=scen.get(r.object_id)
                if r.object_soort == "scenario" and r.object_id is not None
                else None,
                gebruiker_naam=(
                    namen.get(r.object_id) if r.object_soort == "gebruiker" and r.object_id is not None else None
                ),
            )
        )
    return uit
