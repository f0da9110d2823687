"""Database tables (SQLAlchemy 2): the professional mode, and the municipal catalogue.

Data minimisation: a dossier carries a pseudonymous label only; scenarios carry the core's input JSON (which needs
no name or BSN) and a computed summary. The audit log records ids and actions, never labels or input.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

ROLLEN = ("beheerder", "medewerker")


class UtcTijd(TypeDecorator):
    """A point in time, stored as UTC and always read back with its time zone (SQLite stores none)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value


def nu() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Base(DeclarativeBase):
    pass


class Organisatie(Base):
    __tablename__ = "organisatie"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    naam: Mapped[str] = mapped_column(String(120), unique=True)
    aangemaakt: Mapped[dt.datetime] = mapped_column(UtcTijd(), default=nu)


class Gebruiker(Base):
    """A professional. The e-mail address is unique within an organisation, not across organisations: a beheerder
    must not be able to find out whether an address is in use elsewhere (see `repo.inloggen` for logging in)."""

    __tablename__ = "gebruiker"
    __table_args__ = (UniqueConstraint("organisatie_id", "email", name="uq_gebruiker_organisatie_email"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisatie_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    naam: Mapped[str] = mapped_column(String(80), default="", server_default="")
    wachtwoord_hash: Mapped[str] = mapped_column(String(255))
    rol: Mapped[str] = mapped_column(String(20))
    actief: Mapped[bool] = mapped_column(Boolean, default=True)
    aangemaakt: Mapped[dt.datetime] = mapped_column(UtcTijd(), default=nu)

    organisatie: Mapped[Organisatie] = relationship()


class Sessie(Base):
    """A login: web (cookie) or api (bearer token). Only the SHA-256 of the token is stored."""

    __tablename__ = "sessie"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id", ondelete="CASCADE"), index=True)
    soort: Mapped[str] = mapped_column(String(10))
    aangemaakt: Mapped[dt.datetime] = mapped_column(UtcTijd(), default=nu)
    verloopt: Mapped[dt.datetime] = mapped_column(UtcTijd())
    laatst_gebruikt: Mapped[dt.datetime | None] = mapped_column(UtcTijd(), nullable=True)

    gebruiker: Mapped[Gebruiker] = relationship()


class SessieBekeken(Base):
    """A dossier a login session has looked at: a look at a dossier (or a scenario in it) is recorded in the logbook
    once per user per dossier per login session. The row belongs to its session and goes when the session ends, so a
    new login session starts with none (whatever the clock says about when either began)."""

    __tablename__ = "sessie_bekeken"

    sessie_id: Mapped[int] = mapped_column(ForeignKey("sessie.id", ondelete="CASCADE"), primary_key=True)
    dossier_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class InlogPoging(Base):
    """A login attempt that counts against a limit: a row per key (the account's hash, or the address's hash) and the
    time (Unix seconds). Written before the password is checked, so parallel attempts see each other; removed again
    when the attempt succeeds or is refused. No e-mail address or IP address is stored, only their hashes."""

    __tablename__ = "inlogpoging"
    __table_args__ = (Index("ix_inlogpoging_sleutel_tijd", "sleutel", "tijd"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sleutel: Mapped[str] = mapped_column(String(80))
    tijd: Mapped[float] = mapped_column(Float)


class Dossier(Base):
    __tablename__ = "dossier"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisatie_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(60))
    aangemaakt: Mapped[dt.datetime] = mapped_column(UtcTijd(), default=nu)
    gewijzigd: Mapped[dt.datetime] = mapped_column(UtcTijd(), default=nu)

    scenarios: Mapped[list[Scenario]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", passive_deletes=True, order_by="Scenario.id"
    )


class Scenario(Base):
    __tablename__ = "scenario"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    naam: Mapped[str] = mapped_column(String(80))
    huidige_versie: Mapped[int] = mapped_column(Integer, default=1)
    aangemaakt: Mapped[dt.datetime] = mapped_column(UtcTijd(), default=nu)
    gewijzigd: Mapped[dt.datetime] = mapped_column(UtcTijd(), default=nu)

    dossier: Mapped[Dossier] = relationship(back_populates="scenarios")
    versies: Mapped[list[ScenarioVersie]] = relationship(
        back_populates="scenario", cascade="all, delete-orphan", passive_deletes=True, order_by="ScenarioVersie.versie"
    )


class ScenarioVersie(Base):
    """One saved version of a scenario: never changed after it is written."""

    __tablename__ = "scenario_versie"
    __table_args__ = (UniqueConstraint("scenario_id", "versie", name="uq_scenario_versie"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"), index=True)
    versie: Mapped[int] = mapped_column(Integer)
    invoer: Mapped[dict[str, Any]] = mapped_column(JSON)
    samenvatting: Mapped[dict[str, Any]] = mapped_column(JSON)
    toelichting: Mapped[str] = mapped_column(String(200), default="")
    gebruiker_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id", ondelete="SET NULL"), nullable=True)
    aangemaakt: Mapped[dt.datetime] = mapped_column(UtcTijd(), default=nu)

    scenario: Mapped[Scenario] = relationship(back_populates="versies")


class AuditRegel(Base):
    """Who did what: ids and action names only, never labels, input or e-mail addresses. `dossier_id` is the dossier
    the action concerns (also for a scenario or a PDF); the logbook page looks up the user's name and the dossier's
    current label when it shows the line, so that a deleted dossier leaves no label behind."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tijd: Mapped[dt.datetime] = mapped_column(UtcTijd(), default=nu, server_default=func.now())
    organisatie_id: Mapped[int | None] = mapped_column(Integer, index=True, nullable=True)
    gebruiker_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actie: Mapped[str] = mapped_column(String(40))
    object_soort: Mapped[str | None] = mapped_column(String(20), nullable=True)
    object_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    versie: Mapped[int | None] = mapped_column(Integer, nullable=True)
    dossier_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)


# ------------------------------------------------------------------------------------------ municipal catalogue
class GemeenteRij(Base):
    """A municipality of the catalogue (`kotwijzer.municipal.Gemeente`). `volgorde` keeps the catalogue's order."""

    __tablename__ = "gemeente"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cbs_code: Mapped[str] = mapped_column(String(6), unique=True)
    naam: Mapped[str] = mapped_column(Text)
    voorbeeld: Mapped[bool] = mapped_column(Boolean, default=False)
    toelichting: Mapped[str] = mapped_column(Text, default="")
    volgorde: Mapped[int] = mapped_column(Integer)

    activiteiten: Mapped[list[ActiviteitRij]] = relationship(
        back_populates="gemeente", cascade="all, delete-orphan", passive_deletes=True, order_by="ActiviteitRij.volgorde"
    )
    beleid: Mapped[BeleidRij | None] = relationship(
        back_populates="gemeente", cascade="all, delete-orphan", passive_deletes=True, uselist=False
    )


class ActiviteitRij(Base):
    """One activity as one municipality classifies it (`kotwijzer.municipal.Activiteit`)."""

    __tablename__ = "activiteit"
    __table_args__ = (UniqueConstraint("gemeente_id", "code", name="uq_activiteit_gemeente_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeente.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(Text)
    naam: Mapped[str] = mapped_column(Text)
    soort: Mapped[str] = mapped_column(String(60))
    categorie: Mapped[str] = mapped_column(String(1))
    reintegratiecode: Mapped[int | None] = mapped_column(Integer, nullable=True)
    doel: Mapped[str] = mapped_column(String(20))
    uren_per_week: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), nullable=True)
    individueel_plan_vereist: Mapped[bool] = mapped_column(Boolean, default=False)
    toelichting: Mapped[str] = mapped_column(Text, default="")
    herkomst: Mapped[str] = mapped_column(Text, default="")
    volgorde: Mapped[int] = mapped_column(Integer)

    gemeente: Mapped[GemeenteRij] = relationship(back_populates="activiteiten")


class BeleidRij(Base):
    """A municipality's policy on the aanvullende tegemoetkoming (Wko art. 1.13; `GemeentelijkBeleid`)."""

    __tablename__ = "gemeentelijk_beleid"

    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeente.id", ondelete="CASCADE"), primary_key=True)
    fractie_restant: Mapped[Decimal] = mapped_column(Numeric(5, 4))
    maximum_per_maand_cent: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    boven_wettelijk: Mapped[bool] = mapped_column(Boolean, default=False)
    boven_wettelijk_fractie: Mapped[Decimal | None] = mapped_column(Numeric(5, 4), nullable=True)
    boven_wettelijk_maximum_per_maand_cent: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    boven_wettelijk_grondslag: Mapped[str] = mapped_column(Text, default="")
    smi_aangeboden: Mapped[bool] = mapped_column(Boolean, default=False)
    toelichting: Mapped[str] = mapped_column(Text, default="")

    gemeente: Mapped[GemeenteRij] = relationship(back_populates="beleid")
