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

    proscale.water("400 degC", "25 MPa")     # IAPWS state, transport, dielectric, pK_w (SI)
    proscale.water_fast(T_array, p_array)    # density, enthalpy, cp through the fast path
    proscale.solvent("toluene")              # Hansen parameters
"""
from ._proscale import (Case, InputError, Results, __version__, check, run, solvent, water,
                        water_fast)

__all__ = ["Case", "InputError", "Results", "__version__", "check", "run", "solvent", "water",
           "water_fast"]
