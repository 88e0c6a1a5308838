"""The vocabulary of Latsar delivery: methods, phase kinds, and in class or out of class.

A Latsar cohort is delivered by one :class:`Method`: *klasikal* (classroom),
*blended* (blended learning), or *distance* (distance learning in an
emergency). Its schedule is a sequence of phases, each of a :class:`PhaseKind`,
and every phase is either in class or out of class (:class:`Setting`):

    >>> from pelatihan.training import Method, PhaseKind, Setting
    >>> [kind.value for kind in PhaseKind if kind.setting is Setting.OUT_OF_CLASS]
    ['mooc', 'elearning', 'distance', 'habituasi']
    >>> Method.parse("Blended Learning")
    <Method.BLENDED: 'blended'>
"""

from __future__ import annotations

import enum

from pelatihan.errors import ValidationError, quote

__all__ = ["InvalidMethod", "InvalidPhaseKind", "Method", "PhaseKind", "Setting"]


class InvalidMethod(ValidationError):
    """A delivery method that is not klasikal, blended or distance."""

    code = "method.format"


class InvalidPhaseKind(ValidationError):
    """A phase kind that is none of :class:`PhaseKind`."""

    code = "phase.kind"


def _key(text: object) -> str:
    if not isinstance(text, str):
        return ""
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())[:60]


class Setting(enum.Enum):
    """Whether a phase happens in class (on campus) or out of class (off campus)."""

    IN_CLASS = "in_class"
    """On campus, face to face, usually residential (*klasikal*)."""
    OUT_OF_CLASS = "out_of_class"
    """Off campus: MOOC, e-learning, distance learning, habituation at the workplace."""

    @property
    def label(self) -> str:
        """``"in class"`` or ``"out of class"``."""
        return "in class" if self is Setting.IN_CLASS else "out of class"

    @property
    def label_id(self) -> str:
        """The Indonesian label: ``"dalam kelas"`` or ``"luar kelas"``."""
        return "dalam kelas" if self is Setting.IN_CLASS else "luar kelas"


class Method(enum.Enum):
    """How a cohort is delivered."""

    KLASIKAL = "klasikal"
    """Classroom delivery (the only method under PerLAN 12/2018)."""
    BLENDED = "blended"
    """Blended learning: self-study, e-learning, habituation, then a short classroom phase."""
    DISTANCE = "distance"
    """Distance learning in an emergency (PerLAN 1/2021)."""

    @classmethod
    def parse(cls, text: object) -> Method:
        """Read a method as exports write it (``"klasikal"``, ``"Blended Learning"``, ``"PJJ"``).

        Raises:
            InvalidMethod: If the text names no method.

        Example:
            >>> Method.parse("Klasikal"), Method.parse("distance learning")
            (<Method.KLASIKAL: 'klasikal'>, <Method.DISTANCE: 'distance'>)
        """
        if isinstance(text, Method):
            return text
        found = _METHOD_NAMES.get(_key(text))
        if found is None:
            raise InvalidMethod(
                f"unknown delivery method {quote(text)}: expected klasikal, blended or distance",
                f"metode penyelenggaraan {quote(text)} tidak dikenal: gunakan klasikal, "
                "blended atau distance",
                value=text if isinstance(text, str) else None,
            )
        return found


_METHOD_NAMES = {
    "klasikal": Method.KLASIKAL,
    "classical": Method.KLASIKAL,
    "classroom": Method.KLASIKAL,
    "blended": Method.BLENDED,
    "blended learning": Method.BLENDED,
    "distance": Method.DISTANCE,
    "distance learning": Method.DISTANCE,
    "pjj": Method.DISTANCE,
    "pembelajaran jarak jauh": Method.DISTANCE,
}


class PhaseKind(enum.Enum):
    """What happens in a phase of a Latsar schedule."""

    MOOC = "mooc"
    """Self-study in a massive open online course."""
    ELEARNING = "elearning"
    """Distance learning on the organiser's learning management system."""
    DISTANCE = "distance"
    """Distance learning in an emergency, in place of classroom days."""
    KLASIKAL = "klasikal"
    """Classroom days on campus."""
    HABITUASI = "habituasi"
    """Habituation: the actualisation project at the participant's own workplace."""

    @property
    def setting(self) -> Setting:
        """In class for klasikal, out of class for every other kind."""
        return Setting.IN_CLASS if self is PhaseKind.KLASIKAL else Setting.OUT_OF_CLASS

    @classmethod
    def parse(cls, text: object) -> PhaseKind:
        """Read a phase kind (``"e-learning"``, ``"Habituasi"``, ``"on campus"``).

        Raises:
            InvalidPhaseKind: If the text names no phase kind.

        Example:
            >>> PhaseKind.parse("E-Learning"), PhaseKind.parse("aktualisasi")
            (<PhaseKind.ELEARNING: 'elearning'>, <PhaseKind.HABITUASI: 'habituasi'>)
        """
        if isinstance(text, PhaseKind):
            return text
        found = _PHASE_NAMES.get(_key(text).replace(" ", ""))
        if found is None:
            raise InvalidPhaseKind(
                f"unknown phase kind {quote(text)}: expected mooc, elearning, distance, "
                "klasikal or habituasi",
                f"jenis tahap {quote(text)} tidak dikenal: gunakan mooc, elearning, distance, "
                "klasikal atau habituasi",
                value=text if isinstance(text, str) else None,
            )
        return found


_PHASE_NAMES = {
    "mooc": PhaseKind.MOOC,
    "elearning": PhaseKind.ELEARNING,
    "lms": PhaseKind.ELEARNING,
    "distance": PhaseKind.DISTANCE,
    "distancelearning": PhaseKind.DISTANCE,
    "pjj": PhaseKind.DISTANCE,
    "klasikal": PhaseKind.KLASIKAL,
    "classroom": PhaseKind.KLASIKAL,
    "oncampus": PhaseKind.KLASIKAL,
    "inclass": PhaseKind.KLASIKAL,
    "habituasi": PhaseKind.HABITUASI,
    "habituation": PhaseKind.HABITUASI,
    "aktualisasi": PhaseKind.HABITUASI,
    "offcampus": PhaseKind.HABITUASI,
}
