"""proscale: process-science simulation for nanomaterials and all-solid-state batteries.

    import proscale
    result = proscale.run("cases/baso4_batch.yaml", set={"reactor.temperature": "40 degC"})
    result["metrics"]["d50_volume"]          # m
    result["timeseries"]["supersaturation"]  # numpy array over output times
"""
from ._proscale import InputError, __version__, check, run

__all__ = ["InputError", "__version__", "check", "run"]
