"""Reports: a store in, plain data out; one module per question a command answers.

Each function takes an open :class:`~kg.store.Store` and returns dicts and lists that
``json.dumps`` writes, in a stable order, the same from every store. A new command's logic goes
here; the CLI only parses options, calls one report and prints it.

- :mod:`~kg.reports.stance`, :mod:`~kg.reports.actors`, :mod:`~kg.reports.statements`,
  :mod:`~kg.reports.query`: what the store holds, by actor, by statement, by Cypher.
- :mod:`~kg.reports.camps`, :mod:`~kg.reports.align`, :mod:`~kg.reports.balance`,
  :mod:`~kg.reports.brokers`, :mod:`~kg.reports.timeline`: the alignment analyses.
- :mod:`~kg.reports.common`: the window :class:`~kg.reports.common.Options` and what they share.

Bad input raises :class:`~kg.errors.AnalysisError` (an empty store, a window with no
statements, fewer than two actors) or :class:`~kg.errors.UnknownActorError`.
"""
