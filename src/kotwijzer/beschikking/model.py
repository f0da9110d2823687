"""What a KOT letter (definitieve berekening or voorschotbeschikking) states, as input.

Dienst Toeslagen's toeslaggegevens list per child and per period: the child's first name, the period (from-to, exact
dates), the soort opvang, the uurprijs used (at most the maximum uurtarief), the hours per month, the
toetsingsinkomen, the rangorde ("1e kind" or later), the tabelwaarde (the percentage) and the amount over the period
(public example: svb.nl, "Voorbeeld toeslaggegevens in Mijn SVB en de berekening"). The beschikking also states the
year's total, what was paid as voorschot, the difference and the date of the letter.

No name is needed: a child is named by its number in the household (1 = the first child entered), optionally with a
pseudonymous label.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from kotwijzer.model import Basismodel, Huishouden, Opvangsoort, Uren

Percentage = Annotated[Decimal, Field(ge=0, le=100, decimal_places=2, description="Tabelwaarde in procenten, bv. 87.3")]
Euro = Annotated[Decimal, Field(ge=-10_000_000, le=10_000_000, decimal_places=2, description="Bedrag in euro's")]


class BeschikkingRegel(Basismodel):
    """One line of the toeslaggegevens: one child, one period."""

    kind: int = Field(ge=1, le=12, description="Het kind: nummer in het huishouden (1 = eerste kind in de invoer)")
    van: dt.date = Field(description="Eerste dag van de periode (inclusief)")
    tot: dt.date = Field(description="Laatste dag van de periode (inclusief)")
    opvangsoort: Opvangsoort
    uurprijs: Annotated[Decimal, Field(ge=0, le=1000, decimal_places=2)] = Field(
        description="Uurprijs waarmee is gerekend (hoogstens het maximumuurtarief)"
    )
    uren_per_maand: Uren
    rangorde: int = Field(ge=1, le=12, description="1 = eerste kind (rangorde '1e kind'), 2 of hoger = ander kind")
    percentage: Percentage
    bedrag: Euro | None = Field(None, description="Bedrag over de hele periode, zoals in de brief")

    @model_validator(mode="after")
    def _periode(self) -> BeschikkingRegel:
        if self.tot < self.van:
            raise ValueError("de einddatum (tot) ligt voor de begindatum (van)")
        if self.tot.year != self.van.year:
            raise ValueError("een periode ligt in één kalenderjaar")
        return self


class Beschikking(Basismodel):
    soort: Literal["definitieve_berekening", "voorschotbeschikking"] = "definitieve_berekening"
    datum: dt.date = Field(description="Datum van de brief (dagtekening)")
    berekeningsjaar: int = Field(ge=2021, le=2100)
    toetsingsinkomen: int = Field(ge=0, le=100_000_000, description="Toetsingsinkomen in de brief, hele euro's")
    regels: list[BeschikkingRegel] = Field(min_length=1, max_length=60)
    totaal: Euro | None = Field(None, description="Toeslag over het jaar volgens de brief")
    al_betaald: Euro | None = Field(None, description="Wat u al kreeg als voorschot")
    verschil: Euro | None = Field(
        None, description="Nabetaling (positief) of terugvordering (negatief) volgens de brief"
    )

    @model_validator(mode="after")
    def _jaar(self) -> Beschikking:
        for i, r in enumerate(self.regels, start=1):
            if r.van.year != self.berekeningsjaar:
                raise ValueError(f"regel {i}: de periode ligt niet in {self.berekeningsjaar}")
        return self


class ControleVerzoek(Basismodel):
    invoer: Huishouden = Field(description="De feiten: het huishouden zoals het was in het jaar van de brief")
    beschikking: Beschikking
