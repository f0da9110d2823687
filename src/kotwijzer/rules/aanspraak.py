"""Aanspraak per household per month: the arbeidseis (Wko 1.6 lid 1 and 3) and its named exceptions.

All functions are vectorised over households (H) and months (12). Parent 0 is the aanvrager, parent 1 the partner.
"""

from __future__ import annotations

import numpy as np

from kotwijzer.rules import codes as c
from kotwijzer.wetten.bron import citeert, wko


@citeert(wko("1.6", 1), wko("1.6", 3), wko("1.6", 5))
def voldoet_lid1(sit: np.ndarray, lid1: int = c.LID1) -> np.ndarray:
    """Wko 1.6 lid 1 onder a-l (and the werkloosheidstermijn of lid 5): the parent meets the arbeidseis or is in a
    doelgroep. For a partner the list of lid 3 (a; b: uitkering onder c, e, h, i with voorziening; c: f, g, j, k, l;
    d: lid 1 onder b) covers the same modelled situations."""
    voldoet: np.ndarray = (sit & lid1) != 0
    return voldoet


@citeert(wko("1.6", 1))
def lid1_masker(smi_onderdelen_k_l_in_werking: bool) -> int:
    """The situations of Wko 1.6 lid 1 that are in force: onderdelen k and l (sociaal-medische indicatie) only when
    they have entered into force."""
    return c.LID1 | (c.KL if smi_onderdelen_k_l_in_werking else 0)


@citeert(wko("1.6", 8), wko("1.6", 9), *c.DETENTIE_BRONNEN)
def uitzondering_masker(
    wlz_permanent_telt: bool, wlz_tijdelijk_telt: bool, detentie_telt: bool, voorlopige_hechtenis_telt: bool
) -> int:
    """The situations that, for this year, let the other parent's qualification carry the household
    (Wko 1.6 lid 8/9 for the Wlz, lid 10/11 for detention)."""
    m = 0
    if wlz_permanent_telt:
        m |= c.WLZ_PERM
    if wlz_tijdelijk_telt:
        m |= c.WLZ_TIJD
    if detentie_telt:
        m |= c.DET_LANG
        if voorlopige_hechtenis_telt:
            m |= c.DET_VOORLOPIG_LANG
    return m


@citeert(wko("1.6", 1, "c"), wko("1.6", 1, "g"), wko("1.6", 5))
def pas_schakelaars_toe(
    sit: np.ndarray,
    traject_einde_maand: np.ndarray | None,
    categorie_c_telt: bool,
    inburgering_alle_activiteiten: bool,
    doorloop_na_traject_maanden: int,
) -> np.ndarray:
    """Named rule switches (parameters whose baseline is the law as it is; reforms may switch them):
    - categorie_c_telt: a bijstand activity outside categories A/B counts as onderdeel c (seed 000, denkrichting 2);
    - inburgering_alle_activiteiten: every activity of the inburgeringstraject counts as onderdeel g (seed 000 par. 1.1);
    - doorloop_na_traject_maanden: the right continues this many months after a traject (c or f) ends, as lid 5
      does for work (seed 000).
    sit: [H,2,12]; traject_einde_maand: [H,2] month index or -1."""
    if not (categorie_c_telt or inburgering_alle_activiteiten or doorloop_na_traject_maanden):
        return sit
    sit = sit.copy()
    if categorie_c_telt:
        sit |= np.where((sit & c.BIJSTAND_ZONDER_VOORZIENING) != 0, np.uint32(c.C), np.uint32(0))
    if inburgering_alle_activiteiten:
        sit |= np.where((sit & c.G_OVERIG) != 0, np.uint32(c.G), np.uint32(0))
    if doorloop_na_traject_maanden and traject_einde_maand is not None:
        e = traject_einde_maand.astype(np.int64)[..., None]  # [H,2,1]
        maand = np.arange(12)[None, None, :]
        e_idx = np.clip(e, 0, 11)
        had_traject = (np.take_along_axis(sit, e_idx, axis=-1) & (c.C | c.F)) != 0
        doorloop = (e >= 0) & had_traject & (maand > e) & (maand <= e + doorloop_na_traject_maanden)
        sit |= np.where(doorloop, np.uint32(c.C), np.uint32(0))
    return sit


