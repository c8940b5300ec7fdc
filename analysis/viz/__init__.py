"""Charts and views for the notebooks: chart data (`views`), axes-level plot functions
(`plots`), the named charts and their export (`charts`), the article page, the statistics
panel and the term explorer.
"""

from ..submodules import lazy

__getattr__ = lazy(__name__)
