"""The legal bases of Latsar CPNS, and which regime governs a cohort.

One name for two modules: the instruments (laws, regulations, decrees,
circulars) of :mod:`pelatihan.instruments`, and the regimes built on them in
:mod:`pelatihan.regimes`.

    >>> import datetime
    >>> from pelatihan import legal
    >>> legal.get("perlan-1-2021").short_name
    'Peraturan LAN 1/2021'
    >>> legal.regime_on(datetime.date(2019, 10, 17)).id
    'perlan-12-2018'
    >>> legal.regime_on(datetime.date(2025, 7, 14)).id
    'perlan-1-2021+10-2021+kep-2024'
    >>> [i.short_name for i in legal.get_regime("perlan-1-2021+10-2021+kep-2024").decrees_cited()]
    ['Keputusan Kepala LAN 580/K.1/PDP.07/2024', 'Keputusan Kepala LAN 581/K.1/PDP.07/2024']
"""

from __future__ import annotations

from pelatihan.instruments import (
    Instrument,
    InstrumentKind,
    UnknownInstrumentError,
    find,
    get,
    instruments,
)
from pelatihan.regimes import (
    NoRegimeError,
    Regime,
    Resolution,
    get_regime,
    regime_on,
    regimes,
    resolve,
)

__all__ = [
    "Instrument",
    "InstrumentKind",
    "NoRegimeError",
    "Regime",
    "Resolution",
    "UnknownInstrumentError",
    "find",
    "get",
    "get_regime",
    "instruments",
    "regime_on",
    "regimes",
    "resolve",
]
