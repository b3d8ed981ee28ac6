// The `proscale` command. Turns every error into one message and an exit code (see
// CommandLine.cpp's usage text); no exception leaves main.
#include <iostream>

#include "app/CaseSchema.h"
#include "app/CommandLine.h"
#include "app/CorrelateCommand.h"
#include "app/DescribeCommand.h"
#include "app/ReferenceCommand.h"
#include "app/RunCommand.h"
#include "core/Errors.h"
#include "core/Version.h"
#include "output/OutputDirectory.h"
#include "solvers/SolverFactory.h"

int main(int argc, char** argv) {
  using namespace proscale;
  // Under mpirun every rank finds the same input errors: rank 0 alone says so.
  if (parallelRank() != 0) std::cerr.setstate(std::ios::failbit);
  try {
    const CommandLine cl = parseCommandLine(argc, argv);
    if (cl.verb == "help") {
      std::cout << cl.helpText;
      return kSuccess;
    }
    if (cl.verb == "version") {
      std::cout << "proscale " << kVersion << "\n";
      return kSuccess;
    }
    if (cl.verb == "reference") {
      std::cout << caseReferenceMarkdown();
      return kSuccess;
    }
    if (cl.verb == "correlate") return runCorrelate(cl, std::cout);
    if (cl.verb == "describe") return runDescribe(cl, std::cout);
    return runCase(cl, std::cout);
  } catch (const UsageError& e) {
    std::cerr << "proscale: " << e.what() << "\n(proscale --help lists the verbs and options)\n";
    return kBadInput;
  } catch (const OutputDirectoryError& e) {
    std::cerr << "--output: " << e.what() << "\n";
    return kBadInput;
  } catch (const InputErrors& e) {
    for (const InputError& one : e.errors()) std::cerr << one.what() << "\n";
    return kBadInput;
  } catch (const InputError& e) {
    std::cerr << e.what() << "\n";
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "proscale: internal error: " << e.what() << "\n";
    return kInternalError;
  }
}
