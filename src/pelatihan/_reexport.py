"""The classes and functions a module offers from its private parts, as its own.

A module grown into a package of private parts (:mod:`pelatihan.nip`,
:mod:`pelatihan.grades`, :mod:`pelatihan.calendar`, :mod:`pelatihan.evaluation`,
:mod:`pelatihan.io.variant`) offers what its parts define.
:func:`adopt` gives those objects the module's name as their ``__module__``, as when they
were defined in it: reprs, pickles, tracebacks and the documentation's cross-references
name the module they are imported from, and doctest collects their docstrings (a class's
methods included) with that module.
"""

from __future__ import annotations

import types

__all__ = ["adopt"]


def adopt(module: str, *objects: object) -> None:
    """Make ``module`` the ``__module__`` of each class or function of ``objects``.

    The methods of a class (static and class methods, and properties, too)
    that come from the class's own module are adopted with it. Other objects
    (figures, constants) are left as they are, so that a module can pass
    everything it offers.

    Example:
        >>> class Part:
        ...     def method(self) -> None: ...
        >>> adopt("pelatihan.example", Part)
        >>> Part.__module__, Part.method.__module__
        ('pelatihan.example', 'pelatihan.example')
    """
    for obj in objects:
        if not isinstance(obj, (type, types.FunctionType)):
            continue
        part = obj.__module__
        obj.__module__ = module
        if not isinstance(obj, type):
            continue
        for member in vars(obj).values():
            # static and class methods, and properties
            function = getattr(member, "__func__", getattr(member, "fget", member))
            if isinstance(function, types.FunctionType) and function.__module__ == part:
                function.__module__ = module
