"""What every test shares: the command's language does not depend on the locale of the machine.

The hypothesis profile ``versions`` (``pytest --hypothesis-profile=versions``) is for the
runs of the whole suite on the oldest and the newest Python CI makes besides its main
run: fewer examples, and no deadline or health check on the speed of generation, which
two suites side by side on a small machine would trip.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, settings

# The suite on the oldest and newest Python (.ci/run): fewer examples, and a failure reported
# as found rather than shrunk for minutes, to keep CI within its time.
settings.register_profile(
    "versions",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The locale the command reads its language from is not Indonesian, unless a test says so."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_MESSAGES", "C")
