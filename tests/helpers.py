"""Small builders for test households (plain dicts in the public input format)."""
from __future__ import annotations

ALLE = list(range(1, 13))


def ouder(*situaties: dict) -> dict:
    return {"situaties": list(situaties)}


def sit(situatie: str, maanden=None, van=None, tot=None, **extra) -> dict:
    d = {"situatie": situatie, **extra}
    if van is not None:
        d["van"] = van
        if tot is not None:
            d["tot"] = tot
    else:
        d["maanden"] = maanden if maanden is not None else ALLE
    return d


def kind(geboren="2022-01-15", soort="dagopvang", uren=100, prijs="9.00", maanden=None, **extra) -> dict:
    return {
        "geboortedatum": geboren,
        "opvang": [{"soort": soort, "uren_per_maand": uren, "uurprijs": prijs, "maanden": maanden or ALLE}],
        **extra,
    }


def huishouden(jaar: int, aanvrager: dict, partner: dict | None = None, kinderen=None, inkomen=40_000, **extra) -> dict:
    # applied on 1 January of the year unless a test says otherwise: no month is lost to the retroactivity limit
    # (Wko 1.3 lid 2 onder b), which has tests of its own
    extra.setdefault("aanvraagdatum", f"{jaar}-01-01")
    d = {"berekeningsjaar": jaar, "aanvrager": aanvrager, "toetsingsinkomen": inkomen,
         "kinderen": kinderen if kinderen is not None else [kind()], **extra}
    if d["aanvraagdatum"] is None:
        del d["aanvraagdatum"]
    if partner is not None:
        d["partner"] = partner
    return d
