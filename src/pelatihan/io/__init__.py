"""Reading and writing ``pelatihan`` objects in other formats.

Each format lives in its own module, imported on its own, so that a format's
optional dependency is needed only by those who use it:

* :mod:`pelatihan.io.ics` — a schedule as an iCalendar (RFC 5545) file; needs
  ``pip install 'pelatihan[ics]'``.
"""
