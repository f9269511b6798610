"""Archives: many pairs aligned in one run, by a local process pool or a Dask cluster."""
