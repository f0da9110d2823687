"""Database tables of the professional mode (SQLAlchemy 2).

Data minimisation: a dossier carries a pseudonymous label only; scenarios carry the core's input JSON (which needs
no name or BSN) and a computed summary. The audit log records ids and actions, never labels or input.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, UniqueConstraint, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROLLEN = ("beheerder", "medewerker")


def nu() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


class Base(DeclarativeBase):
    pass


class Organisatie(Base):
    __tablename__ = "organisatie"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    naam: Mapped[str] = mapped_column(String(120), unique=True)
    aangemaakt: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=nu)


class Gebruiker(Base):
    __tablename__ = "gebruiker"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisatie_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    wachtwoord_hash: Mapped[str] = mapped_column(String(255))
    rol: Mapped[str] = mapped_column(String(20))
    actief: Mapped[bool] = mapped_column(Boolean, default=True)
    aangemaakt: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=nu)

    organisatie: Mapped[Organisatie] = relationship()


class Sessie(Base):
    """A login: web (cookie) or api (bearer token). Only the SHA-256 of the token is stored."""

    __tablename__ = "sessie"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id", ondelete="CASCADE"), index=True)
    soort: Mapped[str] = mapped_column(String(10))
    aangemaakt: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=nu)
    verloopt: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    gebruiker: Mapped[Gebruiker] = relationship()


class Dossier(Base):
    __tablename__ = "dossier"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisatie_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(60))
    aangemaakt: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=nu)
    gewijzigd: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=nu)

    scenarios: Mapped[list["Scenario"]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", passive_deletes=True, order_by="Scenario.id"
    )


class Scenario(Base):
    __tablename__ = "scenario"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    naam: Mapped[str] = mapped_column(String(80))
    huidige_versie: Mapped[int] = mapped_column(Integer, default=1)
    aangemaakt: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=nu)
    gewijzigd: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=nu)

    dossier: Mapped[Dossier] = relationship(back_populates="scenarios")
    versies: Mapped[list["ScenarioVersie"]] = relationship(
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
    aangemaakt: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=nu)

    scenario: Mapped[Scenario] = relationship(back_populates="versies")


class AuditRegel(Base):
    """Who did what: ids and action names only, never labels, input or e-mail addresses."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tijd: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=nu, server_default=func.now())
    organisatie_id: Mapped[int | None] = mapped_column(Integer, index=True, nullable=True)
    gebruiker_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actie: Mapped[str] = mapped_column(String(40))
    object_soort: Mapped[str | None] = mapped_column(String(20), nullable=True)
    object_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    versie: Mapped[int | None] = mapped_column(Integer, nullable=True)