@citeert(wko("1.6", 1), wko("1.6", 3), wko("1.6", 6), wko("1.6", 8), wko("1.6", 9), *c.DETENTIE_BRONNEN)
def aanspraak_ouders(
    sit0: np.ndarray,
    sit1: np.ndarray,
    heeft_partner: np.ndarray,
    partner_bloedverwant: np.ndarray,
    uitzondering: int,
    wlz_zonder_voldoende_partner: bool = False,
    met_reden: bool = True,
    lid1: int = c.LID1,
) -> tuple[np.ndarray, np.ndarray | None]:
    """Returns (aanspraak bool[H,12], reden int8[H,12]) with the reason code of `codes.REDENEN`.

    - single parent: lid 1 (a single parent with only a Wlz-indicatie or detention has no right: lid 9 and 11
      require a partner who meets the conditions);
    - lid 6: a partner who is a relative in the first or second degree and a partner only by address: lid 3 does not
      apply, so only the aanvrager is tested;
    - couple: lid 1 + lid 3 (both), or lid 8/9 (one meets, the other has a Wlz-indicatie), or lid 10/11 (one meets,
      the other is detained > 3 months). Both with an exception: no right.
    """
    hp = np.asarray(heeft_partner, dtype=bool)[:, None]
    bv = np.asarray(partner_bloedverwant, dtype=bool)[:, None]
    q0 = voldoet_lid1(sit0, lid1)
    q1 = voldoet_lid1(sit1, lid1)
    x0 = (sit0 & uitzondering) != 0
    x1 = (sit1 & uitzondering) != 0
    alleen = ~hp | bv
    paar = hp & ~bv

    beide = q0 & q1
    via_uitz = (q0 & x1 & ~q1) | (x0 & q1 & ~q0)
    ok = beide | via_uitz  # couple
    ok &= ~alleen
    ok |= q0 & alleen  # single parent (or relative partner): the aanvrager alone
    if wlz_zonder_voldoende_partner:  # reform switch (seed 002): Wlz exception for singles and both-Wlz couples
        w0 = (sit0 & uitzondering & (c.WLZ_PERM | c.WLZ_TIJD)) != 0
        w1 = (sit1 & uitzondering & (c.WLZ_PERM | c.WLZ_TIJD)) != 0
        ok = ok | np.where(alleen, w0, (w0 & (w1 | x1 | q1)) | (w1 & (x0 | q0)))
    if not met_reden:
        return ok, None

    R = c.R
    reden = np.full(sit0.shape, R["onbekend"], dtype=np.int8)
    # single parent (or relative partner)
    reden = np.where(alleen & q0 & ~bv, R["alleenstaand_voldoet"], reden)
    reden = np.where(alleen & q0 & bv, R["bloedverwant_partner"], reden)
    wlz0 = (sit0 & (c.WLZ_PERM | c.WLZ_TIJD)) != 0
    det0 = (sit0 & (c.DET_LANG | c.DET_KORT | c.DET_VOORLOPIG_LANG)) != 0
    wlz1 = (sit1 & (c.WLZ_PERM | c.WLZ_TIJD)) != 0
    det1 = (sit1 & (c.DET_LANG | c.DET_KORT | c.DET_VOORLOPIG_LANG)) != 0
    a_niet = alleen & ~q0
    reden = np.where(a_niet, R["aanvrager_voldoet_niet"], reden)
    reden = np.where(a_niet & ((sit0 & c.KL) != 0), R["sociaal_medische_indicatie"], reden)
    reden = np.where(a_niet & ((sit0 & c.BIJSTAND_ZONDER_VOORZIENING) != 0), R["bijstand_zonder_voorziening"], reden)
    reden = np.where(a_niet & det0, R["alleenstaand_detentie"], reden)
    reden = np.where(a_niet & wlz0, R["alleenstaand_wlz"], reden)
    reden = np.where(a_niet & ((sit0 & c.ONBEKEND) != 0), R["onbekend"], reden)
    # couple
    reden = np.where(paar & beide, R["beide_voldoen"], reden)
    ex_other_wlz = (q0 & ~q1 & wlz1 & x1) | (q1 & ~q0 & wlz0 & x0)
    ex_other_det = (q0 & ~q1 & det1 & x1) | (q1 & ~q0 & det0 & x0)
    reden = np.where(paar & ex_other_det, R["partner_detentie"], reden)
    reden = np.where(paar & ex_other_wlz, R["partner_wlz"], reden)
    p_niet = paar & ~ok
    one = p_niet & (q0 ^ q1)
    other = np.where(q0, sit1, sit0)
    other_wlz = np.where(q0, wlz1, wlz0)
    other_det = np.where(q0, det1, det0)
    reden = np.where(one, R["partner_voldoet_niet"], reden)
    reden = np.where(one & ((other & c.KL) != 0), R["sociaal_medische_indicatie"], reden)
    reden = np.where(one & ((other & c.BIJSTAND_ZONDER_VOORZIENING) != 0), R["bijstand_zonder_voorziening"], reden)
    reden = np.where(one & other_det & ((other & c.DET_KORT) != 0), R["detentie_te_kort"], reden)
    reden = np.where(
        one & other_det & ((other & c.DET_KORT) == 0) & ((other & uitzondering) == 0), R["detentie_te_vroeg"], reden
    )
    reden = np.where(
        one & other_wlz & ((other & c.WLZ_TIJD) != 0) & ((other & uitzondering) == 0),
        R["wlz_tijdelijk_te_vroeg"],
        reden,
    )
    reden = np.where(one & ((other & c.ONBEKEND) != 0) & ((other & lid1) == 0), R["onbekend"], reden)
    geen = p_niet & ~q0 & ~q1
    reden = np.where(geen, R["geen_van_beiden"], reden)
    reden = np.where(geen & x0 & x1, R["beiden_uitzondering"], reden)
    reden = np.where(geen & (((sit0 | sit1) & c.ONBEKEND) != 0), R["onbekend"], reden)
    return ok, reden


