"""The one set of Dutch formatters (kotwijzer.formaat): expected texts written out by hand."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from kotwijzer import formaat as f


def test_getal_weg_heel_vast():
    assert f.getal(1234.5) == "1.234,5"
    assert f.getal(Decimal("1234.50")) == "1.234,5"
    assert f.getal(Decimal("12.50"), nullen="heel") == "12,50"
    assert f.getal(Decimal("12.00"), nullen="heel") == "12"
    assert f.getal(12, nullen="vast") == "12,00"
    assert f.getal(1000000) == "1.000.000"
    assert f.getal(Decimal("0.005")) == "0"  # rounded half to even, shown without "-0" or ",00"
    assert f.getal(Decimal("-0.001")) == "0"
    assert f.getal(Decimal("-1234.567")) == "-1.234,57"


def test_getal_exact_en_zonder_duizendtallen():
    assert f.getal(Decimal("0.12345"), None) == "0,12345"
    assert f.getal(Fraction(346, 3), None, duizendtallen=False) != ""  # a repeating fraction still gives a number
    assert f.getal(Fraction(1, 4), None) == "0,25"
    assert f.getal(Decimal("1E+3"), None) == "1.000"
    assert f.getal(1234.5, 1, nullen="vast", duizendtallen=False) == "1234,5"


def test_getal_leeg_en_geen_getal():
    assert f.getal(None) == "-"
    assert f.getal("") == "-"
    assert f.getal("abc") == "abc"
    assert f.getal_invoer(None) == ""
    assert f.getal_invoer(Decimal("80.50")) == "80,5"
    assert f.getal_invoer(1500) == "1500"


def test_engelse_notatie():
    assert f.getal(Decimal("1234.5"), taal="en") == "1,234.5"
    assert f.euro(Decimal("1234.5"), taal="en") == "€ 1,234.50"
    assert f.hele_euro(1234, taal="en") == "€ 1,234"


def test_bedragen():
    assert f.euro(Decimal("1234.5")) == "€ 1.234,50"
    assert f.euro(None) == "-"
    assert f.euro(3, spatie=f.NBSP) == "€\u00a03,00"
    assert f.euro_cent(123456) == "€ 1.234,56"
    assert f.hele_euro(Decimal("1234.99")) == "€ 1.234"  # the cents are dropped, not rounded
    assert f.hele_euro(None, leeg="niet te berekenen") == "niet te berekenen"
    assert f.procent(Decimal("96.0")) == "96%"
    assert f.procent(Decimal("33.3")) == "33,3%"


def test_maanden_en_datums():
    assert len(f.MAANDNAMEN) == 12 and f.maandnaam(1) == "januari" and f.maandnaam("12") == "december"
    assert f.datum(dt.date(2026, 12, 6)) == "6 december 2026"
    assert f.datum("2026-03-01") == "1 maart 2026"
    assert f.datum("geen datum") == "geen datum"
    assert f.datum(None) == "-"
    # stored as UTC; shown in Dutch time: winter +1, summer +2
    assert f.datum(dt.datetime(2026, 1, 10, 8, 30)) == "10 januari 2026, 09:30"
    assert f.datum(dt.datetime(2026, 7, 10, 8, 30, tzinfo=dt.UTC)) == "10 juli 2026, 10:30"


def test_plus_en_vaste_decimalen():
    assert f.getal(Decimal("0.0125"), 3, nullen="vast", plus=True) == "+0,012"  # half to even
    assert f.getal(Decimal("-0.5"), 1, nullen="vast", plus=True) == "-0,5"
    assert f.getal(0, 1, nullen="vast", plus=True) == "+0,0"
    assert f.getal(Decimal("-0.0004"), 3, nullen="vast", plus=True) == "+0,000"  # no "-0,000"
    assert f.getal(12345, 0, plus=True, duizendtallen=False) == "+12345"


def test_decimalen_zoals_gegeven():
    assert f.getal(Decimal("96.0"), None, nullen="vast") == "96,0"
    assert f.getal(Decimal("12.50"), None, nullen="vast", duizendtallen=False) == "12,50"
    assert f.getal(Decimal("1234.5"), None, nullen="vast") == "1.234,5"
    assert f.getal(Decimal("96.0"), None) == "96"  # without "vast" the trailing zero goes


def test_float_afronden_als_python():
    # 2.675 is stored as 2.67499999...; a fixed number of decimals rounds the stored value, as f"{x:.2f}" does
    assert f.getal(2.675, 2) == "2,67"
    assert f.getal(0.15, 1, nullen="vast") == "0,1"
    assert f.getal(2.5, 0) == "2"  # exactly half: to even
    assert f.getal(0.1, None) == "0,1"  # exact: the shortest text of the float


def test_procent_en_euro_opties():
    assert f.procent(Decimal("12.5"), 1, nullen="vast", spatie=" ") == "12,5 %"
    assert f.procent(Decimal("96"), 1, nullen="vast") == "96,0%"
    assert f.procent(Decimal("-3.25"), 1, nullen="vast", plus=True) == "-3,2%"
    assert f.procent(Decimal("3.25"), 1, nullen="vast", plus=True) == "+3,2%"
    assert f.procent(None, 1) == "-"
    assert f.euro(Decimal("-1234.5"), min_voor=True) == "-€ 1.234,50"
    assert f.euro(Decimal("1234.5"), min_voor=True) == "€ 1.234,50"
    assert f.euro(Decimal("-1234.5")) == "€ -1.234,50"
    assert f.euro(Decimal("-1234.5"), min_voor=True, spatie="", taal="en") == "-€1,234.50"


def test_taalbewuste_omhulsels():
    from kotwijzer import i18n

    with i18n.in_taal("nl"):
        assert i18n.procent(Decimal("33.3"), 1) == "33,3 %"
        assert i18n.euro(Decimal("-1234.5"), min_voor=True) == "-€ 1.234,50"
    with i18n.in_taal("en"):
        assert i18n.procent(Decimal("33.3"), 1) == "33.3%"
        assert i18n.euro(Decimal("-1234.5"), min_voor=True) == "-€1,234.50"
