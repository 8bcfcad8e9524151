"""kxplan: a KPI tracker for a five-year plan over plain files."""

__version__ = "0.1.0"
