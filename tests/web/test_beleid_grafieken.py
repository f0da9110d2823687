"""The /beleid charts: a linear axis for the reform costs (a log axis hid that one reform costs many times another),
and the same words as the tables ("vooruit"/"achteruit", never "winnaars"/"verliezers")."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def figuren(tmp_path_factory):
    from kotwijzer.policy import hervorming as H
    from kotwijzer.policy import kalibratie as K
    from kotwijzer.policy import microsim as M
    from kotwijzer.policy import rapport as R

    pop = K.maak_populatie(3000, 2024, seed=7)[0]
    res = M.simuleer(pop, list(H.alle().values()), dask="")
    figs: dict[str, object] = {}
    echt = R._bewaar

    def _vang(fig, map_, naam, data):
        figs[naam] = fig
        return echt(fig, map_, naam, data)

    mp = pytest.MonkeyPatch()
    mp.setattr(R, "_bewaar", _vang)
    map_ = tmp_path_factory.mktemp("grafieken")
    R.grafiek_hervormingen(res, map_)
    for h in res.hervormingen:
        R.grafieken_hervorming(res, h.code, map_)
    mp.undo()
    return figs


def _teksten(fig) -> list[str]:
    uit = [t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text"))]
    return [t for t in uit if t]


def test_uitgaven_op_lineaire_as(figuren):
    fig = figuren["hervormingen_uitgaven"]
    ax = fig.axes[0]
    assert ax.get_xscale() == "linear"
    assert not any("logaritm" in t for t in _teksten(fig))
    # the axis starts at zero (or below, for a saving) so bar lengths compare
    assert ax.get_xlim()[0] <= 0


def test_zelfde_woorden_als_de_tabellen(figuren):
    for naam, fig in figuren.items():
        teksten = " ".join(_teksten(fig)).lower()
        assert "winnaar" not in teksten and "verliezer" not in teksten, naam
    teksten = " ".join(_teksten(figuren["R1_winnaars_verliezers_per_deciel"]))
    assert "vooruit" in teksten and "achteruit" in teksten


def test_labels_groot_genoeg(figuren):
    """At least 9 points: the charts are shown at their own size (scrolling sideways in their frame on a phone)."""
    for naam, fig in figuren.items():
        for t in fig.findobj(lambda o: hasattr(o, "get_fontsize") and hasattr(o, "get_text")):
            if t.get_text() and not t.get_text().startswith("kotwijzer, synthetische"):
                assert t.get_fontsize() >= 9, (naam, t.get_text(), t.get_fontsize())


def test_bronnen_bij_naam_zonder_bestanden_of_regelnummers():
    from kotwijzer.policy import hervorming as H
    from kotwijzer.web.beleid import brontekst

    for h in H.alle().values():
        t = brontekst(getattr(h, "bron", ""))
        for fout in ("Seed", "seed", "r. 3", ".csv", "README", "Significant APE"):
            assert fout not in t, (h.code, t)
    assert brontekst('Seed 000, par. 1.1 (r. 390-393): "x"').startswith(
        "het onderzoek 'Kinderopvangtoeslag in de Participatiewet' (voor het ministerie van SZW, 21 mei 2025), par. 1.1"
    )
