"""Term tables from the tokens: frequencies, n-grams, keyness, dispersion, keyword in context;
and term counts across many documents.
"""

from ..submodules import lazy

__getattr__ = lazy(__name__)
