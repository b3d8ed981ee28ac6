"""proscale: process-science simulation for nanomaterials and all-solid-state batteries.

    import proscale
    case = proscale.Case("cases/baso4_batch.yaml",
                         set={"reactor.temperature": "40 degC", "population.classes": 100})
    case.parameters                          # name -> value (SI), unit, scale, doc
    r = case.run()
    r.metrics["d50_volume"]                  # m
    r.timeseries["supersaturation"]          # numpy array over output times
    case.set_parameter("growth.interfacial-energy", 0.13)   # J/m^2, then run again

    proscale.run(file, set=...) is Case(file, set).run(); Case.from_dict and Case.from_yaml
    build a case without a file.
"""
from ._proscale import Case, InputError, Results, __version__, check, run

__all__ = ["Case", "InputError", "Results", "__version__", "check", "run"]