@citeert(wko("1.3", 2, "b"))
def voor_terugwerkende_kracht(eerste_maand: np.ndarray) -> np.ndarray:
    """Wko 1.3 lid 2 onder b: bool [H,12], True for the months before the first month the application still reaches
    (`eerste_maand`, from `kalender.eerste_maand_na_aanvraag`). In those months there is no aanspraak."""
    return np.arange(12, dtype=np.int8)[None, :] < np.asarray(eerste_maand)[:, None]


@citeert(wko("1.1", 1, "kinderopvang"), wko("1.5", 1), wko("1.3", 2, "b"))
def kind_voorwaarden(
    kind_bestaat: np.ndarray,
    geboren: np.ndarray,
    voor_vo: np.ndarray,
    woont: np.ndarray,
    soort: np.ndarray,
    lrk: np.ndarray,
    eerste_maand: np.ndarray,
    aanspraak: np.ndarray,
    met_redenen: bool = True,
) -> tuple[np.ndarray, np.ndarray | None]:
    """Child-month conditions [H,C,12]: kinderopvang only until the month secondary school starts (Wko 1.1), the
    child on the applicant's address or co-parenting (Awir 4), LRK-registered care (Wko 1.5 lid 1), not before the
    retroactivity limit (Wko 1.3 lid 2 onder b), and the household's aanspraak. Returns (ok, reason bits); without
    reasons (population runs) only `ok`, computed with the same conditions."""
    maand = np.arange(12, dtype=np.int8)[None, None, :]
    if not met_redenen:
        ok = soort > 0
        ok &= kind_bestaat[..., None]
        ok &= geboren
        ok &= voor_vo
        ok &= woont
        ok &= lrk
        if eerste_maand.any():  # no late application in the batch: every month is reached
            ok &= maand >= eerste_maand[:, None, None]
        ok &= aanspraak[:, None, :]
        return ok, None
    bits = np.zeros(soort.shape, dtype=np.int32)
    geen_opvang = (soort == 0) | ~kind_bestaat[..., None]
    bits |= np.where(geen_opvang, c.K_GEEN_OPVANG, 0)
    bits |= np.where(~geboren, c.K_NOG_NIET_GEBOREN, 0)
    bits |= np.where(~voor_vo, c.K_TE_OUD, 0)
    bits |= np.where(~woont, c.K_NIET_OP_ADRES, 0)
    bits |= np.where(~lrk & ~geen_opvang, c.K_NIET_LRK, 0)
    bits |= np.where(maand < eerste_maand[:, None, None], c.K_TE_LAAT, 0)
    bits |= np.where(~aanspraak[:, None, :], c.K_GEEN_ASPRAAK_OUDERS, 0)
    return bits == 0, bits
