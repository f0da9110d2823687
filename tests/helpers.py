"""Small builders for test households (plain dicts in the public input format)."""

from __future__ import annotations

from hypothesis import strategies as st

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
    d = {
        "berekeningsjaar": jaar,
        "aanvrager": aanvrager,
        "toetsingsinkomen": inkomen,
        "kinderen": kinderen if kinderen is not None else [kind()],
        **extra,
    }
    if d["aanvraagdatum"] is None:
        del d["aanvraagdatum"]
    if partner is not None:
        d["partner"] = partner
    return d


# ------------------------------------------------------------------------- generated households (hypothesis)
situaties = st.sampled_from(["arbeid", "studie", "inburgering", "geen", "wlz_permanent", "ww_traject"])
opvang = st.tuples(
    st.sampled_from(["dagopvang", "buitenschoolse_opvang", "gastouderopvang"]),
    st.integers(0, 300),
    st.integers(100, 1600),
)


@st.composite
def huishoudens(draw, max_kinderen=3):
    jaar = draw(st.sampled_from([2023, 2024, 2026]))
    a = ouder(sit(draw(situaties), sorted(draw(st.sets(st.integers(1, 12), min_size=1)))))
    p = ouder(sit(draw(situaties))) if draw(st.booleans()) else None
    kinderen = []
    for _ in range(draw(st.integers(1, max_kinderen))):
        soort, uren, prijs = draw(opvang)
        # a birth date that fits the kind of childcare all year (BSO from 4, dagopvang before school)
        geboren = f"{jaar - 7}-06-01" if soort == "buitenschoolse_opvang" else f"{jaar - 2}-01-01"
        kinderen.append(kind(geboren=geboren, soort=soort, uren=uren, prijs=f"{prijs / 100:.2f}"))
    return huishouden(jaar, a, p, kinderen=kinderen, inkomen=draw(st.integers(0, 260_000)))
