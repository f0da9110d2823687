"""Advice that matches the answers (issue 15, part 1): the question whether the parent has applied, one statement per
fact, the BelastingTelefoon number and the Mijn toeslagen link with the steps, error summaries that name the field and
the child, a refused care row shown where the child is entered, Back after a corrected error, and the parent flow in
English."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import client_voor
from test_web_hulp import Browser

VANDAAG = dt.date.today()
JAAR = VANDAAG.year


@pytest.fixture
def b(module_app):
    with client_voor(module_app) as c:
        br = Browser(c)
        br.ga("/vragen")
        yield br


def _alleenstaand(b: Browser, inkomen: dict, jaar: int = JAAR, knop: str = "volgende") -> None:
    b.verstuur("/vragen", {"berekeningsjaar": str(jaar), "partner": "nee", "aantal_kinderen": "1"}, knop)
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"}, knop)
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": f"{jaar - 2}-03-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "100",
            "kind-0-opvang-0-uurprijs": "9,50",
        },
        knop,
    )
    b.verstuur("/vragen", inkomen, knop)
    b.verstuur("/vragen", {}, "bereken")


def _tekst(html: str) -> str:
    import html as h

    return h.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_de_vraag_of_al_is_aangevraagd_is_verplicht(b):
    b.verstuur("/vragen", {"berekeningsjaar": str(JAAR), "partner": "nee", "aantal_kinderen": "1"}, "Volgende")
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"}, "Volgende")
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": f"{JAAR - 2}-03-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "100",
            "kind-0-opvang-0-uurprijs": "9,50",
        },
        "Volgende",
    )
    assert "Heeft u de toeslag al aangevraagd?" in b.html
    b.verstuur("/vragen", {"toetsingsinkomen": "40000"}, "Volgende", verwacht=422)
    assert "Al aangevraagd: Kies of u de toeslag al heeft aangevraagd." in _tekst(b.html)
    b.verstuur("/vragen", {"aangevraagd": "ja"}, "Volgende", verwacht=422)
    assert "Datum van de aanvraag: Vul in op welke datum" in _tekst(b.html)


def test_nog_niet_aangevraagd_kop_zegt_wat_u_krijgt_als_u_nu_aanvraagt_en_wat_u_misloopt(b):
    _alleenstaand(b, {"toetsingsinkomen": "40000", "aangevraagd": "nee"})
    t = _tekst(b.html)
    # Wko art. 1.3 lid 2 onder b: an application made now reaches back to the first day of the third calendar month
    # before this month; the months before that are lost
    eerste = (VANDAAG.month - 3) if VANDAAG.year == JAAR else 1
    verloren = list(range(1, eerste)) if eerste > 1 else []
    assert "Vraagt u nu aan? Dan krijgt u" in t
    m = re.search(r"Vraagt u nu aan\? Dan krijgt u € ([\d.]+) per maand\s*, vanaf (\w+) " + str(JAAR), t)
    assert m, t[:2000]
    assert "U krijgt €" not in t  # no headline that silently assumes an application today
    # the question was answered: it is not asked again, and there is no 'U heeft op tijd aangevraagd'
    assert "Wanneer vraagt u de toeslag aan" not in t and "U heeft op tijd aangevraagd" not in t
    if verloren:
        per_maand = int(m.group(1).replace(".", ""))
        # same care and income all year: every lost month would have paid the same amount as the headline
        assert f"U loopt € {per_maand * len(verloren):,} mis".replace(",", ".") in t
        assert "Vraag zo snel mogelijk aan." in t
    # lateness is said once above the explanation per month: not again as a warning under 'Let op'
    boven = _tekst(b.html.split('id="uitleg-kop"')[0])
    assert boven.count("werkt maar drie maanden terug") == 1 and boven.count("moeten aanvragen") == 1
    assert "komt de aanvraag van" not in t


def test_op_tijd_aangevraagd_geen_aanvraagstap_met_termijn(b):
    _alleenstaand(b, {"toetsingsinkomen": "40000", "aangevraagd": "ja", "aanvraagdatum": f"{JAAR}-01-10"})
    t = _tekst(b.html)
    assert "U heeft op tijd aangevraagd: er gaat geen maand verloren." in t
    assert "Vraag de toeslag op tijd aan" not in t and "uiterlijk 30 april" not in t
    assert "Wanneer vraagt u de toeslag aan" not in t
    # the PDF summary follows the same answers
    pdf = b.client.get(b.antwoord.url.copy_with(path="/samenvatting.pdf"))
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"


def test_te_laat_aangevraagd_een_keer_gezegd(b):
    _alleenstaand(b, {"toetsingsinkomen": "40000", "aangevraagd": "ja", "aanvraagdatum": f"{JAAR}-08-10"})
    t = _tekst(b.html)
    # August: the application reaches back to 1 May, so January to April are lost (Wko art. 1.3 lid 2 onder b)
    assert "Te laat aangevraagd voor 4 maanden: januari, februari, maart, april." in t
    assert "komt de aanvraag van" not in t  # not repeated under 'Let op'
    assert "Vraag de toeslag op tijd aan" not in t


def test_wlz_gezin_krijgt_nummer_en_link_van_de_belastingtelefoon(b):
    b.verstuur(
        "/vragen",
        {"berekeningsjaar": "2023", "partner": "ja", "bloedverwant": "nee", "aantal_kinderen": "1"},
        "Volgende",
    )
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2019-05-01"}, "Volgende")
    b.verstuur("/vragen", {"partner-0-situatie": "wlz_permanent", "partner-0-van": "2022-11-01"}, "Volgende")
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": "2021-06-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "120",
            "kind-0-opvang-0-uurprijs": "9,12",
        },
        "Volgende",
    )
    b.verstuur("/vragen", {"toetsingsinkomen": "38000", "aangevraagd": "ja", "aanvraagdatum": "2023-01-10"}, "Volgende")
    b.verstuur("/vragen", {}, "Bekijk de uitkomst")
    assert "BelastingTelefoon" in b.html
    assert 'href="tel:08000543"' in b.html and "0800-0543" in b.html
    assert "belastingdienst.nl" in b.html and 'href="/begrippen#belastingtelefoon"' in b.html


def test_foutsamenvatting_noemt_veld_en_kind(b):
    b.verstuur("/vragen", {"berekeningsjaar": str(JAAR), "partner": "nee", "aantal_kinderen": "2"}, "Volgende")
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"}, "Volgende")
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": f"{JAAR - 2}-03-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "100",
            "kind-0-opvang-0-uurprijs": "9,50",
            "kind-1-label": "jongste",
            "kind-1-geboortedatum": f"{JAAR - 1}-03-01",
            "kind-1-opvang-0-soort": "dagopvang",
            "kind-1-opvang-0-uren": "5000",
            "kind-1-opvang-0-uurprijs": "tien",
        },
        "Volgende",
        verwacht=422,
    )
    samenvatting = _tekst(b.html.split('class="foutsamenvatting"')[1].split("</div>")[0])
    assert "Kind 2 (jongste), opvang 1, prijs per uur: Vul de uurprijs in, bijvoorbeeld 10,50." in samenvatting


def test_kind_van_vijf_in_dagopvang_geweigerd_bij_het_kind(b):
    b.verstuur("/vragen", {"berekeningsjaar": "2026", "partner": "nee", "aantal_kinderen": "1"}, "Volgende")
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"}, "Volgende")
    # born 1 March 2021: five on 1 March 2026, leerplichtig from April 2026 (Leerplichtwet 1969 art. 3)
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": "2021-03-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "100",
            "kind-0-opvang-0-uurprijs": "9,50",
        },
        "Volgende",
        verwacht=422,
    )
    assert "Kinderen en opvang" in b.html
    assert 'id="kind-0-opvang-0-soort-fout"' in b.html and "basisschool" in b.html
    assert "Kind 1, opvang 1, soort opvang:" in _tekst(b.html)


def test_terug_na_verbeterde_fout_geen_oude_foutpagina(b):
    b.verstuur("/vragen", {"berekeningsjaar": str(JAAR), "partner": "nee", "aantal_kinderen": "1"}, "Volgende")
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "32-1-2020"}, "Volgende", verwacht=422)
    foutpagina = str(b.antwoord.url)
    assert "c=" in foutpagina and "Er is een probleem" in b.html
    b.verstuur("/vragen", {"aanvrager-0-van": "1-1-2020"}, "Volgende")
    assert "Kinderen en opvang" in b.html
    # Back: the browser asks the old address of the error page again
    terug = b.client.get(foutpagina)
    assert terug.status_code == 200 and "Er is een probleem" not in terug.text
    assert 'value="2020-01-01"' in terug.text


def _engels(b: Browser) -> None:
    r = b.client.get("/taal", params={"naar": "en", "terug": "/vragen"}, follow_redirects=True)
    b.antwoord = r


@pytest.fixture(scope="module")
def nl_teksten():
    """The Dutch texts of the catalogue that are long enough to be recognised, with an English text of their own."""
    from babel.messages.pofile import read_po

    from kotwijzer import i18n

    with i18n.po_pad("en").open("rb") as f:
        cat = read_po(f, locale="en")
    return [
        m.id
        for m in cat
        if isinstance(m.id, str)
        and len(m.id) > 24
        and m.string != m.id
        and "%(" not in m.id
        and "{" not in m.id
        and "<" not in m.id
    ]


@pytest.mark.parametrize("aanvraag", [{"aangevraagd": "nee"}, {"aangevraagd": "ja", "aanvraagdatum": f"{JAAR}-02-10"}])
def test_ouderflow_in_het_engels(b, nl_teksten, aanvraag):
    _engels(b)
    pagina = [b.html]
    assert '<html lang="en">' in b.html and "For which year do you want to know?" in b.html
    b.verstuur("/vragen", {"berekeningsjaar": str(JAAR), "partner": "nee", "aantal_kinderen": "1"}, "volgende")
    pagina.append(b.html)
    assert "What do you do?" in b.html and "Work (employed or own business)" in b.html
    b.verstuur("/vragen", {"aanvrager-0-situatie": "inburgering", "aanvrager-0-van": "2025-09-01"}, "volgende")
    pagina.append(b.html)
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": f"{JAAR - 2}-03-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "80",
            "kind-0-opvang-0-uurprijs": "tien",
        },
        "volgende",
        verwacht=422,
    )
    assert "Child 1, childcare 1, price per hour: Enter the price per hour, for example 10.50." in _tekst(b.html)
    b.verstuur("/vragen", {"kind-0-opvang-0-uurprijs": "10.50"}, "volgende")
    pagina.append(b.html)
    assert "Have you already applied for the allowance?" in b.html and 'href="/begrippen#toetsingsinkomen"' in b.html
    b.verstuur("/vragen", {"toetsingsinkomen": "25,000", **aanvraag}, "volgende")
    pagina.append(b.html)
    t = _tekst(b.html)
    assert "Check your answers" in t and "€10.50 per hour" in t and "€25,000" in t
    b.verstuur("/vragen", {}, "bereken")
    # the explanation per month is English too; only the quoted law texts (lang="nl") stay Dutch
    pagina.append(re.sub(r'<blockquote class="wettekst" lang="nl">.*?</blockquote>', "", b.html, flags=re.S))
    assert "Right to kinderopvangtoeslag (childcare allowance)." in _tekst(b.html)
    assert "The law texts are quoted in Dutch" in _tekst(b.html) and "alleen in het Nederlands" not in b.html
    t = _tekst(b.html)
    assert '<html lang="en">' in b.html and "You have a right to childcare allowance" in t
    assert ("If you apply now, you get €" in t) == (aanvraag["aangevraagd"] == "nee")
    assert "What do you need to do now?" in t and "Nederlands" in t
    for html in pagina:
        zichtbaar = _tekst(html)
        for nl in nl_teksten:
            assert nl not in zichtbaar, f"Nederlandse tekst op een Engelse pagina: {nl!r}"


def test_pdf_samenvatting_in_het_engels(b, tmp_path):
    """The PDF follows the language and the answers: English headings, 'if the parent applies now', and page 1
    renders to an image (pdftoppm)."""
    import shutil
    import subprocess

    _engels(b)
    _alleenstaand(b, {"toetsingsinkomen": "40000", "aangevraagd": "nee"})
    pdf = b.client.get(b.antwoord.url.copy_with(path="/samenvatting.pdf"))
    assert pdf.status_code == 200
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils ontbreekt")
    (tmp_path / "s.pdf").write_bytes(pdf.content)
    tekst = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "s.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Childcare allowance (kinderopvangtoeslag) {JAAR}: summary" in tekst
    assert "Application and deadline" in tekst and "not applied yet" in tekst
    assert "If the parent applies now: paid per month €" in tekst
    assert "Uitbetaald per maand" not in tekst and "Aanvraag en termijn" not in tekst
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(tmp_path / "s.pdf"), str(tmp_path / "p")], check=True
    )
    assert any(p.suffix == ".png" for p in tmp_path.iterdir())


def test_wat_als_voorschot_en_foutpagina_in_het_engels(b, nl_teksten):
    _engels(b)
    _alleenstaand(
        b, {"toetsingsinkomen": "40000", "aangevraagd": "ja", "aanvraagdatum": f"{JAAR}-01-10"}, knop="volgende"
    )
    a = b.antwoord.url.params["a"]
    r = b.client.get("/wat-als", params={"a": a, "soort": "inkomen", "wa-inkomen": "60,000"})
    assert r.status_code == 200 and '<html lang="en">' in r.text and "What if something changes?" in r.text
    assert "Difference over the year:" in r.text
    r = b.client.get("/voorschot", params={"a": a, "bereken": "ja", "vs-voorschot": "40000", "vs-definitief": "90000"})
    assert r.status_code == 200 and "Voorschot (advance) and final calculation" in r.text
    assert "You have to pay money back" in r.text and "The voorschot is calculated with the estimated income" in r.text
    r = b.client.get("/bestaat-niet")
    assert r.status_code == 404 and '<html lang="en">' in r.text and "Page not found" in r.text
    for html in (r.text,):
        for nl in nl_teksten:
            assert nl not in _tekst(html), nl


def test_wlz_gezin_in_het_engels_stappen_en_uitzondering(b):
    _engels(b)
    b.verstuur(
        "/vragen",
        {"berekeningsjaar": "2023", "partner": "ja", "bloedverwant": "nee", "aantal_kinderen": "1"},
        "volgende",
    )
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2019-05-01"}, "volgende")
    b.verstuur("/vragen", {"partner-0-situatie": "wlz_permanent", "partner-0-van": "2022-11-01"}, "volgende")
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": "2021-06-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "120",
            "kind-0-opvang-0-uurprijs": "9.12",
        },
        "volgende",
    )
    b.verstuur("/vragen", {"toetsingsinkomen": "38000", "aangevraagd": "ja", "aanvraagdatum": "2023-01-10"}, "volgende")
    b.verstuur("/vragen", {}, "bereken")
    t = _tekst(b.html.split('id="uitleg-kop"')[0])
    assert "the other parent has a Wlz indication (Wlz-indicatie). Then there is a right after all." in t
    assert "Apply through the BelastingTelefoon" in t and "says 'geen recht' (no right)" in t
    assert "The indicatiebesluit (decision on the indication) of the CIZ" in t and "0800-0543" in t


def test_vakwoorden_linken_naar_de_begrippenlijst(b):
    """toetsingsinkomen, Wlz, CIZ, IOAW, IOAZ, Anw, LRK, voorschot and kalendermaand link to their entry, and each
    entry exists in both languages."""
    gezien = b.html
    b.verstuur("/vragen", {"berekeningsjaar": str(JAAR), "partner": "nee", "aantal_kinderen": "1"}, "Volgende")
    gezien += b.html
    b.verstuur("/vragen", {"aanvrager-0-situatie": "arbeid", "aanvrager-0-van": "2020-01-01"}, "Volgende")
    gezien += b.html
    b.verstuur(
        "/vragen",
        {
            "kind-0-geboortedatum": f"{JAAR - 2}-03-01",
            "kind-0-opvang-0-soort": "dagopvang",
            "kind-0-opvang-0-uren": "100",
            "kind-0-opvang-0-uurprijs": "9,50",
        },
        "Volgende",
    )
    gezien += b.html
    b.verstuur("/vragen", {"toetsingsinkomen": "40000", "aangevraagd": "nee"}, "Volgende")
    b.verstuur("/vragen", {}, "Bekijk de uitkomst")
    gezien += b.html
    woorden = ("toetsingsinkomen", "wlz", "ciz", "ioaw", "ioaz", "anw", "lrk", "voorschot", "kalendermaand")
    for w in woorden:
        assert f'href="/begrippen#{w}"' in gezien, w
    for taal in ("nl", "en"):
        b.client.get("/taal", params={"naar": taal, "terug": "/"})
        pagina = b.client.get("/begrippen").text
        for w in woorden:
            assert f'id="{w}"' in pagina
