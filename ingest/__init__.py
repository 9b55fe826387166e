"""Sources for kg: curated YAML datasets, news articles and event data become records."""
