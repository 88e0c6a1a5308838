"""Reading and writing ``pelatihan`` objects in other formats.

Data flows one way: readers turn a file into a
:class:`~pelatihan.io.document.RawDocument` (plain data, with rows), structuring
(:mod:`pelatihan.io.structure`) builds the models and collects structural
problems, and the rules (:func:`pelatihan.validate`) report the rest. Each
format lives in its own module, imported on its own, so that a format's
optional dependency is needed only by those who use it:

* :mod:`pelatihan.io.fields` — the fields of each record of the interchange
  format, declared once (keys, kinds, column headers, defaults), which the
  readers, structuring, the schema and the writer follow;
* :mod:`pelatihan.io.jsonfile` — the JSON interchange format ``pelatihan/cohorts@1``;
* :mod:`pelatihan.io.dump` — cohorts written back in that format, losslessly;
* :mod:`pelatihan.io.csv` — participant lists exported as CSV (``,`` or ``;``,
  Indonesian or English headers);
* :mod:`pelatihan.io.xlsx` — the same as Excel workbooks; needs
  ``pip install 'pelatihan[xlsx]'``;
* :mod:`pelatihan.io.reader` — :func:`~pelatihan.io.reader.load` chooses the
  reader by the file's extension;
* :mod:`pelatihan.io.schema` — the JSON Schemas of the interchange format and
  of rulebook variant files;
* :mod:`pelatihan.io.variant` — rulebook variant files (TOML or JSON,
  ``pelatihan/variant@1``) and figures written ``PATH=VALUE``;
* :mod:`pelatihan.io.results` — evaluation results as CSV or JSON, attached to
  the cohorts they belong to;
* :mod:`pelatihan.io.svg` — a schedule as an SVG timeline;
* :mod:`pelatihan.io.ics` — a schedule as an iCalendar (RFC 5545) file; needs
  ``pip install 'pelatihan[ics]'``.
"""
