"""Analyses: plain functions, one family per module, taking records or graphs and returning plain data."""
