#pragma once
// Hansen solubility parameters of common solvents at 25 degC (the table in HansenSolvents.cpp,
// transcribed from the repository's tests/models/data/hsp_solvents.csv, whose first line names
// the source: J. Schrier, "Hansen Solubility Parameters", Wolfram Data Repository (2020), from
// Zeng, Du, Xue & Frisch, Physical Properties of Polymers Handbook (2007) Table 16.3 and
// S. Abbott's HSP_Calculations.xlsx). A test reads the csv and compares every row.
//
// Flags: a row's note column is carried verbatim; a note starting "SUSPECT" marks a row the
// data file itself says not to use (Ethanolamine: its dD/dP/dH equal Ethanol's). A solvent the
// user gives (name, molar volume, parameters) without a source is flagged "unsourced".
#include <string>
#include <vector>

#include "models/thermo/dispersion/HansenDistance.h"

namespace proscale {

/// One row of the csv, in its units (cm^3/mol, MPa^0.5).
struct HansenSolventRow {
  const char* name;
  const char* inchiKey;
  double molarVolumeCm3PerMol;
  double deltaD, deltaP, deltaH, deltaTotal;
  const char* note;
};

/// The embedded table, in csv order.
const std::vector<HansenSolventRow>& hansenSolventRows();

/// A solvent as the dispersion model uses it (SI molar volume).
struct HansenSolvent {
  std::string name;
  double molarVolume = 0.0;   ///< V_1 [m^3/mol]
  HansenParameters parameters;
  std::string note;           ///< the data file's note, verbatim ("" if none)
  std::string source;         ///< provenance; "" for a user-supplied value without one

  bool suspect() const { return note.rfind("SUSPECT", 0) == 0; }
  bool unsourced() const { return source.empty(); }
  /// "", "suspect", "unsourced" or "note: ..." for a summary table.
  std::string flag() const;
};

/// The csv's first line, cited as the source of every tabulated solvent.
extern const char* const kHansenSolventSource;

/// The names of the tabulated solvents, in table order.
std::vector<std::string> hansenSolventNames();

/// The tabulated solvent of this name (case-insensitive); nullptr if none.
const HansenSolventRow* findHansenSolventRow(const std::string& name);

/// The tabulated solvent of this name (case-insensitive). Throws std::invalid_argument naming
/// the known solvents when there is none (the app adds the case-file position).
HansenSolvent hansenSolvent(const std::string& name);

/// The message for an unknown name: "unknown solvent 'x'; known: Cyclohexane, ...".
std::string unknownHansenSolventMessage(const std::string& name);

/// A user-supplied solvent; an empty source marks it "unsourced".
HansenSolvent userHansenSolvent(const std::string& name, double molarVolume,
                                const HansenParameters& parameters, const std::string& source = "");

}  // namespace proscale
