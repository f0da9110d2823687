"""Professional mode: the second person of the parent flow becomes 'de ouder' (kotwijzer.web.aanspreken). The
expected sentences are written by hand (Dutch grammar: formal 'u' takes the third-person verb except bent, kunt,
wilt, zult, hebt; 'uw X' becomes 'de X' or 'het X')."""

from __future__ import annotations

import pytest

from kotwijzer.web.aanspreken import derde_persoon, html_derde_persoon


@pytest.mark.parametrize(
    "voor, na",
    [
        ("U heeft recht op kinderopvangtoeslag.", "De ouder heeft recht op kinderopvangtoeslag."),
        ("Kunt u dat niet?", "Kan de ouder dat niet?"),
        ("Bent u zwanger?", "Is de ouder zwanger?"),
        ("Als u kunt, bel dan.", "Als de ouder kan, bel dan."),
        ("Wat doet uw partner?", "Wat doet de partner?"),
        ("Uw gezin", "Het gezin"),
        ("Inkomen van u en uw partner", "Inkomen van de ouder en de partner"),
        ("Vul de datum van uw aanvraag in.", "Vul de datum van de aanvraag in."),
        ("Uurprijs en uren", "Uurprijs en uren"),  # no 'u' as a word
        ("Een ouder heeft voor een berekeningsjaar aanspraak", "Een ouder heeft voor een berekeningsjaar aanspraak"),
    ],
)
def test_derde_persoon(voor, na):
    assert derde_persoon(voor) == na


def test_html_laat_tags_gebruikerstekst_en_wettekst_met_rust():
    html = (
        '<html><head><title>U</title></head><body><p>U buiten main</p><main><h1 class="u">U heeft recht</h1>'
        '<a href="/u?u=1" title="u">Wat doet u?</a><section class="geen-print"><p>Bewaar de link die u krijgt.</p></section>'
        '<blockquote class="wettekst">tekst waarin u staat</blockquote><input value="u"><p>Uw partner</p></main></body></html>'
    )
    uit = html_derde_persoon(html)
    assert '<h1 class="u">De ouder heeft recht</h1>' in uit and 'href="/u?u=1" title="u">Wat doet de ouder?</a>' in uit
    assert "Bewaar de link die u krijgt." in uit and "tekst waarin u staat" in uit
    assert "<p>U buiten main</p>" in uit and "<title>U</title>" in uit and "<p>De partner</p>" in uit
