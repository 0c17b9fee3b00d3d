"""Bridges to distributed engines; each is an optional extra.

- :mod:`quoteattr.integrations.dask`: Dask bags and dataframes
  (``pip install "quoteattr[dask]"``).

Spark needs no module of its own: ``docs/scaling.md`` has a pandas UDF recipe.
Importing this package imports no engine; only its submodules do.
"""
