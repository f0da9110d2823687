"""A tiny form-filling client for the server-rendered pages (no JavaScript needed, so none is simulated): it reads
the forms of the last page the way a browser would submit them. Used by the web tests."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class _Formulieren(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.formulieren: list[dict[str, Any]] = []
        self._form: dict[str, Any] | None = None
        self._select: str | None = None
        self._select_eerste: str | None = None
        self._select_gekozen = False
        self._textarea: str | None = None
        self._tekst: list[str] = []
        self._knop: dict[str, str] | None = None
        self.ids: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self._link: dict[str, str] | None = None
        self._id_stapel: list[tuple[str, str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if "id" in a and tag not in ("input", "select", "textarea", "form"):
            self._id_stapel.append((tag, a["id"], []))
        if tag == "a" and "href" in a:
            self._link = {"href": a["href"], "id": a.get("id", ""), "tekst": ""}
            self.links.append(self._link)
        if tag == "form":
            self._form = {
                "action": a.get("action", ""),
                "method": a.get("method", "get").lower(),
                "velden": [],
                "knoppen": [],
                "radios": {},
            }
            self.formulieren.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            t = a.get("type", "text").lower()
            naam = a.get("name")
            if not naam:
                return
            if t in ("radio", "checkbox"):
                if "checked" in a:
                    self._form["velden"].append((naam, a.get("value", "on")))
                self._form["radios"].setdefault(naam, []).append(a.get("value", "on"))
            elif t == "submit":
                self._form["knoppen"].append({"name": naam, "value": a.get("value", ""), "tekst": a.get("value", "")})
            else:
                self._form["velden"].append((naam, a.get("value", "")))
        elif tag == "select":
            self._select = a.get("name")
            self._select_eerste = None
            self._select_gekozen = False
        elif tag == "option" and self._select:
            v = a.get("value", "")
            if self._select_eerste is None:
                self._select_eerste = v
            if "selected" in a and not self._select_gekozen:
                self._form["velden"].append((self._select, v))
                self._select_gekozen = True
        elif tag == "textarea":
            self._textarea = a.get("name")
            self._tekst = []
        elif tag == "button":
            self._knop = {"name": a.get("name", ""), "value": a.get("value", ""), "tekst": "", "id": a.get("id", "")}

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self._link["tekst"] = " ".join(self._link["tekst"].split())
            self._link = None
        if self._id_stapel and self._id_stapel[-1][0] == tag:
            _, id_, delen = self._id_stapel.pop()
            self.ids[id_] = " ".join("".join(delen).split())
        if self._form is None:
            return
        if tag == "select" and self._select:
            if not self._select_gekozen and self._select_eerste is not None:
                self._form["velden"].append((self._select, self._select_eerste))
            self._select = None
        elif tag == "textarea" and self._textarea:
            self._form["velden"].append((self._textarea, "".join(self._tekst).lstrip("\n")))
            self._textarea = None
        elif tag == "button" and self._knop is not None:
            self._knop["tekst"] = " ".join(self._knop["tekst"].split())
            self._form["knoppen"].append(self._knop)
            self._knop = None
        elif tag == "form":
            self._form = None

    def handle_data(self, data):
        if self._link is not None:
            self._link["tekst"] += data
        if self._textarea is not None:
            self._tekst.append(data)
        if self._knop is not None:
            self._knop["tekst"] += data
        for _, _, delen in self._id_stapel:
            delen.append(data)


def lees(html: str) -> _Formulieren:
    p = _Formulieren()
    p.feed(html)
    return p


class Browser:
    """Submits the forms of the last response like a browser without JavaScript."""

    def __init__(self, client) -> None:
        self.client = client
        self.antwoord = None

    def ga(self, url: str):
        self.antwoord = self.client.get(url)
        return self.antwoord

    @property
    def html(self) -> str:
        return self.antwoord.text

    def klik(self, tekst: str, verwacht: int | tuple[int, ...] | None = (200,)):
        """Follow the link with this text or id (like a click without JavaScript)."""
        links = lees(self.html).links
        link = next((x for x in links if x["tekst"] == tekst or (x["id"] and x["id"] == tekst)), None)
        assert link is not None, f"geen link {tekst!r}; wel: {[x['tekst'] for x in links][:40]}"
        self.antwoord = self.client.get(link["href"], follow_redirects=True)
        if verwacht is not None:
            codes = (verwacht,) if isinstance(verwacht, int) else verwacht
            assert self.antwoord.status_code in codes, (self.antwoord.status_code, self.antwoord.text[:3000])
        return self.antwoord

    def tekst(self, id_: str) -> str:
        """The text of the element with this id (not for form fields)."""
        return lees(self.html).ids.get(id_)

    def formulier(self, actie: str, nummer: int = 0, knop: str | None = None) -> dict[str, Any]:
        forms = [f for f in lees(self.html).formulieren if f["action"] == actie]
        assert forms, f"geen formulier naar {actie} op de pagina"
        if knop is not None:
            met = [f for f in forms if any(b["tekst"] == knop or b.get("value") == knop for b in f["knoppen"])]
            assert met, f"geen formulier naar {actie} met knop {knop!r}"
            return met[0]
        return forms[nummer]

    def verstuur(
        self,
        actie: str,
        velden: dict[str, str] | None = None,
        knop: str | None = None,
        nummer: int = 0,
        verwacht: int | tuple[int, ...] | None = (200, 303),
    ):
        f = self.formulier(actie, nummer, knop)
        data: dict[str, str] = {}
        for k, v in f["velden"]:
            data.setdefault(k, v) if k not in data else None
        for k, v in (velden or {}).items():
            if v is None:
                data.pop(k, None)
            else:
                data[k] = v
        if knop is not None:
            b = next((b for b in f["knoppen"] if b["tekst"] == knop or b.get("value") == knop), None)
            assert b is not None, f"geen knop {knop!r}; wel: {[x['tekst'] for x in f['knoppen']]}"
            if b["name"]:
                data[b["name"]] = b["value"]
        if f["method"] == "get":
            self.antwoord = self.client.get(actie, params=data, follow_redirects=True)
        else:
            self.antwoord = self.client.post(actie, data=data, follow_redirects=True)
        if verwacht is not None:
            codes = (verwacht,) if isinstance(verwacht, int) else verwacht
            assert self.antwoord.status_code in codes, (self.antwoord.status_code, self.antwoord.text[:3000])
        return self.antwoord


def test_formulieren_lezen():
    html = """<form method="post" action="/x"><input type="hidden" name="a" value="1">
      <select name="s"><option value="p">P</option><option value="q" selected>Q</option></select>
      <input type="radio" name="r" value="ja"><input type="radio" name="r" value="nee" checked>
      <textarea name="t">
hallo</textarea><button name="actie" value="volgende">Volgende</button></form><p id="x">een <b>twee</b></p>"""
    p = lees(html)
    f = p.formulieren[0]
    assert dict(f["velden"]) == {"a": "1", "s": "q", "r": "nee", "t": "hallo"}
    assert f["knoppen"][0]["tekst"] == "Volgende"
    assert p.ids["x"] == "een twee"
