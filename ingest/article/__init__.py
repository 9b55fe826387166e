"""Statement extraction from news articles: rules and alias data, no model, no network.

The public entry points are :func:`extract_article` and :func:`extract_file`;
:mod:`kg.ingest.article.score` scores an extraction against gold annotations.
"""
from kg.ingest.article.extract import MAX_BYTES, Extracted, Extraction, extract_article, extract_file, read_article

__all__ = ["MAX_BYTES", "Extracted", "Extraction", "extract_article", "extract_file", "read_article"]
