"""Gemeenten en de Participatiewet: which municipal activities give a bijstand parent a right to KOT.

Public API (the CLI lives in `kotwijzer.cli_gemeente`, the Typer app `app`):

- models: `Gemeente`, `Activiteit`, `GemeentelijkBeleid`, `Catalogus`, `Categorie`, `Soort`, `Doel`, `GegevensFout`
- `classificeer(gemeente_code, activiteit_code, catalogus=None) -> Classificatie`; `CatalogusBron` is what a caller
  hands `classificeer` and the rules core (`bereken(h, catalogus=...)`): a catalogue, a function giving one (e.g. the
  app's database, read only when needed), or None for the shipped example data; `catalogus_van(bron)` resolves it
- `controleer_registratie(activiteit, geregistreerde_code) -> list[Signaal]`, `controleer_catalogus(catalogus)`
- `bereken_tegemoetkoming(kosten_begrensd_cent, kot_cent, werkelijke_kosten_cent, beleid, doelgroep)`
- `ontheffing_art9a(...)`, `kot_tijdens_ontheffing(...)`
- io: `lees_yaml`, `schrijf_yaml`, `lees_csv`, `schrijf_csv`, `naar_yaml`, `van_yaml`, `naar_csv`, `van_csv`,
  `voorbeeldcatalogus()`
- `overzicht(catalogus)`, `overzicht_csv(catalogus)`
"""

from __future__ import annotations

from kotwijzer.municipal.classificatie import CatalogusBron, Classificatie, catalogus_van, classificeer
from kotwijzer.municipal.codes import KOT_CODES, Reintegratiecode, is_kot_code
from kotwijzer.municipal.io import (
    ImportFout,
    lees_csv,
    lees_yaml,
    naar_csv,
    naar_yaml,
    schrijf_csv,
    schrijf_yaml,
    van_csv,
    van_yaml,
    voorbeeldcatalogus,
)
from kotwijzer.municipal.models import (
    Activiteit,
    Catalogus,
    Categorie,
    Doel,
    GegevensFout,
    Gemeente,
    GemeentelijkBeleid,
    OnbekendeActiviteit,
    OnbekendeGemeente,
    OnbekendInCatalogus,
    Soort,
)
from kotwijzer.municipal.overzicht import overzicht, overzicht_csv
from kotwijzer.municipal.participatiewet import kot_tijdens_ontheffing, ontheffing_art9a
from kotwijzer.municipal.registratie import Ernst, Signaal, controleer_catalogus, controleer_registratie
from kotwijzer.municipal.tegemoetkoming import Tegemoetkoming, bereken_tegemoetkoming

__all__ = [
    "KOT_CODES",
    "Activiteit",
    "Catalogus",
    "CatalogusBron",
    "Categorie",
    "Classificatie",
    "Doel",
    "Ernst",
    "GegevensFout",
    "Gemeente",
    "GemeentelijkBeleid",
    "ImportFout",
    "OnbekendInCatalogus",
    "OnbekendeActiviteit",
    "OnbekendeGemeente",
    "Reintegratiecode",
    "Signaal",
    "Soort",
    "Tegemoetkoming",
    "bereken_tegemoetkoming",
    "catalogus_van",
    "classificeer",
    "controleer_catalogus",
    "controleer_registratie",
    "is_kot_code",
    "kot_tijdens_ontheffing",
    "lees_csv",
    "lees_yaml",
    "naar_csv",
    "naar_yaml",
    "ontheffing_art9a",
    "overzicht",
    "overzicht_csv",
    "schrijf_csv",
    "schrijf_yaml",
    "van_csv",
    "van_yaml",
    "voorbeeldcatalogus",
]
